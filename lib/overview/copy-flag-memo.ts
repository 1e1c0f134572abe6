/**
 * copyFlagOf remembered by its two texts: a submitted version never changes, so the same pair always
 * scores the same, and the overview (a thousand pairs a request) scores each pair once per process.
 * Bounded: past MAX pairs the memory starts again; a pair is kept by its digest, not its texts.
 */
import { createHash } from "node:crypto";
import { type CopyFlag, copyFlagOf } from "./similarity";

const MAX = 20_000;
const seen = new Map<string, { similarity: number; flag: CopyFlag | null }>();

export function rememberedCopyFlag(previous: string, current: string): { similarity: number; flag: CopyFlag | null } {
  const key = createHash("sha1").update(previous).update("\u0000").update(current).digest("base64");
  let found = seen.get(key);
  if (!found) {
    found = copyFlagOf(previous, current);
    if (seen.size >= MAX) seen.clear();
    seen.set(key, found);
  }
  return found;
}
