/** One half month's reports for every task of a plan: the rows the overview and the circular count. */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { plans, progressReports, tasks } from "@/db/schema";
import { leadUnitsOf } from "./task-schedule-sql";

/** A task's leaders (in document order) and lead units (named directly or members of a collective name, by name). */
export interface TaskNames {
  leaders: { id: number; name: string }[];
  leadUnits: { id: number; name: string }[];
}

/**
 * The leaders and lead units of every ordinary task of a plan, each grouped once for the whole plan
 * (a subquery per row, run for each of a thousand tasks, cost ten times as much).
 */
export async function listPlanTaskNames(planId: number, executor: Executor = db): Promise<Map<number, TaskNames>> {
  const rows = await executor.execute<{ task_id: number; leaders: TaskNames["leaders"] | null; lead_units: TaskNames["leadUnits"] | null }>(sql`
    with plan_tasks as (
      select id from tasks where plan_id = ${planId} and not overall and archived_at is null
    ), lead as (${leadUnitsOf("plan_tasks")}),
    lead_names as (
      select lead.task_id, json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name) as lead_units
      from lead join units u on u.id = lead.unit_id group by lead.task_id
    ), leader_names as (
      select tl.task_id, json_agg(json_build_object('id', l.id, 'name', l.name) order by tl.position) as leaders
      from task_leaders tl join leaders l on l.id = tl.leader_id where tl.task_id in (select id from plan_tasks) group by tl.task_id
    )
    select pt.id as task_id, leader_names.leaders, lead_names.lead_units
    from plan_tasks pt left join leader_names on leader_names.task_id = pt.id left join lead_names on lead_names.task_id = pt.id`);
  return new Map(rows.map((r) => [Number(r.task_id), { leaders: r.leaders ?? [], leadUnits: r.lead_units ?? [] }]));
}

/**
 * Every ordinary task of the plan with its report in any of `periodIndexes` (a half month and the
 * weeks ending in it: each task's cadence decides which one counts, lib/services/period-status.ts).
 * A task has one row per matching report, or one row without a report. Two queries: the rows, and
 * the tasks' names once per task.
 */
export async function loadPeriodRows(planId: number, periodIndexes: readonly number[], executor: Executor = db) {
  const [rows, names] = await Promise.all([
    executor
      .select({
        taskId: tasks.id,
        seq: tasks.seq,
        content: tasks.content,
        closedAfterPeriod: tasks.closedAfterPeriod,
        cadence: tasks.cadence,
        taskStartPeriod: tasks.reportingStartPeriod,
        planCadence: plans.cadence,
        dueOn: tasks.dueOn,
        periodIndex: progressReports.periodIndex,
        reportId: progressReports.id,
        status: progressReports.status,
        late: progressReports.late,
        submittedAt: progressReports.submittedAt,
        percent: progressReports.percent,
        progressState: progressReports.progressState,
        returnReason: progressReports.returnReason,
      })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .leftJoin(progressReports, and(eq(progressReports.taskId, tasks.id), inArray(progressReports.periodIndex, [...periodIndexes])))
      .where(and(eq(tasks.planId, planId), eq(tasks.overall, false), isNull(tasks.archivedAt)))
      .orderBy(asc(tasks.seq)),
    listPlanTaskNames(planId, executor),
  ]);
  return rows.map((row) => ({ ...row, ...(names.get(row.taskId) ?? { leaders: [], leadUnits: [] }) }));
}
