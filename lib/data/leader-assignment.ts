/** Data access for 指定责任领导: tasks without a 责任领导 and their lead units. Plain queries, no rules. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db, type Executor } from "@/db";
import { leaders, taskLeaders, tasks, taskUnits, units } from "@/db/schema";
import type { LeaderlessTask } from "@/lib/tasks/leader-assignment";

const hasNoLeader = sql`not exists (select 1 from ${taskLeaders} where ${q(taskLeaders.taskId)} = ${q(tasks.id)})`;

const leadUnitIds = sql<number[]>`coalesce((select array_agg(${q(taskUnits.unitId)} order by ${q(taskUnits.position)}) from ${taskUnits}
  where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.role)} = 'lead'), '{}')`;

function ledBy(unitId: number): SQL {
  return sql`exists (select 1 from ${taskUnits} where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.unitId)} = ${unitId} and ${q(taskUnits.role)} = 'lead')`;
}

/** The plan's current (not archived) tasks that have no 责任领导, with their direct lead units. */
export async function listLeaderlessTasks(planId: number): Promise<LeaderlessTask[]> {
  return db
    .select({ id: tasks.id, seq: tasks.seq, seqLabel: tasks.seqLabel, content: tasks.content, leadUnitIds })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt), hasNoLeader))
    .orderBy(asc(tasks.seq));
}

/** Units with their 分管领导 (and whether that leader is still in office), for these ids. */
export async function listUnitsWithSupervisor(unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      id: units.id,
      name: units.name,
      active: units.active,
      supervisingLeaderId: units.supervisingLeaderId,
      supervisingLeaderName: leaders.name,
      supervisingLeaderActive: leaders.active,
    })
    .from(units)
    .leftJoin(leaders, eq(leaders.id, units.supervisingLeaderId))
    .where(inArray(units.id, [...unitIds]))
    .orderBy(asc(units.name));
}

/**
 * Locks the plan's current tasks that have no 责任领导 (only those led by `unitId`, when given), so two
 * assignments cannot both fill the same task. Callers read the leaders again after the lock.
 */
export async function lockLeaderlessTasks(tx: Executor, planId: number, unitId?: number): Promise<LeaderlessTask[]> {
  return tx
    .select({ id: tasks.id, seq: tasks.seq, seqLabel: tasks.seqLabel, content: tasks.content, leadUnitIds })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt), hasNoLeader, unitId === undefined ? undefined : ledBy(unitId)))
    .orderBy(asc(tasks.seq))
    .for("update", { of: tasks });
}

/** Of these tasks, the ids that have a 责任领导 now (read after the lock, in a new statement). */
export async function taskIdsWithLeaders(tx: Executor, taskIds: readonly number[]): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ taskId: taskLeaders.taskId })
    .from(taskLeaders)
    .where(inArray(taskLeaders.taskId, [...taskIds]));
  return new Set(rows.map((r) => r.taskId));
}

/** Gives each task its leaders (for tasks that have none: positions start at 0). */
export async function insertTaskLeaders(tx: Executor, assignments: ReadonlyMap<number, readonly number[]>) {
  const rows = [...assignments].flatMap(([taskId, leaderIds]) => leaderIds.map((leaderId, position) => ({ taskId, leaderId, position })));
  if (rows.length === 0) return;
  await tx.insert(taskLeaders).values(rows).onConflictDoNothing();
  await tx
    .update(tasks)
    .set({ updatedAt: sql`now()` })
    .where(inArray(tasks.id, [...assignments.keys()]));
}

/** Every unit that has a 分管领导 (for 「全部按分管领导指定」). */
export async function listUnitsHavingSupervisor(tx: Executor) {
  return tx
    .select({ id: units.id, name: units.name, active: units.active, supervisingLeaderId: units.supervisingLeaderId })
    .from(units)
    .where(sql`${units.supervisingLeaderId} is not null`)
    .orderBy(asc(units.id));
}
