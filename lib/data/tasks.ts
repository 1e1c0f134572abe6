/** Data access for plans and tasks: plain queries, no permission rules (those live in services). */
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db, type Executor } from "@/db";
import { leaders, plans, taskGroups, taskIndicators, taskLeaders, tasks, taskUnits, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { taskConcernsUnit, taskHasLeader } from "./task-scope";
import { getTaskWithPlan } from "./task-with-plan";
import { taskTextColumns } from "./task-columns";
import { replaceRows } from "./replace-rows";

export interface TaskFilter {
  /** The plans whose tasks are listed (one or several live plans). */
  planIds: readonly number[];
  /** Restrict to one leader's tasks / one unit's tasks (a scope or a search filter). */
  leaderIds?: number[];
  unitIds?: number[];
  /** With unitIds: only tasks the unit leads, or only those it cooperates on. */
  unitRole?: "lead" | "cooperating";
  text?: string;
  /** Only tasks with an indicator (confirmed or proposed): 目标跟踪 reads no other. */
  withIndicators?: boolean;
}

export interface TaskListRow {
  id: number;
  planId: number;
  seq: number;
  /** 序号 as the document wrote it; null when it is just `seq`. */
  seqLabel: string | null;
  content: string;
  overall: boolean;
  leaders: string[];
  leadUnits: string[];
  units: string[];
  /** 完成时限: the day (YYYY-MM-DD, null = the plan year's end) and the words as written. */
  dueOn: string | null;
  deadlineText: string | null;
}

export async function listPlans() {
  // The year's items register (督办事项) has its own list (/items); the year switch names tables.
  return db
    .select({ id: plans.id, year: plans.year, title: plans.title, state: plans.state })
    .from(plans)
    .where(eq(plans.kind, "table"))
    .orderBy(desc(plans.year));
}

/** Names on a task in document order: direct units first by position, then collective names. */
const leaderNames = sql<string[]>`coalesce((select array_agg(${q(leaders.name)} order by ${q(taskLeaders.position)})
  from ${taskLeaders} join ${leaders} on ${q(leaders.id)} = ${q(taskLeaders.leaderId)} where ${q(taskLeaders.taskId)} = ${q(tasks.id)}), '{}')`;

function unitNames(role: "lead" | "cooperating") {
  return sql<string[]>`coalesce((select array_agg(name order by ord, pos) from (
      select ${q(units.name)} as name, 0 as ord, ${q(taskUnits.position)} as pos from ${taskUnits} join ${units} on ${q(units.id)} = ${q(taskUnits.unitId)}
        where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.role)} = ${role}
      union all
      select ${q(unitGroups.name)}, 1, 0 from ${taskGroups} join ${unitGroups} on ${q(unitGroups.id)} = ${q(taskGroups.groupId)}
        where ${q(taskGroups.taskId)} = ${q(tasks.id)} and ${q(taskGroups.role)} = ${role}) names), '{}')`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listTasks(filter: TaskFilter): Promise<TaskListRow[]> {
  if (filter.planIds.length === 0) return [];
  const conditions: (SQL | undefined)[] = [inArray(tasks.planId, [...filter.planIds]), isNull(tasks.archivedAt)];
  if (filter.leaderIds) conditions.push(or(...filter.leaderIds.map(taskHasLeader)) ?? sql`false`);
  if (filter.unitIds) conditions.push(or(...filter.unitIds.map((id) => taskConcernsUnit(id, filter.unitRole))) ?? sql`false`);
  if (filter.withIndicators) conditions.push(sql`exists (select 1 from ${taskIndicators} where ${q(taskIndicators.taskId)} = ${q(tasks.id)})`);
  const text = filter.text?.trim();
  if (text) {
    const seq = /^\d{1,4}$/.test(text) ? Number(text) : null;
    conditions.push(or(ilike(tasks.content, `%${escapeLike(text)}%`), seq === null ? undefined : eq(tasks.seq, seq)));
  }
  return db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      seq: tasks.seq,
      seqLabel: tasks.seqLabel,
      content: tasks.content,
      overall: tasks.overall,
      leaders: leaderNames,
      leadUnits: unitNames("lead"),
      units: unitNames("cooperating"),
      dueOn: tasks.dueOn,
      deadlineText: tasks.deadlineText,
    })
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.seq), asc(tasks.id));
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
