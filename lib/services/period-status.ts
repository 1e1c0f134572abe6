/**
 * The state of every task's report in one half month — the one source of truth for the supervision
 * overview, its counts, the compliance matrix, 催办 and the drafted progress circular. Each task counts
 * in the period of its own cadence that the half month stands for (lib/reporting/task-periods.ts
 * keyForHalfMonth): a monthly item in the month's second half only, a weekly one its week, a final
 * report in the half month of its due date; a task owing nothing in the half month is left out.
 */
import { db, type Executor } from "@/db";
import { now } from "@/lib/clock";
import { listDueOverrides, listPlanTaskDueOverrides } from "@/lib/data/plan-schedule";
import { loadPeriodRows } from "@/lib/data/period-status";
import { classifyReport, countCompliance, type Compliance, type ComplianceCounts } from "@/lib/reporting/compliance";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { isClosedAt, keyForHalfMonth, keysEndingInHalfMonth } from "@/lib/reporting/task-periods";
import type { ProgressState } from "@/db/schema";
import { compareZh } from "@/lib/zh-order";

export interface PeriodTaskStatus {
  taskId: number;
  /** The period of the task's own cadence counted for this half month (the half month itself for half-monthly tasks). */
  periodIndex: number;
  seq: number;
  content: string;
  leaders: { id: number; name: string }[];
  leadUnits: { id: number; name: string }[];
  dueAt: Date;
  compliance: Compliance;
  percent: number | null;
  progressState: ProgressState | null;
  submittedAt: Date | null;
  returnReason: string | null;
}

export interface PeriodStatus {
  periodIndex: number;
  rows: PeriodTaskStatus[];
  counts: ComplianceCounts;
  /** Lead units named for each kind of failure, with the task seqs, in name order. */
  unitsBy: Record<"late" | "missing" | "returned", { unitId: number; unitName: string; seqs: number[] }[]>;
}

export async function getPeriodStatus(
  plan: { id: number; year: number; reportingStartPeriod: number; dueOffsetDays: number },
  periodIndex: number,
  options: { at?: Date; executor?: Executor; taskDueAt?: (taskId: number, periodIndex: number) => Date | undefined } = {},
): Promise<PeriodStatus> {
  const executor = options.executor ?? db;
  const at = options.at ?? now();
  const [rows, overrides, taskOverrides] = await Promise.all([
    loadPeriodRows(plan.id, keysEndingInHalfMonth(plan.year, periodIndex), executor),
    listDueOverrides(executor, [plan.id]).then((byPlan) => byPlan.get(plan.id) ?? new Map<number, Date>()),
    listPlanTaskDueOverrides(executor, plan.id),
  ]);
  // One row per task: the report of the key its cadence counts for this half month (if it owes one).
  const byTask = new Map<number, { row: (typeof rows)[number]; schedule: PlanSchedule; key: number }>();
  for (const row of rows) {
    const known = byTask.get(row.taskId);
    if (known) {
      if (row.periodIndex === known.key) known.row = row;
      continue;
    }
    const schedule = scheduleOf(
      { ...plan, overrides, cadence: row.planCadence },
      {
        id: row.taskId,
        planId: plan.id,
        cadence: row.cadence,
        dueOn: row.dueOn,
        closedAfterPeriod: row.closedAfterPeriod,
        reportingStartPeriod: row.taskStartPeriod,
      },
      taskOverrides.get(row.taskId),
    );
    const key = keyForHalfMonth(schedule, periodIndex, at);
    if (key === null) continue;
    byTask.set(row.taskId, {
      row:
        row.periodIndex === key
          ? row
          : { ...row, periodIndex: null, status: null, late: null, submittedAt: null, percent: null, progressState: null, returnReason: null, reportId: null },
      schedule,
      key,
    });
  }
  const statuses = [...byTask.values()].map(({ row, schedule, key }): PeriodTaskStatus => {
    const dueAt = options.taskDueAt?.(row.taskId, key) ?? dueAtOf(schedule, key);
    const closed = isClosedAt(schedule, key);
    const report = row.status ? { status: row.status, late: row.late, submittedAt: row.submittedAt } : null;
    return {
      taskId: row.taskId,
      periodIndex: key,
      seq: row.seq,
      content: row.content,
      leaders: row.leaders,
      leadUnits: row.leadUnits,
      dueAt,
      compliance: classifyReport(report, dueAt, at, closed),
      percent: row.percent,
      progressState: row.progressState,
      submittedAt: row.submittedAt,
      returnReason: row.returnReason,
    };
  });
  const unitsFor = (kind: "late" | "missing" | "returned") => {
    const byUnit = new Map<number, { unitId: number; unitName: string; seqs: number[] }>();
    for (const row of statuses.filter((s) => s.compliance === kind)) {
      for (const unit of row.leadUnits) {
        const entry = byUnit.get(unit.id) ?? { unitId: unit.id, unitName: unit.name, seqs: [] };
        entry.seqs.push(row.seq);
        byUnit.set(unit.id, entry);
      }
    }
    return [...byUnit.values()].sort((a, b) => compareZh(a.unitName, b.unitName));
  };
  return {
    periodIndex,
    rows: statuses,
    counts: countCompliance(statuses),
    unitsBy: { late: unitsFor("late"), missing: unitsFor("missing"), returned: unitsFor("returned") },
  };
}
