/**
 * Data access for a unit's workspace, the overseers' "this period" column and the task-list export.
 * Plain queries, each over a whole set of tasks at once (never one query per task or period), so a
 * page costs a fixed number of round trips however many tasks and periods there are.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { contributions, progressReports, reportVersions, taskGroups, tasks, taskUnits, unitGroupMembers, unitGroups, units } from "@/db/schema";
import { inputCollected, owingInputs } from "./input-duties";
import { taskConcernsUnit } from "./task-scope";
import { reportStateColumns } from "./reports";

export async function getUnitName(tx: Executor, unitId: number): Promise<string | null> {
  const [row] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId)).limit(1);
  return row?.name ?? null;
}

/** The unit is named on the task in this role, directly or as a member of a collective name with listed members. */
function namedInRole(unitId: number, role: "lead" | "cooperating") {
  return sql<boolean>`(exists (select 1 from ${taskUnits} where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.unitId)} = ${unitId} and ${q(taskUnits.role)} = ${role})
    or exists (select 1 from ${taskGroups} join ${unitGroups} on ${q(unitGroups.id)} = ${q(taskGroups.groupId)}
      join ${unitGroupMembers} on ${q(unitGroupMembers.groupId)} = ${q(unitGroups.id)}
      where ${q(taskGroups.taskId)} = ${q(tasks.id)} and ${q(taskGroups.role)} = ${role}
        and ${q(unitGroups.scope)} = 'members' and ${q(unitGroupMembers.unitId)} = ${unitId}))`;
}

/** The task names, in this role, a collective that stands for every unit (各地各部门). */
function allUnitsInRole(role: "lead" | "cooperating") {
  return sql<boolean>`exists (select 1 from ${taskGroups} join ${unitGroups} on ${q(unitGroups.id)} = ${q(taskGroups.groupId)}
    where ${q(taskGroups.taskId)} = ${q(tasks.id)} and ${q(taskGroups.role)} = ${role} and ${q(unitGroups.scope)} = 'all')`;
}

/**
 * Every task of these plans that concerns the unit, with how: named as lead or cooperating unit
 * (directly or through a collective with listed members), or only through an "every unit" name.
 * With what its schedule needs (its plan, cadence, 完成时限, closing). One query.
 */
export async function listUnitTaskRelations(tx: Executor, input: { planIds: readonly number[]; unitId: number }) {
  if (input.planIds.length === 0) return [];
  return tx
    .select({
      id: tasks.id,
      planId: tasks.planId,
      cadence: tasks.cadence,
      reportingStartPeriod: tasks.reportingStartPeriod,
      dueOn: tasks.dueOn,
      seq: tasks.seq,
      content: tasks.content,
      overall: tasks.overall,
      closedAfterPeriod: tasks.closedAfterPeriod,
      leadNamed: namedInRole(input.unitId, "lead"),
      leadAll: allUnitsInRole("lead"),
      cooperatingNamed: namedInRole(input.unitId, "cooperating"),
      cooperatingAll: allUnitsInRole("cooperating"),
      inputCollected: inputCollected(sql`${q(tasks.id)}`, input.unitId),
    })
    .from(tasks)
    .where(and(inArray(tasks.planId, [...input.planIds]), isNull(tasks.archivedAt), taskConcernsUnit(input.unitId)))
    .orderBy(asc(tasks.planId), asc(tasks.seq));
}

export type UnitTaskRelation = Awaited<ReturnType<typeof listUnitTaskRelations>>[number];

/** The state columns of the reports of these tasks in a range of periods (no report text). */
export async function listReportStates(tx: Executor, input: { taskIds: number[]; fromPeriod: number; toPeriod: number }) {
  if (input.taskIds.length === 0 || input.fromPeriod > input.toPeriod) return [];
  return tx
    .select({
      ...reportStateColumns,
      submittedAt: progressReports.submittedAt,
      returnReason: progressReports.returnReason,
      returnedAt: progressReports.returnedAt,
    })
    .from(progressReports)
    .where(
      and(inArray(progressReports.taskId, input.taskIds), gte(progressReports.periodIndex, input.fromPeriod), lte(progressReports.periodIndex, input.toPeriod)),
    );
}

/** The state of several tasks' reports, each in its own period: [taskId, periodIndex] pairs. */
export async function listReportStatesAt(tx: Executor, pairs: readonly (readonly [number, number])[]) {
  if (pairs.length === 0) return [];
  const taskIds = [...new Set(pairs.map(([taskId]) => taskId))];
  const periods = [...new Set(pairs.map(([, period]) => period))];
  const wanted = new Set(pairs.map(([taskId, period]) => `${taskId}:${period}`));
  const rows = await tx
    .select(reportStateColumns)
    .from(progressReports)
    .where(and(inArray(progressReports.taskId, taskIds), inArray(progressReports.periodIndex, periods)));
  return rows.filter((r) => wanted.has(`${r.taskId}:${r.periodIndex}`));
}

/** A unit's own inputs (配合进展) on these tasks in a range of periods: state columns only. */
export async function listContributionStatesOfUnit(tx: Executor, input: { unitId: number; taskIds: number[]; fromPeriod: number; toPeriod: number }) {
  if (input.taskIds.length === 0 || input.fromPeriod > input.toPeriod) return [];
  return tx
    .select({
      taskId: contributions.taskId,
      periodIndex: contributions.periodIndex,
      status: contributions.status,
      late: contributions.late,
      version: contributions.version,
      submittedAt: contributions.submittedAt,
    })
    .from(contributions)
    .where(
      and(
        eq(contributions.unitId, input.unitId),
        inArray(contributions.taskId, input.taskIds),
        gte(contributions.periodIndex, input.fromPeriod),
        lte(contributions.periodIndex, input.toPeriod),
      ),
    );
}

/** Tasks with their plan's deadline settings (for the "this period" column of any task list). */
/** The latest submitted version of each task's report (the latest period, its latest version). */
export async function listLatestSubmittedVersions(tx: Executor, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return tx
    .selectDistinctOn([progressReports.taskId], {
      taskId: progressReports.taskId,
      periodIndex: progressReports.periodIndex,
      percent: reportVersions.percent,
      progress: reportVersions.progress,
      submittedAt: reportVersions.submittedAt,
      late: reportVersions.late,
    })
    .from(reportVersions)
    .innerJoin(progressReports, eq(progressReports.id, reportVersions.reportId))
    .where(inArray(progressReports.taskId, taskIds))
    .orderBy(progressReports.taskId, desc(progressReports.periodIndex), desc(reportVersions.number));
}

/**
 * For each task, how many units owe an input (配合进展) in the task's own period and how many have
 * submitted it: [taskId, periodIndex] pairs (tasks of different cadences are in different periods).
 * The units that owe one are those of lib/data/input-duties.ts: named as cooperating units, directly
 * or as members of a collective with listed members, not also lead units, not collected by the lead unit. One query.
 */
export async function countContributionsFiled(tx: Executor, pairs: readonly (readonly [number, number])[]) {
  if (pairs.length === 0) return [];
  const ids = sql.join(
    pairs.map(([id]) => sql`${id}`),
    sql`, `,
  );
  const wanted = sql.join(
    pairs.map(([id, period]) => sql`(${id}::int, ${period}::int)`),
    sql`, `,
  );
  const rows = await tx.execute<{ task_id: number; owed: number; filed: number }>(sql`
    with wanted(task_id, period_index) as (values ${wanted}),
    owing as (${owingInputs(ids)})
    select owing.task_id, count(*)::int as owed, count(${q(contributions.id)})::int as filed
    from owing join wanted on wanted.task_id = owing.task_id
      left join ${contributions} on ${q(contributions.taskId)} = owing.task_id and ${q(contributions.unitId)} = owing.unit_id
      and ${q(contributions.periodIndex)} = wanted.period_index and ${q(contributions.status)} = 'submitted'
    group by owing.task_id`);
  return rows.map((r) => ({ taskId: Number(r.task_id), owed: Number(r.owed), filed: Number(r.filed) }));
}
