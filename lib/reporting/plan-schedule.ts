/**
 * The one schedule builder: a plan's timing (year, cadence, first reporting period, due rule, moved
 * due times), and on top of it a task's own (cadence, 完成时限, closing, approved extensions).
 * Pure: lib/plans/live.ts loads what it needs.
 */
import type { Cadence } from "./cadence";
import type { PlanSchedule } from "./deadlines";

/** What a schedule needs of a plan. */
export interface PlanTiming {
  year: number;
  reportingStartPeriod: number;
  dueOffsetDays: number;
  /** Due times moved for single periods of this plan. */
  overrides: ReadonlyMap<number, Date>;
  cadence: Cadence;
}

/** What a task's own schedule depends on. */
export interface TaskTiming {
  id: number;
  planId: number;
  cadence: Cadence | null;
  dueOn: string | null;
  closedAfterPeriod: number | null;
  /** The task's own first half month owed (an item registered mid-year); null = the plan's. */
  reportingStartPeriod: number | null;
}

/** A plan's schedule for a task: the task's cadence (else the plan's), 完成时限, closing and extensions on top of the plan's moved due times. */
export function scheduleOf(plan: PlanTiming, task?: TaskTiming | null, taskOverrides?: ReadonlyMap<number, Date>): PlanSchedule {
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
 * Schedules of many tasks at once: taskId → schedule (a task whose plan is not among `plans` has
 * none). Tasks timed alike (same plan, cadence, 完成时限, start and closing, no extension of their
 * own) share one schedule object, so a page can work out each distinct schedule's periods and due
 * times once.
 */
export function schedulesWith(
  plans: readonly (PlanTiming & { id: number })[],
  taskTimings: readonly TaskTiming[],
  extensions: ReadonlyMap<number, ReadonlyMap<number, Date>>,
): Map<number, PlanSchedule> {
  const byId = new Map(plans.map((p) => [p.id, p]));
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
