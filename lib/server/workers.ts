/**
 * How many server processes `npm start` runs (WEB_CONCURRENCY). One Node process renders on one core;
 * with N workers the pages of N requests render at once, the way several instances behind a load
 * balancer would (nothing the app keeps per process breaks that: sessions, limits and files live in
 * the database and the data folder).
 * - unset or `1`: one process, as before;
 * - a number 2–64: that many workers under one primary that only restarts them;
 * - `auto`: one per core (os.availableParallelism()).
 * The embedded database serves one connection at a time, so its launcher always runs one process.
 */
export const MAX_WORKERS = 64;

export function serverWorkers(value: string | undefined, cores: number): number {
  const text = value?.trim() ?? "";
  if (text === "") return 1;
  if (text === "auto") return Math.max(1, Math.min(MAX_WORKERS, cores));
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_WORKERS)
    throw new Error(`WEB_CONCURRENCY 应为 1–${MAX_WORKERS} 之间的整数或 auto，而不是「${value}」`);
  return Number(text);
}
