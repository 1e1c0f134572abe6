/** Writing the escalation ledger (问责台账); reading it lives with the ledger's pages. */
import type { Executor } from "@/db";
import { escalations } from "@/db/schema";

export type NewEscalation = typeof escalations.$inferInsert;

export async function recordEscalation(tx: Executor, entry: NewEscalation): Promise<number> {
  const [row] = await tx.insert(escalations).values(entry).returning({ id: escalations.id });
  if (!row) throw new Error("could not record the escalation");
  return row.id;
}
