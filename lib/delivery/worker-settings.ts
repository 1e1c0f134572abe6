/**
 * Where the outbox worker runs (issue 16): inside every app server process unless OUTBOX_WORKER=off
 * (then `npm run worker` sends), every OUTBOX_INTERVAL_MS (default 5 s, 1 s–10 min). Several running at
 * once is safe: they never take the same message (lib/data/outbox.ts).
 */
export const DEFAULT_INTERVAL_MS = 5_000;

export function workerInApp(value: string | undefined): boolean {
  return !["off", "0", "false", "no"].includes((value ?? "").trim().toLowerCase());
}

export function deliveryInterval(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1_000 && n <= 600_000 ? n : DEFAULT_INTERVAL_MS;
}
