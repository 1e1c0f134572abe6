/**
 * `qualified(tasks.id)` renders `"tasks"."id"`. Drizzle writes a selected column without its table
 * name when the query has one table; inside a correlated subquery of a select list that bare name
 * would bind to the subquery's own table. Use this for outer columns referenced in such subqueries.
 * Only schema objects are accepted: never user input.
 */
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

export function qualified(column: AnyPgColumn): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}
