/** Reading the rows with some ids: what every "find these X" check does. */
import { inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Executor } from "@/db";

/** These columns of the table's rows with these ids, in no particular order (none for an empty list, without a query). */
export async function listRowsByIds<S extends SelectedFields>(
  tx: Executor,
  table: PgTable & { id: AnyPgColumn },
  ids: readonly number[],
  columns: S,
): Promise<SelectResultFields<S>[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select(columns as SelectedFields)
    .from(table)
    .where(inArray(table.id, [...ids]));
  // One table, no join: each row has exactly the selected fields' types.
  return rows as SelectResultFields<S>[];
}
