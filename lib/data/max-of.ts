/** The largest value of a column: what every "last number used" read does. */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";

/** The largest value of the (integer) column among the table's rows matching `where`; 0 when there are none. */
export async function maxOf(tx: Executor, table: PgTable, column: AnyPgColumn, where: SQL): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${column}), 0)::int` })
    .from(table)
    .where(where);
  return row?.n ?? 0;
}
