/**
 * A dispatch follow-up (调度事项) is due at the end of its due day (Shanghai, 24:00): red once past,
 * amber within 3 days, nothing once closed. Pure: the caller passes `now()`.
 */
import type { FollowUpStatus } from "@/db/schema";
import { deadlineSignal, describeTimeLeft, shanghaiMidnight, type DeadlineSignal } from "@/lib/periods";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (2022-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The instant a `YYYY-MM-DD` due day ends: the next day's 00:00 in Shanghai. */
export function followUpDueAt(dueOn: string): Date {
  const m = DATE.exec(dueOn);
  if (!m) throw new RangeError(`due date ${dueOn}`);
  return shanghaiMidnight(Number(m[1]), Number(m[2]), Number(m[3]) + 1);
}

export function followUpSignal(dueOn: string, status: FollowUpStatus, at: Date): DeadlineSignal | null {
  if (status === "closed") return null;
  return deadlineSignal(followUpDueAt(dueOn), at);
}

/** 「还剩 2 天」/「已逾期 3 天」 for an open follow-up; null once closed. */
export function describeFollowUpDue(dueOn: string, status: FollowUpStatus, at: Date): string | null {
  if (status === "closed") return null;
  return describeTimeLeft(followUpDueAt(dueOn), at);
}

export const FOLLOW_UP_STATUS_LABEL: Record<FollowUpStatus, string> = { open: "办理中", closed: "已办结" };
