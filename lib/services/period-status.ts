/**
 * The state of every task's report in one period — the one source of truth for the supervision
 * overview, its counts, the compliance matrix and the drafted progress circular.
 */
import { db, type Executor } from "@/db";
import { now } from "@/lib/clock";
import { getDueOverrides, getPlanTaskDueOverrides } from "@/lib/data/reports";
import { loadPeriodRows } from "@/lib/data/period-status";
import { classifyReport, countCompliance, type Compliance, type ComplianceCounts } from "@/lib/reporting/compliance";
import { dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import type { ProgressState } from "@/db/schema";

export interface PeriodTaskStatus {
  taskId: number;
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
    loadPeriodRows(plan.id, periodIndex, executor),
    getDueOverrides(executor, plan.id),
    getPlanTaskDueOverrides(executor, plan.id),
  ]);
  const schedule: PlanSchedule = { year: plan.year, reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays, overrides };
  const planDue = dueAtOf(schedule, periodIndex);
  const statuses = rows.map((row): PeriodTaskStatus => {
    const dueAt = options.taskDueAt?.(row.taskId, periodIndex) ?? taskOverrides.get(row.taskId)?.get(periodIndex) ?? planDue;
    const closed = row.closedAfterPeriod !== null && row.closedAfterPeriod < periodIndex;
    const report = row.status ? { status: row.status, late: row.late, submittedAt: row.submittedAt } : null;
    return {
      taskId: row.taskId,
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
    return [...byUnit.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, "zh"));
  };
  return {
    periodIndex,
    rows: statuses,
    counts: countCompliance(statuses),
    unitsBy: { late: unitsFor("late"), missing: unitsFor("missing"), returned: unitsFor("returned") },
  };
}
