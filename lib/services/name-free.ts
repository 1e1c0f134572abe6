/** The directory's one rule for a new name: no unit, alias or collective name may have it already. */
import type { Executor } from "@/db";
import { findDirectoryName, lockDirectory } from "@/lib/data/units";
import { DomainError } from "@/lib/errors";
import { nameTakenMessage } from "./directory-names";

/** Refuses a name another unit, alias or collective name has (call it with the directory locked). */
export async function assertNameFree(tx: Executor, name: string): Promise<void> {
  const owner = await findDirectoryName(tx, name);
  if (owner) throw new DomainError("conflict", nameTakenMessage(name, owner));
}

/** Locks the directory, then refuses a name already taken: how creating a unit or a collective name starts. */
export async function lockDirectoryForNewName(tx: Executor, name: string): Promise<void> {
  await lockDirectory(tx);
  await assertNameFree(tx, name);
}
