/**
 * Half-month periods (半月期): a plan's year is cut into 24 periods, the 1st–15th (上半月) and the
 * 16th–month end (下半月) of each month. Dates are Asia/Shanghai (UTC+8, no daylight saving).
 * Pure functions: no clock, no database.
 */
import { pureMemo } from "@/lib/pure-memo";

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

/** Weeks (周) are numbered after the half months: period 101 is the year's first week. */
export const FIRST_WEEK_INDEX = 101;

export function isWeekIndex(index: number): boolean {
  return index >= FIRST_WEEK_INDEX;
}

/** A period by its index: 1–24 half months, 101… the year's weeks (Monday to Sunday, the first and last clipped to the year). Shared and frozen. */
export function periodOf(year: number, index: number): Period {
  return rememberedPeriod(year, index);
}

const rememberedPeriod = pureMemo((year: number, index: number): Period => {
  if (Number.isInteger(index) && index >= FIRST_WEEK_INDEX && index < FIRST_WEEK_INDEX + weeksInYear(year)) return weekOf(year, index - FIRST_WEEK_INDEX + 1);
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
});

const dateOf = (utc: Date) => `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** Days from 1 January to the year's first Sunday (0 when 1 January is a Sunday). */
function daysToFirstSunday(year: number): number {
  return (7 - new Date(Date.UTC(year, 0, 1)).getUTCDay()) % 7;
}

export const weeksInYear = pureMemo((year: number): number => {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  return 1 + Math.ceil((days - daysToFirstSunday(year) - 1) / 7);
});

/** Week `n` of a year: week 1 runs from 1 January to the first Sunday; later weeks Monday to Sunday. */
function weekOf(year: number, n: number): Period {
  const firstSunday = daysToFirstSunday(year);
  const startDay = n === 1 ? 0 : firstSunday + 1 + (n - 2) * 7;
  const endDay = Math.min(firstSunday + (n - 1) * 7, (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS - 1);
  const start = new Date(Date.UTC(year, 0, 1 + startDay));
  const end = new Date(Date.UTC(year, 0, 1 + endDay));
  const span = `${start.getUTCMonth() + 1}月${start.getUTCDate()}日—${end.getUTCMonth() + 1}月${end.getUTCDate()}日`;
  return {
    year,
    index: FIRST_WEEK_INDEX + n - 1,
    month: end.getUTCMonth() + 1,
    half: end.getUTCDate() <= 15 ? 1 : 2,
    startDate: dateOf(start),
    endDate: dateOf(end),
    label: `${year}年第${n}周（${span}）`,
    shortLabel: `第${n}周`,
  };
}

/** The week an instant's Shanghai date falls in. */
export function weekAt(instant: Date): Period {
  const { year, month, day } = shanghaiDate(instant);
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS;
  const first = daysToFirstSunday(year);
  const n = dayOfYear <= first ? 1 : 2 + Math.floor((dayOfYear - first - 1) / 7);
  return weekOf(year, n);
}

export function periodsOfYear(year: number): Period[] {
  return Array.from({ length: PERIODS_PER_YEAR }, (_, i) => periodOf(year, i + 1));
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): { year: number; month: number; day: number } {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The Shanghai calendar date of an instant, written `YYYY-MM-DD`. */
export function shanghaiDateText(instant: Date): string {
  const d = shanghaiDate(instant);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
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

/** Midnight at the start of a `YYYY-MM-DD` Shanghai date. */
export function dateMidnight(date: string): Date {
  return new Date(midnightMs(date));
}

const midnightMs = pureMemo((date: string): number => {
  const [y, m, d] = date.split("-").map(Number);
  return shanghaiMidnight(y!, m!, d!).getTime();
});

export function periodStartsAt(period: Period): Date {
  return dateMidnight(period.startDate);
}

/** The default due time: the period's last day at 24:00 Shanghai, plus the rule's offset in days. */
export function defaultDueAt(period: Period, rule: DeadlineRule = DEFAULT_DEADLINE_RULE): Date {
  return new Date(dateMidnight(period.endDate).getTime() + (1 + rule.offsetDays) * DAY_MS);
}

export function previousPeriod(period: Period): Period | null {
  if (isWeekIndex(period.index)) return period.index > FIRST_WEEK_INDEX ? periodOf(period.year, period.index - 1) : null;
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

/** To the second (the audit log): `2022-06-20 10:00:07`. */
export function formatShanghaiSeconds(instant: Date): string {
  const s = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${formatShanghai(instant)}:${pad(s.getUTCSeconds())}`;
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
