/** Replacing a set of rows (a link table's rows for one owner, a report's values): what every "replace X of Y" does. */
import type { SQL } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";

/** Deletes the table's rows matching `owned`, then inserts `rows` (none for an empty list). */
export async function replaceRows<T extends PgTable>(tx: Executor, table: T, owned: SQL, rows: readonly PgInsertValue<T>[]): Promise<void> {
  await tx.delete(table).where(owned);
  if (rows.length) await tx.insert(table).values([...rows]);
}
