/**
 * A task's periods under its own schedule (cadence, 完成时限, closing): which ones it owes now, which
 * one is being written, which one a half month stands for. Pure (lib/reporting/deadlines.ts rules).
 */
import { deadlineSignal, describeTimeLeft, formatDue, periodOf, FIRST_WEEK_INDEX, PERIODS_PER_YEAR, type DeadlineSignal } from "@/lib/periods";
import { cadenceKeys, cadencePeriod, CADENCE_LABEL } from "./cadence";
import { cadenceRuleOf, currentPeriodIndex, isOpenPeriod, openPeriodIndexes, owedPeriodIndexes, periodWithDue, type PlanSchedule } from "./deadlines";

/** The most weeks a year has (a leap year starting on a Saturday has 54). */
const MAX_WEEKS = 54;

/** Whether a number can be a period key at all (a half month 1–24 or a week 101…). Says nothing of a task's cadence. */
export function isPeriodKey(key: number): boolean {
  return Number.isInteger(key) && ((key >= 1 && key <= PERIODS_PER_YEAR) || (key >= FIRST_WEEK_INDEX && key < FIRST_WEEK_INDEX + MAX_WEEKS));
}

/** Whether the key is one of the periods of the schedule's cadence in its year (6月上半月 is not, for a monthly item). */
export function isCadenceKey(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn">, key: number): boolean {
  return cadenceKeys(cadenceRuleOf(schedule)).includes(key);
}

/** 该事项按每月报送，没有「2022年6月上半月」这一期 */
export function notInCadenceMessage(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn">, key: number): string {
  const rule = cadenceRuleOf(schedule);
  let label = `第 ${key} 期`;
  try {
    label = `「${periodOf(rule.year, key).label}」`;
  } catch {
    // not a period of that year at all
  }
  return `该任务${CADENCE_LABEL[rule.cadence]}，没有${label}这一期`;
}

/** Whether the task, closed (办结销号), owes nothing for this key any more. */
export function isClosedAt(schedule: PlanSchedule, key: number): boolean {
  if (schedule.closedAfterPeriod == null) return false;
  return !owedPeriodIndexes({ ...schedule, reportingStartPeriod: 1 }).includes(key);
}

export interface TaskPeriodsNow {
  /** Keys open for reporting now, in order (closing aside: a closed task's later keys are listed and marked closed). */
  open: number[];
  /** The key being written now (the latest open one); null before the task's reporting starts. */
  current: number | null;
}

/** The periods a task's reports are open for now under its schedule. */
export function taskPeriodsNow(schedule: PlanSchedule, at: Date): TaskPeriodsNow {
  const open = openPeriodIndexes({ ...schedule, closedAfterPeriod: null }, at);
  return { open, current: open.length > 0 ? open[open.length - 1]! : null };
}

/**
 * The key a half month stands for under a task's cadence (the overview's, the matrix's and 催办's
 * "this period"): among the keys whose period ends within the half month, the latest one already
 * open, else the first. Null when none ends in it: a monthly item owes nothing in a first half month,
 * a final report nothing outside the half month of its due date.
 */
export function keyForHalfMonth(schedule: Pick<PlanSchedule, "year" | "cadence" | "dueOn">, halfMonth: number, at: Date): number | null {
  const rule = cadenceRuleOf(schedule);
  if (rule.cadence === "half_monthly") return halfMonth;
  const { startDate, endDate } = periodOf(rule.year, halfMonth);
  const within = cadenceKeys(rule).filter((key) => {
    const end = cadencePeriod(rule, key).endDate;
    return end >= startDate && end <= endDate;
  });
  if (within.length === 0) return null;
  const current = currentPeriodIndex(schedule, at);
  const started = within.filter((key) => key <= current);
  return started.length > 0 ? started[started.length - 1]! : within[0]!;
}

/**
 * Every key keyForHalfMonth can give for a half month, any cadence (to load a half month's reports in
 * one query): the half month itself (also a month's key and a final report's) and the weeks ending in it.
 */
export function keysEndingInHalfMonth(year: number, halfMonth: number): number[] {
  const keys = new Set<number>([halfMonth]);
  const { startDate, endDate } = periodOf(year, halfMonth);
  for (const key of cadenceKeys({ cadence: "weekly", year })) {
    const end = periodOf(year, key).endDate;
    if (end >= startDate && end <= endDate) keys.add(key);
  }
  return [...keys].sort((a, b) => a - b);
}

/**
 * Why a report or input may not be filed for the key now: not a period of the task's cadence (a
 * monthly item has no 6月上半月), or not begun / outside the reporting range; null when it is open.
 */
export function notOpenMessage(schedule: PlanSchedule, key: number, at: Date): string | null {
  if (!isCadenceKey(schedule, key)) return notInCadenceMessage(schedule, key);
  if (!isOpenPeriod(schedule, key, at)) return "该期尚未开始或不在填报范围内";
  return null;
}

/** A period as the report and input forms head it: label, due time, time left and deadline signal. */
export interface FormPeriod {
  index: number;
  label: string;
  dueAt: Date;
  dueLabel: string;
  timeLeft: string;
  signal: DeadlineSignal;
}

export function formPeriodOf(schedule: PlanSchedule, key: number, at: Date): FormPeriod {
  const { index, label, dueAt } = periodWithDue(schedule, key);
  return { index, label, dueAt, dueLabel: formatDue(dueAt), timeLeft: describeTimeLeft(dueAt, at), signal: deadlineSignal(dueAt, at) };
}
