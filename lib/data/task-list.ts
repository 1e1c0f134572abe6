/**
 * Lists of tasks: every row of a selection (a unit's own lists, whole-list callers), or one page of
 * it in a chosen order with the selection's count (the task table). Plain queries, no permission
 * rules: the service passes the actor's scope as conditions, and a search only adds more.
 */
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db } from "@/db";
import { leaders, plans, taskGroups, taskIndicators, taskLeaders, tasks, taskUnits, unitGroups, units } from "@/db/schema";
import { taskConcernsUnit, taskHasLeader } from "./task-scope";

export interface TaskFilter {
  /** The plans whose tasks are listed (one or several live plans). */
  planIds: readonly number[];
  /** Tasks of each of these leaders (a scope and a search filter both hold). */
  leaderIds?: readonly number[];
  /** Tasks that concern each of these units (a scope and a search filter both hold). */
  unitIds?: readonly number[];
  /** With unitIds: only tasks the unit(s) lead, or only those they cooperate on. */
  unitRole?: "lead" | "cooperating";
  /** Words of the task's text, or its 序号. */
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

const rowColumns = {
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
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(filter: TaskFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inArray(tasks.planId, [...filter.planIds]), isNull(tasks.archivedAt)];
  for (const id of filter.leaderIds ?? []) conditions.push(taskHasLeader(id));
  for (const id of filter.unitIds ?? []) conditions.push(taskConcernsUnit(id, filter.unitRole));
  if (filter.withIndicators) conditions.push(sql`exists (select 1 from ${taskIndicators} where ${q(taskIndicators.taskId)} = ${q(tasks.id)})`);
  const text = filter.text?.trim();
  if (text) {
    const seq = /^\d{1,4}$/.test(text) ? Number(text) : null;
    conditions.push(or(ilike(tasks.content, `%${escapeLike(text)}%`), seq === null ? undefined : eq(tasks.seq, seq)));
  }
  return and(...conditions);
}

/** Every task of the selection, by 序号. */
export async function listTasks(filter: TaskFilter): Promise<TaskListRow[]> {
  if (filter.planIds.length === 0) return [];
  return db.select(rowColumns).from(tasks).where(whereOf(filter)).orderBy(asc(tasks.seq), asc(tasks.id));
}

/** How many tasks the selection holds. */
export async function countTasks(filter: TaskFilter): Promise<number> {
  if (filter.planIds.length === 0) return 0;
  return db.$count(tasks, whereOf(filter));
}

/**
 * The order of a task list. `planIds` in the order their plans are shown (序号 restarts in each);
 * `leadNames` every unit and collective name in the order 牵头单位 sorts by (拼音, decided by the caller).
 */
export type TaskOrder =
  | { key: "seq"; descending: boolean }
  | { key: "due"; descending: boolean }
  | { key: "lead"; descending: boolean; leadNames: readonly string[] };

function arrayOf<T>(values: readonly T[], type: "int" | "text"): SQL {
  if (values.length === 0) return sql.raw(`'{}'::${type}[]`);
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;
}

function orderOf(order: TaskOrder, planIds: readonly number[]): SQL[] {
  const dir = (expression: SQL) => (order.descending ? sql`${expression} desc nulls last` : sql`${expression} asc nulls last`);
  const planOrder = sql`array_position(${arrayOf(planIds, "int")}, ${tasks.planId})`;
  const bySeq = [dir(planOrder), dir(sql`${tasks.seq}`), dir(sql`${tasks.id}`)];
  if (order.key === "seq") return bySeq;
  const then = [sql`${planOrder}`, sql`${tasks.seq}`, sql`${tasks.id}`];
  if (order.key === "due") {
    // No 完成时限 is the plan year's end (days are YYYY-MM-DD text: they sort as they read).
    const due = sql`coalesce(${tasks.dueOn}, (select ${q(plans.year)}::text || '-12-31' from ${plans} where ${q(plans.id)} = ${q(tasks.planId)}))`;
    return [dir(due), ...then];
  }
  // The first 牵头单位 as the task names it; a name not ranked (none) goes last.
  const firstLead = sql`(${unitNames("lead")})[1]`;
  return [dir(sql`array_position(${arrayOf(order.leadNames, "text")}, ${firstLead})`), ...then];
}

/** One page of the selection in the order asked for (ties by plan, then 序号). */
export async function listTaskPage(filter: TaskFilter, order: TaskOrder, page: { offset: number; limit: number }): Promise<TaskListRow[]> {
  if (filter.planIds.length === 0) return [];
  return db
    .select(rowColumns)
    .from(tasks)
    .where(whereOf(filter))
    .orderBy(...orderOf(order, filter.planIds))
    .offset(page.offset)
    .limit(page.limit);
}

/** Every unit's and collective name's name, the names a task's 牵头单位 may start with. */
export async function listUnitAndGroupNames(): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(sql`select ${units.name} as name from ${units} union select ${unitGroups.name} from ${unitGroups}`);
  return rows.map((r) => r.name);
}
