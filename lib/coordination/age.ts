/**
 * How long a coordination request (需协调事项) has waited, by Shanghai calendar days: raised today is
 * 0 days. Amber after 7 days, red after 14, while it is not resolved. Pure: the caller passes `now()`.
 */
import type { CoordinationStatus } from "@/db/schema";
import { shanghaiDate } from "@/lib/periods";

export const AGE_AMBER_AFTER_DAYS = 7;
export const AGE_RED_AFTER_DAYS = 14;

export type AgeSignal = "none" | "amber" | "red";

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(instant: Date): number {
  const { year, month, day } = shanghaiDate(instant);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Whole calendar days from `from` to `to` (Shanghai), never negative. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.max(0, dayNumber(to) - dayNumber(from));
}

/** amber: more than 7 days; red: more than 14 days; a resolved request no longer ages. */
export function ageSignal(days: number, status: CoordinationStatus): AgeSignal {
  if (status === "resolved") return "none";
  if (days > AGE_RED_AFTER_DAYS) return "red";
  if (days > AGE_AMBER_AFTER_DAYS) return "amber";
  return "none";
}

/** 「今天提出」/「已等待 12 天」(open) /「已提出 12 天」(answered, the unit acting on it) /「历时 12 天解决」. */
export function describeAge(days: number, status: CoordinationStatus): string {
  if (status === "resolved") return days === 0 ? "当天解决" : `历时 ${days} 天解决`;
  if (days === 0) return "今天提出";
  return status === "open" ? `已等待 ${days} 天` : `已提出 ${days} 天`;
}

export const COORDINATION_STATUS_LABEL: Record<CoordinationStatus, string> = { open: "待批示", answered: "已批示", resolved: "已解决" };
