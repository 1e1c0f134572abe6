/**
 * 报送情况矩阵: lead units × periods (the plan's first reporting period to the current one), each
 * cell the worst state of the unit's reports in that period, repeat offenders first.
 * Four queries, run together, whatever the number of units, tasks and periods.
 * For the supervision office and the administrator only: anyone else gets "not found".
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { listMatrixReports, listMatrixTasks } from "@/lib/data/matrix";
import { getDueOverrides, getPlanTaskDueOverrides } from "@/lib/data/reports";
import { getLatestPlanSchedule } from "@/lib/data/workspace";
import { buildMatrix, type Matrix } from "@/lib/overview/matrix";
import { periodOf, type Period } from "@/lib/periods";
import { currentPeriodIndex, dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { assertSupervisor } from "./overview";

export interface ComplianceMatrix {
  plan: { id: number; year: number; title: string };
  periods: Period[];
  matrix: Matrix;
  at: Date;
}

export async function getComplianceMatrix(actor: Actor, options: { at?: Date } = {}): Promise<ComplianceMatrix | null> {
  assertSupervisor(actor);
  const plan = await getLatestPlanSchedule(db);
  if (!plan) return null;
  const at = options.at ?? now();
  const start = Math.max(1, plan.reportingStartPeriod);
  const last = Math.min(24, currentPeriodIndex(plan, at));
  const indexes: number[] = [];
  for (let i = start; i <= last; i++) indexes.push(i);
  const [tasks, reports, planOverrides, taskOverrides] = await Promise.all([
    listMatrixTasks(db, plan.id),
    listMatrixReports(db, { planId: plan.id, fromPeriod: start, toPeriod: last }),
    getDueOverrides(db, plan.id),
    getPlanTaskDueOverrides(db, plan.id),
  ]);
  const schedule: PlanSchedule = { year: plan.year, reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays, overrides: planOverrides };
  const planDue = new Map(indexes.map((i) => [i, dueAtOf(schedule, i)]));
  // As getPeriodStatus: an approved extension for the task wins over the plan's due time.
  const dueAt = (taskId: number, periodIndex: number) => taskOverrides.get(taskId)?.get(periodIndex) ?? planDue.get(periodIndex)!;
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title },
    periods: indexes.map((i) => periodOf(plan.year, i)),
    matrix: buildMatrix({ periods: indexes, tasks, reports, dueAt, at }),
    at,
  };
}
