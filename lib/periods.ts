/**
 * Half-month periods (半月期): a plan's year is cut into 24 periods, the 1st–15th (上半月) and the
 * 16th–month end (下半月) of each month. Dates are Asia/Shanghai (UTC+8, no daylight saving).
 * Pure functions: no clock, no database.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export const PERIODS_PER_YEAR = 24;

export interface Period {
  year: number;
  /** 1 … 24 */
  index: number;
  month: number;
  half: 1 | 2;
  /** First and last day, `YYYY-MM-DD`, Shanghai dates. */
  startDate: string;
  endDate: string;
  /** 2022年6月下半月 */
  label: string;
  /** 6月下半月 */
  shortLabel: string;
}

export interface DeadlineRule {
  /** Days after the period's last day; 0 = the last day, 24:00. */
  offsetDays: number;
}

export const DEFAULT_DEADLINE_RULE: DeadlineRule = { offsetDays: 0 };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

export function periodOf(year: number, index: number): Period {
  if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_YEAR) throw new RangeError(`period index ${index}`);
  const month = Math.ceil(index / 2);
  const half = (index % 2 === 1 ? 1 : 2) as 1 | 2;
  const first = half === 1 ? 1 : 16;
  const last = half === 1 ? 15 : daysInMonth(year, month);
  const halfLabel = half === 1 ? "上半月" : "下半月";
  return {
    year,
    index,
    month,
    half,
    startDate: `${year}-${pad(month)}-${pad(first)}`,
    endDate: `${year}-${pad(month)}-${pad(last)}`,
    label: `${year}年${month}月${halfLabel}`,
    shortLabel: `${month}月${halfLabel}`,
  };
}

export function periodsOfYear(year: number): Period[] {
  return Array.from({ length: PERIODS_PER_YEAR }, (_, i) => periodOf(year, i + 1));
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The period an instant falls in (Shanghai time). */
export function periodAt(instant: Date): Period {
  const { year, month, day } = shanghaiDate(instant);
  return periodOf(year, (month - 1) * 2 + (day <= 15 ? 1 : 2));
}

/** Midnight at the start of a Shanghai date, as an instant. */
export function shanghaiMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS);
}

export function periodStartsAt(period: Period): Date {
  return shanghaiMidnight(period.year, period.month, period.half === 1 ? 1 : 16);
}

/** The default due time: the period's last day at 24:00 Shanghai, plus the rule's offset in days. */
export function defaultDueAt(period: Period, rule: DeadlineRule = DEFAULT_DEADLINE_RULE): Date {
  const lastDay = period.half === 1 ? 15 : daysInMonth(period.year, period.month);
  return new Date(shanghaiMidnight(period.year, period.month, lastDay).getTime() + (1 + rule.offsetDays) * DAY_MS);
}

export function previousPeriod(period: Period): Period | null {
  return period.index > 1 ? periodOf(period.year, period.index - 1) : null;
}

/** How a deadline stands for something not yet submitted: red when past, amber within 3 days. */
export type DeadlineSignal = "overdue" | "due_soon" | "open";
export const DUE_SOON_MS = 3 * DAY_MS;

export function deadlineSignal(dueAt: Date, at: Date): DeadlineSignal {
  const left = dueAt.getTime() - at.getTime();
  if (left <= 0) return "overdue";
  if (left <= DUE_SOON_MS) return "due_soon";
  return "open";
}

/** 还剩 2 天 5 小时 / 已逾期 3 天 */
export function describeTimeLeft(dueAt: Date, at: Date): string {
  const ms = dueAt.getTime() - at.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / (60 * 60 * 1000));
  const span = days > 0 ? `${days} 天${hours > 0 ? ` ${hours} 小时` : ""}` : hours > 0 ? `${hours} 小时` : "不到 1 小时";
  return ms > 0 ? `还剩 ${span}` : `已逾期 ${span}`;
}

/** `2022-06-16 00:00` style, Shanghai time, for showing deadlines. */
export function formatShanghai(instant: Date): string {
  const s = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}

/** A deadline as people say it: midnight is "24:00" of the day before (6月15日 24:00). */
export function formatDue(instant: Date): string {
  const s = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  if (s.getUTCHours() === 0 && s.getUTCMinutes() === 0) {
    const d = new Date(s.getTime() - DAY_MS);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 24:00`;
  }
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`;
}
