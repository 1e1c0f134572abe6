/** Reading one row that a caller may also want locked. */

/** The first row of a query (null when there is none), locked `for update` when asked. */
export async function firstRow<R>(query: PromiseLike<R[]> & { for(strength: "update"): PromiseLike<R[]> }, forUpdate = false): Promise<R | null> {
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}
