/**
 * Reporting cadences (报送频次): which periods a task or item owes reports for. Pure.
 * Every cadence uses the keys of lib/periods.ts, so one `period_index` column holds them all:
 *   每半月 half_monthly — every half month, keys 1–24;
 *   每月   monthly      — one report a month, keyed by the month's second half (2, 4 … 24), due at month end;
 *   每周   weekly       — one report a week, keys 101…;
 *   到期报送 final      — one report, keyed by the half month holding the due date, due that day at 24:00.
 */
import { pureMemo } from "@/lib/pure-memo";
import { dateMidnight, periodAt, periodOf, weekAt, weeksInYear, FIRST_WEEK_INDEX, PERIODS_PER_YEAR, type Period } from "@/lib/periods";

export const CADENCES = ["half_monthly", "monthly", "weekly", "final"] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABEL: Record<Cadence, string> = { half_monthly: "每半月报送", monthly: "每月报送", weekly: "每周报送", final: "到期一次报送" };

/** What a cadence needs to know besides the year: the final report's due date (`YYYY-MM-DD`). */
export interface CadenceRule {
  cadence: Cadence;
  year: number;
  /** 完成时限 of the task or item; the final report is due that day. Null = the year's last day. */
  dueOn?: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");

function finalDate(rule: CadenceRule): string {
  return rule.dueOn?.startsWith(`${rule.year}-`) ? rule.dueOn : rule.dueOn && rule.dueOn < `${rule.year}-01-01` ? `${rule.year}-01-01` : `${rule.year}-12-31`;
}

/** The half-month key holding a `YYYY-MM-DD` date of the rule's year. */
function halfMonthOfDate(date: string): number {
  const [, m, d] = date.split("-").map(Number);
  return (m! - 1) * 2 + (d! <= 15 ? 1 : 2);
}

/** What a rule's periods depend on, as memo arguments: the due date counts for the final report only. */
const ruleArgs = (rule: CadenceRule) => [rule.cadence, rule.year, rule.cadence === "final" ? (rule.dueOn ?? null) : null] as const;
const ruleOf = (cadence: Cadence, year: number, dueOn: string | null): CadenceRule => ({ cadence, year, dueOn });

/** Every key a cadence owes in its year, in order (shared and frozen). */
export function cadenceKeys(rule: CadenceRule): readonly number[] {
  return rememberedKeys(...ruleArgs(rule));
}

const rememberedKeys = pureMemo((cadence: Cadence, year: number, dueOn: string | null): number[] => {
  const rule = ruleOf(cadence, year, dueOn);
  switch (rule.cadence) {
    case "half_monthly":
      return Array.from({ length: PERIODS_PER_YEAR }, (_, i) => i + 1);
    case "monthly":
      return Array.from({ length: 12 }, (_, i) => (i + 1) * 2);
    case "weekly":
      return Array.from({ length: weeksInYear(rule.year) }, (_, i) => FIRST_WEEK_INDEX + i);
    case "final":
      return [halfMonthOfDate(finalDate(rule))];
  }
});

/** A key under a cadence, labelled as the unit reads it (2022年6月 for a monthly report). Shared and frozen. */
export function cadencePeriod(rule: CadenceRule, key: number): Period {
  return rememberedPeriod(...ruleArgs(rule), key);
}

const rememberedPeriod = pureMemo((cadence: Cadence, year: number, dueOn: string | null, key: number): Period => {
  const rule = ruleOf(cadence, year, dueOn);
  const base = periodOf(rule.year, key);
  if (rule.cadence === "monthly") {
    return { ...base, startDate: `${rule.year}-${pad(base.month)}-01`, label: `${rule.year}年${base.month}月`, shortLabel: `${base.month}月` };
  }
  if (rule.cadence === "final") {
    const due = finalDate(rule);
    const [, m, d] = due.split("-").map(Number);
    return { ...base, startDate: `${rule.year}-01-01`, endDate: due, label: `${rule.year}年到期报告（${m}月${d}日前）`, shortLabel: `到期报告` };
  }
  return base;
});

/** The key a moment falls in under a cadence (clamped to the rule's year: 0 before it, the last key after). */
export function cadenceKeyAt(rule: CadenceRule, at: Date): number {
  const half = periodAt(at);
  const keys = cadenceKeys(rule);
  if (half.year < rule.year) return 0;
  if (half.year > rule.year) return keys[keys.length - 1]!;
  switch (rule.cadence) {
    case "half_monthly":
      return half.index;
    case "monthly":
      return half.month * 2;
    case "weekly":
      return weekAt(at).index;
    case "final":
      return keys[0]!;
  }
}

/** The key under a cadence whose period holds a half month's last day (where a report filed for that half month counts). */
export function cadenceKeyForHalfMonth(rule: CadenceRule, halfMonth: Period): number {
  const [y, m, d] = halfMonth.endDate.split("-").map(Number);
  return cadenceKeyAt(rule, dateMidnight(`${y}-${pad(m!)}-${pad(d!)}`));
}

/** The default due time of a key: the period's last day at 24:00 plus the offset (the final report: its due date at 24:00). */
export function cadenceDueAt(rule: CadenceRule, key: number, offsetDays: number): Date {
  return new Date(rememberedDueMs(...ruleArgs(rule), key, offsetDays));
}

const rememberedDueMs = pureMemo((cadence: Cadence, year: number, dueOn: string | null, key: number, offsetDays: number): number => {
  const period = cadencePeriod(ruleOf(cadence, year, dueOn), key);
  const extra = cadence === "final" ? 0 : offsetDays;
  return dateMidnight(period.endDate).getTime() + (1 + extra) * 24 * 60 * 60 * 1000;
});

/** Whether a key is owed from a plan's first reporting half month on (a week or month ending on or after its start). */
export function owedFrom(rule: CadenceRule, key: number, reportingStartPeriod: number): boolean {
  const start = periodOf(rule.year, Math.max(1, Math.min(PERIODS_PER_YEAR, reportingStartPeriod)));
  return cadencePeriod(rule, key).endDate >= start.startDate;
}
