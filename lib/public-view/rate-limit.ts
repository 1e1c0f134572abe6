/**
 * Fixed-window request counting for the public pages (政务公开), shared by every app instance through
 * `rate_limit_hits`: the window a moment falls in, the bucket a request counts in, and the answer. Pure.
 */

/** The start of the fixed window `at` falls in: windows of `windowSeconds` from the Unix epoch. */
export function windowStartOf(at: Date, windowSeconds: number): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / size) * size);
}

/** Whole seconds until the window `at` falls in ends (at least 1): the Retry-After of a refusal. */
export function retryAfterSeconds(at: Date, windowSeconds: number): number {
  const end = windowStartOf(at, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - at.getTime()) / 1000));
}

/** Windows that ended before this are no longer read: their rows may be deleted. */
export function staleBefore(at: Date, windowSeconds: number): Date {
  return new Date(windowStartOf(at, windowSeconds).getTime() - windowSeconds * 1000);
}

/**
 * The bucket a request counts in: per client address and per public page (a plan, or the index).
 * Requests whose address is unknown (the app not behind its own server) share one bucket per page.
 */
export function publicBucket(page: number | "index", address: string | null): string {
  return `public:${page}:${address ?? "unknown"}`;
}

export interface RateDecision {
  allowed: boolean;
  hits: number;
  /** Seconds to wait, when refused. */
  retryAfter: number | null;
}

/** The answer once this request is counted: the `limit`-th request of a window is still served. */
export function decide(hits: number, limit: number, at: Date, windowSeconds: number): RateDecision {
  return hits <= limit ? { allowed: true, hits, retryAfter: null } : { allowed: false, hits, retryAfter: retryAfterSeconds(at, windowSeconds) };
}

export function tooManyMessage(retryAfter: number): string {
  return `访问过于频繁，请在 ${retryAfter} 秒后再试。`;
}
