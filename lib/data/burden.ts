/**
 * What the burden meter (减负) reads, a fixed number of queries however many units and tasks: every
 * (task, unit) duty of some plans — lead units (as the matrix and the period status count them) and
 * units owing inputs (the one rule, lib/data/input-duties.ts) — the reminders and messages units
 * received in a time range, and the writes of the office's measures. Plain queries.
 */
import "server-only";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { notifications, reminderItems, reminders, tasks, users, units } from "@/db/schema";
import type { CadenceValue } from "@/db/schema";
import { owingInputs } from "./input-duties";
import { intArray } from "./int-array";
import { leadUnitsOf, type RawTaskSchedule, taskScheduleOf } from "./task-schedule-sql";

export interface DutyRow {
  taskId: number;
  seq: number;
  content: string;
  planId: number;
  cadence: CadenceValue | null;
  reportingStartPeriod: number | null;
  dueOn: string | null;
  closedAfterPeriod: number | null;
  unitId: number;
  unitName: string;
  kind: "report" | "input";
  indicators: number;
}

/**
 * Every duty on the plans' ordinary tasks (not archived, not the overall row): the lead units that
 * file the report (named directly or listed members of a collective) and the units owing an input.
 * `unitId` narrows to one unit.
 */
export async function listDutiesOfPlans(
  tx: Executor,
  planIds: readonly number[],
  options: { unitId?: number; taskIds?: readonly number[] } = {},
): Promise<DutyRow[]> {
  if (planIds.length === 0) return [];
  const unitFilter = options.unitId === undefined ? sql`` : sql`and d.unit_id = ${options.unitId}`;
  const taskFilter = options.taskIds === undefined ? sql`` : sql`and id = any(${intArray(options.taskIds)})`;
  const rows = await tx.execute<
    RawTaskSchedule & { task_id: number; seq: number; content: string; unit_id: number; unit_name: string; kind: "report" | "input"; indicators: number }
  >(sql`
    with plan_tasks as (
      select id, plan_id, seq, content, cadence, reporting_start_period, due_on, closed_after_period from tasks
      where plan_id = any(${intArray(planIds)}) and not overall and archived_at is null ${taskFilter}
    ), lead as (${leadUnitsOf("plan_tasks")}),
    owing as (${owingInputs(sql`select id from plan_tasks`)}),
    duties as (
      select task_id, unit_id, 'report' as kind from lead
      union all
      select task_id, unit_id, 'input' from owing
    )
    select pt.id as task_id, pt.plan_id, pt.seq, pt.content, pt.cadence, pt.reporting_start_period, pt.due_on, pt.closed_after_period,
      d.unit_id, u.name as unit_name, d.kind,
      (select count(*)::int from task_indicators ti where ti.task_id = pt.id and ti.status = 'confirmed') as indicators
    from duties d join plan_tasks pt on pt.id = d.task_id join units u on u.id = d.unit_id
    where true ${unitFilter}
    order by pt.plan_id, pt.seq, d.kind, u.name`);
  return rows.map((r) => ({
    taskId: Number(r.task_id),
    seq: Number(r.seq),
    content: String(r.content),
    ...taskScheduleOf(r),
    unitId: Number(r.unit_id),
    unitName: String(r.unit_name),
    kind: r.kind,
    indicators: Number(r.indicators),
  }));
}

/** Reminders (催办) each unit received in [from, to): distinct reminders naming it. */
export async function countRemindersByUnit(tx: Executor, range: { from: Date; to: Date }, unitId?: number): Promise<Map<number, number>> {
  const rows = await tx
    .select({ unitId: reminderItems.unitId, n: sql<number>`count(distinct ${q(reminderItems.reminderId)})::int` })
    .from(reminderItems)
    .innerJoin(reminders, eq(reminders.id, reminderItems.reminderId))
    .where(and(gte(reminders.createdAt, range.from), lt(reminders.createdAt, range.to), unitId === undefined ? undefined : eq(reminderItems.unitId, unitId)))
    .groupBy(reminderItems.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

/** In-app messages sent in [from, to) to each unit or to one of its accounts. */
export async function countMessagesByUnit(tx: Executor, range: { from: Date; to: Date }, unitId?: number): Promise<Map<number, number>> {
  const rows = await tx.execute<{ unit_id: number; n: number }>(sql`
    select coalesce(${q(notifications.unitId)}, ${q(users.unitId)}) as unit_id, count(*)::int as n
    from ${notifications} left join ${users} on ${q(users.id)} = ${q(notifications.userId)}
    where ${q(notifications.createdAt)} >= ${range.from.toISOString()}::timestamptz and ${q(notifications.createdAt)} < ${range.to.toISOString()}::timestamptz
      and coalesce(${q(notifications.unitId)}, ${q(users.unitId)}) is not null
      ${unitId === undefined ? sql`` : sql`and coalesce(${q(notifications.unitId)}, ${q(users.unitId)}) = ${unitId}`}
    group by 1`);
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.n)]));
}

/** Unit names by id (active or not: a load is shown under the unit's name). */
export async function listUnitNamesById(tx: Executor, unitIds: readonly number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...unitIds]))
    .orderBy(asc(units.id));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A task with what a cadence change needs, the row locked. */
export async function lockTaskForCadence(tx: Executor, taskId: number) {
  const [row] = await tx
    .select({ id: tasks.id, planId: tasks.planId, seq: tasks.seq, cadence: tasks.cadence, overall: tasks.overall, archivedAt: tasks.archivedAt })
    .from(tasks)
    .where(eq(tasks.id, taskId))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function setTaskCadence(tx: Executor, taskId: number, cadence: CadenceValue, at: Date) {
  await tx.update(tasks).set({ cadence, updatedAt: at }).where(eq(tasks.id, taskId));
}
