/**
 * The public pages' rate limit (政务公开): each request is counted per client address and page in
 * `rate_limit_hits` with one upsert … returning, so every app instance counts in the same fixed window.
 * Counters of past windows are deleted when a window's first request of a bucket arrives.
 * Windows follow the real clock, never the demo's pinned one.
 */
import { db } from "@/db";
import { countHit, deleteOldHits } from "@/lib/data/public-view";
import { decide, publicBucket, type RateDecision, staleBefore, windowStartOf } from "@/lib/public-view/rate-limit";
import { publicViewSettings } from "./public-views";

export async function countPublicRequest(page: number | "index", address: string | null, at: Date = new Date()): Promise<RateDecision> {
  const { rateLimit, windowSeconds } = publicViewSettings();
  const hits = await countHit(db, publicBucket(page, address), windowStartOf(at, windowSeconds));
  if (hits === 1) await deleteOldHits(db, staleBefore(at, windowSeconds));
  return decide(hits, rateLimit, at, windowSeconds);
}
