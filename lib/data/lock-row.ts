/** Locking one row by its id: what every "lock X" read of a single row does. */
import { eq } from "drizzle-orm";
import type { AnyPgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Executor } from "@/db";

/** These columns of the row with this id, locked `for update` for the rest of the transaction; null when there is none. */
export async function lockRowById<S extends SelectedFields>(
  tx: Executor,
  table: PgTable & { id: AnyPgColumn },
  id: number,
  columns: S,
): Promise<SelectResultFields<S> | null> {
  const [row] = await tx
    .select(columns as SelectedFields)
    .from(table)
    .where(eq(table.id, id))
    .for("update")
    .limit(1);
  // One table, no join: the row has exactly the selected fields' types.
  return (row as SelectResultFields<S> | undefined) ?? null;
}
