/**
 * Remembers the results of a pure function of a few numbers or strings, so a page that asks for the
 * same half month or due time thousands of times (the compliance matrix: every task × every column)
 * computes it once. Results are frozen: a caller that tried to change a shared Period would throw.
 * Bounded: past `limit` entries the memory starts again. No clock, no I/O — the same in every process.
 */
type Primitive = string | number | boolean | null | undefined;

export function pureMemo<Args extends readonly Primitive[], Result>(compute: (...args: Args) => Result, limit = 20_000): (...args: Args) => Result {
  // One map per argument, nested: no key string built on every call.
  let root = new Map<Primitive, unknown>();
  let size = 0;
  return (...args: Args) => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) {
      let next = level.get(args[i]) as Map<Primitive, unknown> | undefined;
      if (!next) level.set(args[i], (next = new Map()));
      level = next;
    }
    const last = args[args.length - 1];
    if (level.has(last)) return level.get(last) as Result;
    const result = compute(...args);
    if (result !== null && typeof result === "object") Object.freeze(result);
    if (++size > limit) {
      root = new Map();
      size = 1;
      return result;
    }
    level.set(last, result);
    return result;
  };
}
