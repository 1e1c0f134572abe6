/** Inserting one row and getting its id: what every "insert X" of a single row does. */
import { getTableName } from "drizzle-orm";
import type { AnyPgColumn, PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";

/** Inserts these values as one row of the table and returns the new row's id (an error when none comes back). */
export async function insertReturningId<T extends PgTable & { id: AnyPgColumn<{ data: number }> }>(
  tx: Executor,
  table: T,
  values: PgInsertValue<T>,
): Promise<number> {
  const [row] = await tx.insert(table).values(values).returning({ id: table.id });
  if (!row) throw new Error(`could not insert a ${getTableName(table)} row`);
  return row.id as number;
}
