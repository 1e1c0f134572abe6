/** Data access for plans and tasks: plain queries, no permission rules (those live in services). */
import { asc, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { leaders, plans, taskGroups, taskLeaders, tasks, taskUnits, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { getTaskWithPlan } from "./task-with-plan";
import { taskTextColumns } from "./task-columns";
import { replaceRows } from "./replace-rows";

export async function listPlans() {
  // The year's items register (督办事项) has its own list (/items); the year switch names tables.
  return db
    .select({ id: plans.id, year: plans.year, title: plans.title, state: plans.state })
    .from(plans)
    .where(eq(plans.kind, "table"))
    .orderBy(desc(plans.year));
}

export async function getTask(taskId: number) {
  const task = await getTaskWithPlan(db, taskId, {
    ...taskTextColumns,
    overall: tasks.overall,
    dueOn: tasks.dueOn,
    deadlineText: tasks.deadlineText,
    leadUnitsText: tasks.leadUnitsText,
    unitsText: tasks.unitsText,
    archivedAt: tasks.archivedAt,
    planId: plans.id,
    planYear: plans.year,
    planTitle: plans.title,
    planState: plans.state,
  });
  if (!task) return null;

  const [taskLeaderRows, unitRows, groupRows] = await Promise.all([
    db
      .select({ id: leaders.id, name: leaders.name })
      .from(taskLeaders)
      .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
      .where(eq(taskLeaders.taskId, taskId))
      .orderBy(asc(taskLeaders.position)),
    db
      .select({ id: units.id, name: units.name, role: taskUnits.role })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(eq(taskUnits.taskId, taskId))
      .orderBy(asc(taskUnits.position)),
    db
      .select({ id: unitGroups.id, name: unitGroups.name, scope: unitGroups.scope, role: taskGroups.role })
      .from(taskGroups)
      .innerJoin(unitGroups, eq(unitGroups.id, taskGroups.groupId))
      .where(eq(taskGroups.taskId, taskId)),
  ]);
  const memberRows = groupRows.length
    ? await db
        .select({ groupId: unitGroupMembers.groupId, id: units.id, name: units.name })
        .from(unitGroupMembers)
        .innerJoin(units, eq(units.id, unitGroupMembers.unitId))
        .where(sql`${unitGroupMembers.groupId} in ${groupRows.map((g) => g.id)}`)
        .orderBy(asc(units.id))
    : [];
  const groups = groupRows.map((g) => ({ ...g, members: memberRows.filter((m) => m.groupId === g.id).map(({ id, name }) => ({ id, name })) }));
  return { ...task, leaders: taskLeaderRows, units: unitRows, groups };
}

export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;

// ── Task settings: 完成时限 and 责任领导 ──────────────────────────────────────────────────────

/** The task locked for a change of its settings, with its plan's year (null when there is no such task). */
export async function lockTaskSettings(tx: Executor, taskId: number) {
  return getTaskWithPlan(
    tx,
    taskId,
    {
      id: tasks.id,
      planId: tasks.planId,
      planYear: plans.year,
      planState: plans.state,
      dueOn: tasks.dueOn,
      deadlineText: tasks.deadlineText,
      archivedAt: tasks.archivedAt,
    },
    { forUpdate: true },
  );
}

export async function updateTaskDeadline(tx: Executor, taskId: number, values: { dueOn: string | null; deadlineText: string | null }) {
  await tx
    .update(tasks)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(tasks.id, taskId));
}

/** A task's leaders in the document's order. */
export async function listLeadersOfTask(tx: Executor, taskId: number) {
  return tx
    .select({ id: leaders.id, name: leaders.name })
    .from(taskLeaders)
    .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
    .where(eq(taskLeaders.taskId, taskId))
    .orderBy(asc(taskLeaders.position));
}

/** Makes these leaders, in this order, the task's leaders. */
export async function replaceLeadersOfTask(tx: Executor, taskId: number, leaderIds: readonly number[]) {
  await replaceRows(
    tx,
    taskLeaders,
    eq(taskLeaders.taskId, taskId),
    leaderIds.map((leaderId, position) => ({ taskId, leaderId, position })),
  );
  await tx.update(tasks).set({ updatedAt: sql`now()` }).where(eq(tasks.id, taskId));
}
