/**
 * Data access for schedules: plans with their timing, due times moved for a plan's periods (节假日调整)
 * or for one task's periods (approved 延期申请), and what each task's own schedule depends on.
 * Plain queries; lib/plans/live.ts loads through these and builds schedules (lib/reporting/plan-schedule.ts).
 */
import "server-only";
import { asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { periodDueOverrides, plans, taskDueOverrides, tasks } from "@/db/schema";
import { intArray } from "./int-array";
import { planFields, type PlanRow } from "./plans";
import { getTaskWithPlan } from "./task-with-plan";

/** Plans matching `where`, latest year first (tables before the items register, then oldest first). */
export async function listPlanRows(executor: Executor, where: SQL | undefined): Promise<PlanRow[]> {
  return executor.select(planFields).from(plans).where(where).orderBy(desc(plans.year), asc(plans.kind), asc(plans.id));
}

function byOwner<K extends number>(rows: readonly { owner: K; index: number; dueAt: Date }[]): Map<K, Map<number, Date>> {
  const out = new Map<K, Map<number, Date>>();
  for (const row of rows) {
    const map = out.get(row.owner) ?? new Map<number, Date>();
    map.set(row.index, row.dueAt);
    out.set(row.owner, map);
  }
  return out;
}

/** Moved due times of several plans at once: planId → (period → due). */
export async function listDueOverrides(tx: Executor, planIds: readonly number[]): Promise<Map<number, Map<number, Date>>> {
  if (planIds.length === 0) return new Map();
  const rows = await tx
    .select({ owner: periodDueOverrides.planId, index: periodDueOverrides.periodIndex, dueAt: periodDueOverrides.dueAt })
    .from(periodDueOverrides)
    .where(inArray(periodDueOverrides.planId, [...planIds]));
  return byOwner(rows);
}

/** One plan's moved due times with their reasons, for the administrator's schedule page. */
export async function listPlanDueOverrideRows(tx: Executor, planId: number) {
  return tx
    .select({ periodIndex: periodDueOverrides.periodIndex, dueAt: periodDueOverrides.dueAt, reason: periodDueOverrides.reason })
    .from(periodDueOverrides)
    .where(eq(periodDueOverrides.planId, planId));
}

/** Due times moved for single tasks by approved extensions (延期申请): taskId → (period → due). */
export async function listTaskDueOverrides(tx: Executor, taskIds: readonly number[]): Promise<Map<number, Map<number, Date>>> {
  if (taskIds.length === 0) return new Map();
  // The ids as one array parameter: a thousand tasks are not a thousand parameters.
  const rows = await tx
    .select({ owner: taskDueOverrides.taskId, index: taskDueOverrides.periodIndex, dueAt: taskDueOverrides.dueAt })
    .from(taskDueOverrides)
    .where(sql`${taskDueOverrides.taskId} = any(${intArray(taskIds)})`);
  return byOwner(rows);
}

/** Every task's moved due times in a plan: taskId → (period → due). */
export async function listPlanTaskDueOverrides(tx: Executor, planId: number): Promise<Map<number, Map<number, Date>>> {
  const rows = await tx
    .select({ owner: taskDueOverrides.taskId, index: taskDueOverrides.periodIndex, dueAt: taskDueOverrides.dueAt })
    .from(taskDueOverrides)
    .innerJoin(tasks, eq(tasks.id, taskDueOverrides.taskId))
    .where(eq(tasks.planId, planId));
  return byOwner(rows);
}

/** What these tasks' own schedules need (lib/reporting/plan-schedule.ts TaskTiming) with their plans, and whether each owes reports at all. */
export async function listTaskTimings(executor: Executor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return executor
    .select({
      id: tasks.id,
      planId: tasks.planId,
      cadence: tasks.cadence,
      dueOn: tasks.dueOn,
      closedAfterPeriod: tasks.closedAfterPeriod,
      reportingStartPeriod: tasks.reportingStartPeriod,
      overall: tasks.overall,
      archivedAt: tasks.archivedAt,
      plan: planFields,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(inArray(tasks.id, [...taskIds]));
}

/** One task with what its pages and actions ask of its plan (state, year); its timing for scheduleOf. */
export async function getTaskPlan(tx: Executor, taskId: number) {
  return getTaskWithPlan(tx, taskId, {
    taskId: tasks.id,
    seq: tasks.seq,
    content: tasks.content,
    overall: tasks.overall,
    archivedAt: tasks.archivedAt,
    closedAfterPeriod: tasks.closedAfterPeriod,
    cadence: tasks.cadence,
    taskStartPeriod: tasks.reportingStartPeriod,
    dueOn: tasks.dueOn,
    planId: plans.id,
    planState: plans.state,
    year: plans.year,
    reportingStartPeriod: plans.reportingStartPeriod,
    dueOffsetDays: plans.dueOffsetDays,
  });
}
