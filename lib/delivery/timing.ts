/**
 * When an outgoing message may leave (pure; times are Beijing time, minutes after midnight):
 * - quiet hours hold SMS until they end (22:00–07:00 unless the user chose otherwise; a window may
 *   lie within one day, e.g. 12:00–14:00);
 * - the daily digest goes out when the recipient's quiet hours end, the next such moment;
 * - a failed attempt is retried after 30 s, 1, 2, 4 … minutes, at most MAX_ATTEMPTS times in all;
 * - the daily cap counts the messages of the recipient's Beijing day.
 */
import { shanghaiDate, shanghaiMidnight } from "@/lib/periods";

export const MAX_ATTEMPTS = 6;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface QuietHours {
  /** Minutes after midnight, Beijing time. */
  from: number;
  until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 22 * 60, until: 7 * 60 };
/** Messages a day before the rest wait for the digest (delivery_preferences.daily_cap's default). */
export const DEFAULT_DAILY_CAP = 5;

/** The start of the Beijing day `at` falls in. */
export function dayStart(at: Date): Date {
  const { year, month, day } = shanghaiDate(at);
  return shanghaiMidnight(year, month, day);
}

function minuteOfDay(at: Date): number {
  return Math.floor((at.getTime() - dayStart(at).getTime()) / MINUTE_MS);
}

export function isQuiet(at: Date, quiet: QuietHours): boolean {
  if (quiet.from === quiet.until) return false;
  const minute = minuteOfDay(at);
  return quiet.from < quiet.until ? minute >= quiet.from && minute < quiet.until : minute >= quiet.from || minute < quiet.until;
}

/** The next moment (strictly after `at`, or `at` itself when exactly on it) the clock shows `minute` Beijing time. */
export function nextMinuteOfDay(at: Date, minute: number): Date {
  const today = new Date(dayStart(at).getTime() + minute * MINUTE_MS);
  return today.getTime() >= at.getTime() ? today : new Date(today.getTime() + DAY_MINUTES * MINUTE_MS);
}

/** When an SMS written at `at` may go: now, or when the quiet hours end. */
export function smsDueAt(at: Date, quiet: QuietHours): Date {
  return isQuiet(at, quiet) ? nextMinuteOfDay(at, quiet.until) : at;
}

/** When the digest of messages held at `at` goes out: the next end of the quiet hours (07:00 for one who has none). */
export function digestDueAt(at: Date, quiet: QuietHours): Date {
  return nextMinuteOfDay(at, quiet.from === quiet.until ? DEFAULT_QUIET_HOURS.until : quiet.until);
}

/** After the `attempts`-th failed attempt: when to try again, or null when it has had its last. */
export function retryAt(at: Date, attempts: number): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(at.getTime() + 30_000 * 2 ** Math.max(0, attempts - 1));
}
