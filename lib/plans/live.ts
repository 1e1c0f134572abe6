/**
 * The one plan module: which plans are live (执行中) and each one's schedule (year, cadence, first
 * reporting period, due rule, moved due times). Every page and service asks here instead of building
 * schedules by hand; a task's own schedule adds its cadence, 完成时限, closing and approved extensions.
 */
import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { plans, type CadenceValue, type PlanKind, type PlanState, type WorkSource } from "@/db/schema";
import { listDueOverrides, listTaskDueOverrides } from "@/lib/data/workspace";
import type { PlanSchedule } from "@/lib/reporting/deadlines";
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

/** What a task's own schedule depends on. */
export interface TaskTiming {
  id: number;
  planId: number;
  cadence: CadenceValue | null;
  dueOn: string | null;
  closedAfterPeriod: number | null;
  /** The task's own first half month owed (an item registered mid-year); null = the plan's. */
  reportingStartPeriod: number | null;
}

const planColumns = {
  id: plans.id,
  year: plans.year,
  title: plans.title,
  documentNumber: plans.documentNumber,
  source: plans.source,
  kind: plans.kind,
  cadence: plans.cadence,
  state: plans.state,
  reportingStartPeriod: plans.reportingStartPeriod,
  dueOffsetDays: plans.dueOffsetDays,
};

async function load(executor: Executor, where: SQL | undefined): Promise<LivePlan[]> {
  const rows = await executor.select(planColumns).from(plans).where(where).orderBy(desc(plans.year), asc(plans.kind), asc(plans.id));
  const overrides = await listDueOverrides(executor, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, overrides: overrides.get(r.id) ?? new Map(), label: planShortLabel(r) }));
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

/** A plan's schedule for a task: the task's cadence (else the plan's), 完成时限, closing and extensions on top of the plan's moved due times. */
export function scheduleOf(
  plan: Pick<LivePlan, "year" | "reportingStartPeriod" | "dueOffsetDays" | "overrides" | "cadence">,
  task?: TaskTiming | null,
  taskOverrides?: ReadonlyMap<number, Date>,
): PlanSchedule {
  const overrides = taskOverrides && taskOverrides.size > 0 ? new Map([...plan.overrides, ...taskOverrides]) : plan.overrides;
  const cadence = task?.cadence ?? plan.cadence;
  return {
    year: plan.year,
    reportingStartPeriod: Math.max(plan.reportingStartPeriod, task?.reportingStartPeriod ?? 0),
    dueOffsetDays: plan.dueOffsetDays,
    overrides,
    cadence,
    // 完成时限 times only the final report; under the other cadences tasks due on different days are timed alike.
    dueOn: cadence === "final" ? (task?.dueOn ?? null) : null,
    closedAfterPeriod: task?.closedAfterPeriod ?? null,
  };
}

/**
 * Schedules of many tasks at once (one query for all their extensions): taskId → schedule. Tasks
 * timed alike (same plan, cadence, 完成时限, start and closing, no extension of their own) share one
 * schedule object, so a page can work out each distinct schedule's periods and due times once.
 */
export async function schedulesOfTasks(executor: Executor, livePlans: readonly LivePlan[], taskTimings: readonly TaskTiming[]): Promise<Map<number, PlanSchedule>> {
  return schedulesWith(livePlans, taskTimings, await listTaskDueOverrides(executor, taskTimings.map((t) => t.id)));
}

/** The same, with the tasks' approved extensions already loaded (listTaskDueOverrides, run beside a page's other queries). */
export function schedulesWith(livePlans: readonly LivePlan[], taskTimings: readonly TaskTiming[], extensions: ReadonlyMap<number, ReadonlyMap<number, Date>>): Map<number, PlanSchedule> {
  const byId = new Map(livePlans.map((p) => [p.id, p]));
  const shared = new Map<string, PlanSchedule>();
  const out = new Map<number, PlanSchedule>();
  for (const task of taskTimings) {
    const plan = byId.get(task.planId);
    if (!plan) continue;
    const extended = extensions.get(task.id);
    if (extended && extended.size > 0) {
      out.set(task.id, scheduleOf(plan, task, extended));
      continue;
    }
    const own = scheduleOf(plan, task);
    const key = [plan.id, own.cadence, own.dueOn, own.closedAfterPeriod, own.reportingStartPeriod].join("|");
    const schedule = shared.get(key) ?? shared.set(key, own).get(key)!;
    out.set(task.id, schedule);
  }
  return out;
}
