/** Due times and which periods are open for reporting, under the task's cadence (lib/reporting/cadence.ts). Pure. */
import type { Period } from "@/lib/periods";
import { pureMemo } from "@/lib/pure-memo";
import { cadenceDueAt, cadenceKeyAt, cadenceKeys, cadencePeriod, owedFrom, type Cadence, type CadenceRule } from "./cadence";

export interface PlanSchedule {
  year: number;
  reportingStartPeriod: number;
  dueOffsetDays: number;
  /** Due times moved for single periods (a plan's holiday, or one task's approved extension). */
  overrides: ReadonlyMap<number, Date>;
  /** A closed task (办结销号) owes nothing after this period. */
  closedAfterPeriod?: number | null;
  /** How often reports are owed; absent = every half month. */
  cadence?: Cadence;
  /** 完成时限 (`YYYY-MM-DD`), for the final report of a `final` cadence. */
  dueOn?: string | null;
}

export function cadenceRuleOf(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn">): CadenceRule {
  return { cadence: schedule.cadence ?? "half_monthly", year: schedule.year, dueOn: schedule.dueOn ?? null };
}

export function dueAtOf(schedule: PlanSchedule, periodIndex: number): Date {
  return schedule.overrides.get(periodIndex) ?? cadenceDueAt(cadenceRuleOf(schedule), periodIndex, schedule.dueOffsetDays);
}

/** The period reports are being written for now under the schedule's cadence, clamped to the plan's year. */
export function currentPeriodIndex(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn">, at: Date): number {
  return cadenceKeyAt(cadenceRuleOf(schedule), at);
}

/** Every period the schedule owes in its year from the first reporting period on (closed tasks: up to closing). */
export function owedPeriodIndexes(schedule: PlanSchedule): readonly number[] {
  const rule = cadenceRuleOf(schedule);
  // Moved due times change when a period is due, not whether it is owed: the rest decides.
  return rememberedOwed(
    rule.cadence,
    rule.year,
    rule.cadence === "final" ? rule.dueOn : null,
    schedule.reportingStartPeriod,
    schedule.closedAfterPeriod ?? null,
  );
}

const rememberedOwed = pureMemo(
  (cadence: Cadence, year: number, dueOn: string | null | undefined, reportingStartPeriod: number, closedAfterPeriod: number | null): number[] => {
    const rule: CadenceRule = { cadence, year, dueOn };
    return cadenceKeys(rule).filter((key) => owedFrom(rule, key, reportingStartPeriod) && !closedBefore({ year, cadence, dueOn, closedAfterPeriod }, key));
  },
);

/** Periods for which a report may be filed: from the plan's first reporting period up to now. */
export function openPeriodIndexes(schedule: PlanSchedule, at: Date): number[] {
  const current = currentPeriodIndex(schedule, at);
  return owedPeriodIndexes(schedule).filter((key) => key <= current || (schedule.cadence === "final" && current > 0));
}

export function isOpenPeriod(schedule: PlanSchedule, periodIndex: number, at: Date): boolean {
  return openPeriodIndexes(schedule, at).includes(periodIndex);
}

/** A task closed after half month `closedAfterPeriod` owes no period that starts after that half month ends. */
function closedBefore(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn" | "closedAfterPeriod">, key: number): boolean {
  if (schedule.closedAfterPeriod == null) return false;
  const rule = cadenceRuleOf(schedule);
  if (rule.cadence === "half_monthly") return key > schedule.closedAfterPeriod;
  const closedEnd = cadencePeriod({ ...rule, cadence: "half_monthly" }, Math.max(1, schedule.closedAfterPeriod)).endDate;
  return cadencePeriod(rule, key).startDate > closedEnd;
}

export function periodWithDue(schedule: PlanSchedule, periodIndex: number): Period & { dueAt: Date } {
  return { ...cadencePeriod(cadenceRuleOf(schedule), periodIndex), dueAt: dueAtOf(schedule, periodIndex) };
}
