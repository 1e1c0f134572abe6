/**
 * What the compliance matrix needs for a whole plan, in a fixed number of queries however many
 * units, tasks and periods there are (never a query per unit or per period): every ordinary task
 * with its lead units (the reports' states come from lib/data/report-histories.ts).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { CadenceValue } from "@/db/schema";
import type { MatrixTask } from "@/lib/overview/matrix";
import { intArray } from "./int-array";
import { leadUnitsOf, type RawTaskSchedule, taskScheduleOf } from "./task-schedule-sql";

/** A task of the matrix with what its own schedule needs (plan, cadence, 完成时限). */
export interface MatrixTaskRow extends MatrixTask {
  planId: number;
  cadence: CadenceValue | null;
  reportingStartPeriod: number | null;
  dueOn: string | null;
}

/**
 * The plan's ordinary tasks (not archived, not the overall row) and their lead units: named
 * directly, or members of a collective name with listed members — as the period status counts them.
 */
export async function listMatrixTasks(tx: Executor, planIds: readonly number[]): Promise<MatrixTaskRow[]> {
  if (planIds.length === 0) return [];
  const rows = await tx.execute<RawTaskSchedule & { task_id: number; unit_id: number; unit_name: string }>(sql`
    with plan_tasks as (
      select id, plan_id, cadence, reporting_start_period, due_on, closed_after_period from tasks where plan_id = any(${intArray(planIds)}) and not overall and archived_at is null
    ), lead as (${leadUnitsOf("plan_tasks")})
    select pt.id as task_id, pt.plan_id, pt.cadence, pt.reporting_start_period, pt.due_on, pt.closed_after_period, u.id as unit_id, u.name as unit_name
    from plan_tasks pt join lead on lead.task_id = pt.id join units u on u.id = lead.unit_id
    order by pt.id, u.name`);
  const out = new Map<number, MatrixTaskRow & { leadUnits: { id: number; name: string }[] }>();
  for (const row of rows) {
    const taskId = Number(row.task_id);
    let task = out.get(taskId);
    if (!task) {
      task = { taskId, ...taskScheduleOf(row), leadUnits: [] };
      out.set(taskId, task);
    }
    task.leadUnits.push({ id: Number(row.unit_id), name: row.unit_name });
  }
  return [...out.values()];
}
