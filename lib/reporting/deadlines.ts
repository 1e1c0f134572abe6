/** Due times and which periods are open for reporting. Pure. */
import { defaultDueAt, periodAt, periodOf, type Period } from "@/lib/periods";

export interface PlanSchedule {
  year: number;
  reportingStartPeriod: number;
  dueOffsetDays: number;
  /** Due times moved for single periods (a plan's holiday, or one task's approved extension). */
  overrides: ReadonlyMap<number, Date>;
  /** A closed task (办结销号) owes nothing after this period. */
  closedAfterPeriod?: number | null;
}

export function dueAtOf(schedule: PlanSchedule, periodIndex: number): Date {
  return schedule.overrides.get(periodIndex) ?? defaultDueAt(periodOf(schedule.year, periodIndex), { offsetDays: schedule.dueOffsetDays });
}

/** The period reports are being written for now: the current half month, clamped to the plan's year. */
export function currentPeriodIndex(schedule: Pick<PlanSchedule, "year">, at: Date): number {
  const period = periodAt(at);
  if (period.year < schedule.year) return 0;
  if (period.year > schedule.year) return 24;
  return period.index;
}

/** Periods for which a report may be filed: from the plan's first reporting period up to now. */
export function openPeriodIndexes(schedule: PlanSchedule, at: Date): number[] {
  const last = lastOpenPeriod(schedule, at);
  const out: number[] = [];
  for (let i = Math.max(1, schedule.reportingStartPeriod); i <= last; i++) out.push(i);
  return out;
}

export function isOpenPeriod(schedule: PlanSchedule, periodIndex: number, at: Date): boolean {
  return periodIndex >= Math.max(1, schedule.reportingStartPeriod) && periodIndex <= lastOpenPeriod(schedule, at);
}

function lastOpenPeriod(schedule: PlanSchedule, at: Date): number {
  const current = currentPeriodIndex(schedule, at);
  return schedule.closedAfterPeriod == null ? current : Math.min(current, schedule.closedAfterPeriod);
}

export function periodWithDue(schedule: PlanSchedule, periodIndex: number): Period & { dueAt: Date } {
  return { ...periodOf(schedule.year, periodIndex), dueAt: dueAtOf(schedule, periodIndex) };
}
