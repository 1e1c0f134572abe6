/**
 * 序时进度: how much of a task's span has elapsed, in percent. The span runs from the plan year's
 * 1 January 00:00 (Shanghai) to the end of the task's 完成时限 (tasks.due_on), or to the year's end.
 * Pure: the caller passes the instant (the app clock).
 */
import { shanghaiMidnight } from "@/lib/periods";

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` → the instant that day ends (Shanghai), or null when it is not such a date. */
function endOfDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(shanghaiMidnight(y, m, d).getTime() + DAY_MS);
}

export function taskSpan(planYear: number, dueOn: string | null): { start: Date; end: Date } {
  const start = shanghaiMidnight(planYear, 1, 1);
  const yearEnd = shanghaiMidnight(planYear + 1, 1, 1);
  const due = dueOn ? endOfDay(dueOn) : null;
  return { start, end: due && due.getTime() > start.getTime() ? due : yearEnd };
}

/** 0–100, one decimal: 0 before the span starts, 100 from its end on. */
export function timeProgress(planYear: number, dueOn: string | null, at: Date): number {
  const { start, end } = taskSpan(planYear, dueOn);
  const share = (at.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}
