/** The directory's one rule for a new name: no unit, alias or collective name may have it already. */
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { findDirectoryName, lockDirectory } from "@/lib/data/units";
import { DomainError } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { uniqueOr } from "./db-errors";
import { nameTakenMessage } from "./directory-names";
import { type Audit, mutation, type Transaction } from "./mutation";

/** Refuses a name another unit, alias or collective name has (call it with the directory locked). */
export async function assertNameFree(tx: Executor, name: string): Promise<void> {
  const owner = await findDirectoryName(tx, name);
  if (owner) throw new DomainError("conflict", nameTakenMessage(name, owner));
}

/**
 * A change that gives a unit, an alias or a collective name a name: the administrator's, run with the
 * directory locked, and a unique violation (a name saved at the same moment) read as `nameTaken`.
 * Each audit row of the change names its action.
 */
export async function changeDirectoryNames<T>(
  actor: Actor,
  nameTaken: string,
  target: { entity: "unit" | "unit_group"; ip: string | null },
  change: (tx: Transaction, audit: Audit) => Promise<T>,
): Promise<T> {
  assertCan(actor, "admin.manage");
  const { entity, ip } = target;
  return uniqueOr(nameTaken, () =>
    mutation(actor, { entity, ip }, async (tx, audit) => {
      await lockDirectory(tx);
      return change(tx, audit);
    }),
  );
}
