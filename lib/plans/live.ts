/**
 * The one plan module: which plans are live (执行中) and each one's schedule (year, cadence, first
 * reporting period, due rule, moved due times). Every page and service asks here instead of building
 * schedules by hand; a task's own schedule adds its cadence, 完成时限, closing and approved extensions.
 */
/**
 * The one plan module: which plans are live (执行中) and each one's schedule (year, cadence, first
 * reporting period, due rule, moved due times). Every page and service asks here instead of building
 * schedules by hand; a task's own schedule adds its cadence, 完成时限, closing and approved extensions
 * (built by lib/reporting/plan-schedule.ts scheduleOf, loaded through lib/data/plan-schedule.ts).
 */
import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { plans, type CadenceValue, type PlanKind, type PlanState, type WorkSource } from "@/db/schema";
import { getTaskPlan, listDueOverrides, listPlanRows, listTaskDueOverrides, listTaskTimings } from "@/lib/data/plan-schedule";
import type { PlanRow } from "@/lib/data/plans";
import type { PlanSchedule } from "@/lib/reporting/deadlines";
import { scheduleOf, schedulesWith, type TaskTiming } from "@/lib/reporting/plan-schedule";
import { planShortLabel } from "./sources";

export interface LivePlan {
  id: number;
  year: number;
  title: string;
  documentNumber: string | null;
  source: WorkSource;
  kind: PlanKind;
  cadence: CadenceValue;
  state: PlanState;
  reportingStartPeriod: number;
  dueOffsetDays: number;
  /** Due times moved for single periods of this plan. */
  overrides: ReadonlyMap<number, Date>;
  /** 2022年 政府工作报告 */
  label: string;
}

function livePlanOf(row: PlanRow, overrides: ReadonlyMap<number, ReadonlyMap<number, Date>>): LivePlan {
  return { ...row, overrides: overrides.get(row.id) ?? new Map(), label: planShortLabel(row) };
}

async function load(executor: Executor, where: SQL | undefined): Promise<LivePlan[]> {
  const rows = await listPlanRows(executor, where);
  const overrides = await listDueOverrides(
    executor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => livePlanOf(r, overrides));
}

/** Every 执行中 plan, latest year first (tables before the items register, then oldest first). */
export function loadLivePlans(executor: Executor = db): Promise<LivePlan[]> {
  return load(executor, eq(plans.state, "active"));
}

/** Chosen plans in any state (an archived year opened read-only, a draft the office previews). */
export function loadPlans(executor: Executor, planIds: readonly number[]): Promise<LivePlan[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return load(executor, inArray(plans.id, [...planIds]));
}

/** Every plan of a year in the given states. */
export function loadPlansOfYear(executor: Executor, year: number, states: readonly PlanState[] = ["active", "archived"]): Promise<LivePlan[]> {
  return load(executor, and(eq(plans.year, year), inArray(plans.state, [...states])));
}

/**
 * Schedules of many tasks at once (one query for all their extensions): taskId → schedule (tasks of
 * plans not in `livePlans` have none). Tasks timed alike share one schedule object (schedulesWith).
 */
export async function schedulesOfTasks(
  executor: Executor,
  livePlans: readonly LivePlan[],
  taskTimings: readonly TaskTiming[],
): Promise<Map<number, PlanSchedule>> {
  return schedulesWith(
    livePlans,
    taskTimings,
    await listTaskDueOverrides(
      executor,
      taskTimings.map((t) => t.id),
    ),
  );
}

/**
 * These tasks' own schedules, whatever their plans' state (a task list, an export): the tasks' timings
 * (each with whether it owes reports at all: not the overall row, not archived) and taskId → schedule.
 * A fixed number of queries however many tasks.
 */
export async function loadTaskSchedules(executor: Executor, taskIds: readonly number[]) {
  const timings = await listTaskTimings(executor, taskIds);
  const planRows = [...new Map(timings.map((t) => [t.plan.id, t.plan])).values()];
  const [overrides, extensions] = await Promise.all([
    listDueOverrides(
      executor,
      planRows.map((p) => p.id),
    ),
    listTaskDueOverrides(
      executor,
      timings.map((t) => t.id),
    ),
  ]);
  return {
    timings,
    schedules: schedulesWith(
      planRows.map((p) => livePlanOf(p, overrides)),
      timings,
      extensions,
    ),
  };
}

/** One task with its plan's state and year, its plan and its own schedule; null when there is no such task. */
export async function loadTaskSchedule(executor: Executor, taskId: number) {
  const [task, extensions] = await Promise.all([getTaskPlan(executor, taskId), listTaskDueOverrides(executor, [taskId])]);
  if (!task) return null;
  const [plan] = await loadPlans(executor, [task.planId]);
  if (!plan) return null;
  const timing: TaskTiming = {
    id: task.taskId,
    planId: task.planId,
    cadence: task.cadence,
    dueOn: task.dueOn,
    closedAfterPeriod: task.closedAfterPeriod,
    reportingStartPeriod: task.taskStartPeriod,
  };
  return { task, plan, schedule: scheduleOf(plan, timing, extensions.get(taskId)) };
}
