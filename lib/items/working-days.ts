/**
 * Working days (工作日) for 签收: Monday to Friday in Shanghai. The code base has no holiday calendar;
 * when one is added, `isWorkingDay` is the one place to ask it. Pure: dates are `YYYY-MM-DD`.
 */
import { dateMidnight, shanghaiDate } from "@/lib/periods";

/** The lead unit has this many working days after registration to acknowledge an item. */
export const ACKNOWLEDGE_WORKING_DAYS = 2;

const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

function weekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d!) + DAY_MS);
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

export function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The `n`th working day after `date` (the day itself never counts). */
export function addWorkingDays(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** The Shanghai date of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(instant: Date): string {
  const { year, month, day } = shanghaiDate(instant);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** When 签收 is due: the end (24:00) of the 2nd working day after the day of registration. */
export function acknowledgeDueAt(registeredAt: Date): Date {
  const lastDay = addWorkingDays(shanghaiDay(registeredAt), ACKNOWLEDGE_WORKING_DAYS);
  return new Date(dateMidnight(lastDay).getTime() + DAY_MS);
}

/** Not acknowledged within 2 working days of registration: 超期未签收. */
export function isAcknowledgeOverdue(item: { registeredAt: Date; acknowledgedAt: Date | null }, at: Date): boolean {
  return item.acknowledgedAt === null && at.getTime() >= acknowledgeDueAt(item.registeredAt).getTime();
}
