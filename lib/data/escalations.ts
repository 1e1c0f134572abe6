/** Writing the escalation ledger (问责台账); reading it lives with the ledger's pages. */
import type { Executor } from "@/db";
import { escalations } from "@/db/schema";
import { insertReturningId } from "./insert-row";

export type NewEscalation = typeof escalations.$inferInsert;

export async function recordEscalation(tx: Executor, entry: NewEscalation): Promise<number> {
  return insertReturningId(tx, escalations, entry);
}
