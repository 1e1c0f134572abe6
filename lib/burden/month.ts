/** 减负: the calendar month the burden meter counts (Asia/Shanghai), and its two half months. Pure. */
import { periodAt, periodOf, shanghaiMidnight, type Period } from "@/lib/periods";

export interface BurdenMonth {
  year: number;
  /** 1 … 12 */
  month: number;
}

/** `2022-06` → { year: 2022, month: 6 }; anything else → null. */
export function parseMonth(value: string | undefined | null): BurdenMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return { year, month };
}

/** The month a moment falls in, in Shanghai. */
export function monthAt(at: Date): BurdenMonth {
  const period = periodAt(at);
  return { year: period.year, month: period.month };
}

export const monthParam = (m: BurdenMonth) => `${m.year}-${String(m.month).padStart(2, "0")}`;
export const monthLabel = (m: BurdenMonth) => `${m.year}年${m.month}月`;

/** The month's two half months (上半月, 下半月). */
export function halvesOf(m: BurdenMonth): [Period, Period] {
  return [periodOf(m.year, m.month * 2 - 1), periodOf(m.year, m.month * 2)];
}

/** The month containing a half month. */
export function monthOfHalf(year: number, halfMonth: number): BurdenMonth {
  return { year, month: Math.ceil(halfMonth / 2) };
}

/** The month after, or null past December (the meter counts one year's plans). */
export function nextMonth(m: BurdenMonth): BurdenMonth | null {
  return m.month < 12 ? { year: m.year, month: m.month + 1 } : null;
}

/** [start, end) of the month in Shanghai, as instants (for counting reminders and messages). */
export function monthRange(m: BurdenMonth): { from: Date; to: Date } {
  const from = shanghaiMidnight(m.year, m.month, 1);
  const to = m.month === 12 ? shanghaiMidnight(m.year + 1, 1, 1) : shanghaiMidnight(m.year, m.month + 1, 1);
  return { from, to };
}

/** The months of a year up to (and including) a month, newest first (the month picker). */
export function monthsUpTo(m: BurdenMonth): BurdenMonth[] {
  const out: BurdenMonth[] = [];
  for (let i = m.month; i >= 1; i--) out.push({ year: m.year, month: i });
  return out;
}
