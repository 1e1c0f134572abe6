/**
 * A list of ids as ONE bound parameter (`'{1,2,3}'::int[]`), for `= any(…)`: a thousand ids stay a
 * single parameter instead of a thousand. Only integers pass; anything else throws.
 */
import { sql, type SQL } from "drizzle-orm";

export function intArray(ids: readonly number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new TypeError(`not an id: ${id}`);
  return sql`${`{${ids.join(",")}}`}::int[]`;
}
