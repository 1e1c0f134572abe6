/**
 * Data access for dispatch meetings (调度), the tasks discussed, the units attending and the
 * follow-ups (调度事项): plain queries, no permission rules (lib/services/dispatches.ts has them).
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import {
  dispatches,
  dispatchFollowUps,
  dispatchTasks,
  dispatchUnits,
  leaders,
  plans,
  taskGroups,
  tasks,
  taskUnits,
  unitGroupMembers,
  unitGroups,
  units,
} from "@/db/schema";
import { taskConcernsUnit, taskHasLeader } from "./task-scope";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";
import { replaceRows } from "./replace-rows";

export type DispatchRow = typeof dispatches.$inferSelect;
export type FollowUpRow = typeof dispatchFollowUps.$inferSelect;

// ── Tasks and units a dispatch may name ──────────────────────────────────────

/** The plans' tasks (not archived), optionally only one leader's, each with its plan. */
export async function listDispatchableTasks(tx: Executor, input: { planIds: readonly number[]; leaderId?: number; taskIds?: readonly number[] }) {
  if (input.planIds.length === 0) return [];
  const conditions: SQL[] = [inArray(tasks.planId, [...input.planIds]), isNull(tasks.archivedAt)];
  if (input.leaderId !== undefined) conditions.push(taskHasLeader(input.leaderId));
  if (input.taskIds !== undefined) conditions.push(input.taskIds.length ? inArray(tasks.id, [...input.taskIds]) : sql`false`);
  return tx
    .select({ id: tasks.id, planId: tasks.planId, seq: tasks.seq, content: tasks.content })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.seq), asc(tasks.id));
}

/** The units named on these tasks (directly or through a collective name with listed members). */
export async function listUnitsOfTasks(tx: Executor, taskIds: readonly number[]): Promise<{ taskId: number; unitId: number }[]> {
  if (taskIds.length === 0) return [];
  const ids = [...taskIds];
  const direct = await tx.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits).where(inArray(taskUnits.taskId, ids));
  const viaGroups = await tx
    .select({ taskId: taskGroups.taskId, unitId: unitGroupMembers.unitId })
    .from(taskGroups)
    .innerJoin(unitGroups, eq(unitGroups.id, taskGroups.groupId))
    .innerJoin(unitGroupMembers, eq(unitGroupMembers.groupId, unitGroups.id))
    .where(and(inArray(taskGroups.taskId, ids), eq(unitGroups.scope, "members")));
  return [...direct, ...viaGroups];
}

// ── Writing ──────────────────────────────────────────────────────────────────

export type DispatchValues = Pick<DispatchRow, "heldOn" | "location" | "attendeesNote" | "problems" | "decisions">;

export async function insertDispatch(
  tx: Executor,
  values: DispatchValues & { planId: number; leaderId: number; createdBy: number; at: Date },
): Promise<number> {
  const { at, ...rest } = values;
  return insertReturningId(tx, dispatches, { ...rest, createdAt: at, updatedAt: at });
}

export async function updateDispatchRow(tx: Executor, id: number, values: DispatchValues & { updatedAt: Date }) {
  await tx.update(dispatches).set(values).where(eq(dispatches.id, id));
}

/** Makes these tasks the ones discussed and these units the ones attending (what a record's save sets together). */
export async function replaceDispatchLinks(tx: Executor, dispatchId: number, links: { taskIds: readonly number[]; unitIds: readonly number[] }) {
  await replaceRows(
    tx,
    dispatchTasks,
    eq(dispatchTasks.dispatchId, dispatchId),
    links.taskIds.map((taskId) => ({ dispatchId, taskId })),
  );
  await replaceRows(
    tx,
    dispatchUnits,
    eq(dispatchUnits.dispatchId, dispatchId),
    links.unitIds.map((unitId) => ({ dispatchId, unitId })),
  );
}

export type FollowUpValues = Pick<FollowUpRow, "content" | "unitId" | "taskId" | "dueOn">;

export async function insertFollowUp(tx: Executor, dispatchId: number, values: FollowUpValues, at: Date): Promise<number> {
  return insertReturningId(tx, dispatchFollowUps, { ...values, dispatchId, createdAt: at, updatedAt: at });
}

export async function updateFollowUpRow(
  tx: Executor,
  id: number,
  values: Partial<FollowUpValues & Pick<FollowUpRow, "status" | "closingNote" | "closedAt" | "closedBy">> & { updatedAt: Date },
) {
  await tx.update(dispatchFollowUps).set(values).where(eq(dispatchFollowUps.id, id));
}

export async function deleteFollowUpRows(tx: Executor, ids: readonly number[]) {
  if (ids.length) await tx.delete(dispatchFollowUps).where(inArray(dispatchFollowUps.id, [...ids]));
}

// ── Reading ──────────────────────────────────────────────────────────────────

export async function getDispatchRow(tx: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<DispatchRow | null> {
  const query = tx.select().from(dispatches).where(eq(dispatches.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function getFollowUpRow(tx: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<FollowUpRow | null> {
  const query = tx.select().from(dispatchFollowUps).where(eq(dispatchFollowUps.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function listFollowUpsOfDispatch(tx: Executor, dispatchId: number) {
  return tx
    .select({
      id: dispatchFollowUps.id,
      content: dispatchFollowUps.content,
      unitId: dispatchFollowUps.unitId,
      unitName: units.name,
      taskId: dispatchFollowUps.taskId,
      seq: tasks.seq,
      dueOn: dispatchFollowUps.dueOn,
      status: dispatchFollowUps.status,
      closingNote: dispatchFollowUps.closingNote,
      closedAt: dispatchFollowUps.closedAt,
    })
    .from(dispatchFollowUps)
    .innerJoin(units, eq(units.id, dispatchFollowUps.unitId))
    .leftJoin(tasks, eq(tasks.id, dispatchFollowUps.taskId))
    .where(eq(dispatchFollowUps.dispatchId, dispatchId))
    .orderBy(asc(dispatchFollowUps.id));
}

/** One dispatch with its leader, tasks, attending units and follow-ups. */
export async function getDispatchDetail(tx: Executor, id: number) {
  const [row] = await tx
    .select({ dispatch: dispatches, leaderName: leaders.name, leaderTitle: leaders.title, planTitle: plans.title })
    .from(dispatches)
    .innerJoin(leaders, eq(leaders.id, dispatches.leaderId))
    .innerJoin(plans, eq(plans.id, dispatches.planId))
    .where(eq(dispatches.id, id))
    .limit(1);
  if (!row) return null;
  const [taskRows, unitRows, followUps] = await Promise.all([
    tx
      .select({ id: tasks.id, seq: tasks.seq, content: tasks.content })
      .from(dispatchTasks)
      .innerJoin(tasks, eq(tasks.id, dispatchTasks.taskId))
      .where(eq(dispatchTasks.dispatchId, id))
      .orderBy(asc(tasks.seq)),
    tx
      .select({ id: units.id, name: units.name })
      .from(dispatchUnits)
      .innerJoin(units, eq(units.id, dispatchUnits.unitId))
      .where(eq(dispatchUnits.dispatchId, id))
      .orderBy(asc(units.id)),
    listFollowUpsOfDispatch(tx, id),
  ]);
  return { ...row.dispatch, leaderName: row.leaderName, leaderTitle: row.leaderTitle, planTitle: row.planTitle, tasks: taskRows, units: unitRows, followUps };
}

export type DispatchDetail = NonNullable<Awaited<ReturnType<typeof getDispatchDetail>>>;

/** Whether a unit may read a dispatch: one of its tasks was discussed, or a follow-up is assigned to it. */
export async function dispatchConcernsUnit(tx: Executor, dispatchId: number, unitId: number): Promise<boolean> {
  const [row] = await tx.execute<{ ok: boolean }>(sql`select (
      exists (select 1 from ${dispatchTasks} join ${tasks} on ${tasks.id} = ${dispatchTasks.taskId}
        where ${dispatchTasks.dispatchId} = ${dispatchId} and ${taskConcernsUnit(unitId)})
      or exists (select 1 from ${dispatchFollowUps} where ${dispatchFollowUps.dispatchId} = ${dispatchId} and ${dispatchFollowUps.unitId} = ${unitId})
    ) as ok`);
  return Boolean(row?.ok);
}

/** Dispatch records, newest meeting first, with the tasks' numbers and follow-up counts. */
export async function listDispatches(tx: Executor, filter: { leaderId?: number }) {
  return tx
    .select({
      id: dispatches.id,
      heldOn: dispatches.heldOn,
      location: dispatches.location,
      leaderName: leaders.name,
      leaderId: dispatches.leaderId,
      taskSeqs: sql<
        number[]
      >`coalesce((select array_agg(${q(tasks.seq)} order by ${q(tasks.seq)}) from ${dispatchTasks} join ${tasks} on ${q(tasks.id)} = ${q(dispatchTasks.taskId)} where ${q(dispatchTasks.dispatchId)} = ${q(dispatches.id)}), '{}')`,
      followUps: sql<number>`(select count(*)::int from ${dispatchFollowUps} where ${q(dispatchFollowUps.dispatchId)} = ${q(dispatches.id)})`,
      openFollowUps: sql<number>`(select count(*)::int from ${dispatchFollowUps} where ${q(dispatchFollowUps.dispatchId)} = ${q(dispatches.id)} and ${q(dispatchFollowUps.status)} = 'open')`,
    })
    .from(dispatches)
    .innerJoin(leaders, eq(leaders.id, dispatches.leaderId))
    .where(filter.leaderId === undefined ? undefined : eq(dispatches.leaderId, filter.leaderId))
    .orderBy(desc(dispatches.heldOn), desc(dispatches.id));
}

/** A unit's follow-ups, open first and soonest due first. */
export async function listFollowUpsOfUnit(tx: Executor, unitId: number) {
  return tx
    .select({
      id: dispatchFollowUps.id,
      dispatchId: dispatchFollowUps.dispatchId,
      content: dispatchFollowUps.content,
      dueOn: dispatchFollowUps.dueOn,
      status: dispatchFollowUps.status,
      closingNote: dispatchFollowUps.closingNote,
      closedAt: dispatchFollowUps.closedAt,
      taskId: dispatchFollowUps.taskId,
      seq: tasks.seq,
      heldOn: dispatches.heldOn,
      leaderName: leaders.name,
    })
    .from(dispatchFollowUps)
    .innerJoin(dispatches, eq(dispatches.id, dispatchFollowUps.dispatchId))
    .innerJoin(leaders, eq(leaders.id, dispatches.leaderId))
    .leftJoin(tasks, eq(tasks.id, dispatchFollowUps.taskId))
    .where(eq(dispatchFollowUps.unitId, unitId))
    .orderBy(sql`case ${dispatchFollowUps.status} when 'open' then 0 else 1 end`, asc(dispatchFollowUps.dueOn), asc(dispatchFollowUps.id));
}

/** Open follow-ups of the plans' dispatch records (one leader's, or every leader's), soonest due first. */
export async function listOpenFollowUps(tx: Executor, filter: { planIds: readonly number[]; leaderId?: number }) {
  if (filter.planIds.length === 0) return [];
  const conditions: SQL[] = [eq(dispatchFollowUps.status, "open"), inArray(dispatches.planId, [...filter.planIds])];
  if (filter.leaderId !== undefined) conditions.push(eq(dispatches.leaderId, filter.leaderId));
  return tx
    .select({
      id: dispatchFollowUps.id,
      dispatchId: dispatchFollowUps.dispatchId,
      heldOn: dispatches.heldOn,
      content: dispatchFollowUps.content,
      dueOn: dispatchFollowUps.dueOn,
      status: dispatchFollowUps.status,
      unitName: units.name,
      seq: tasks.seq,
    })
    .from(dispatchFollowUps)
    .innerJoin(dispatches, eq(dispatches.id, dispatchFollowUps.dispatchId))
    .innerJoin(units, eq(units.id, dispatchFollowUps.unitId))
    .leftJoin(tasks, eq(tasks.id, dispatchFollowUps.taskId))
    .where(and(...conditions))
    .orderBy(asc(dispatchFollowUps.dueOn), asc(dispatchFollowUps.id));
}

export type OpenFollowUpRow = Awaited<ReturnType<typeof listOpenFollowUps>>[number];
