/** Data access for carry-over (跨年度结转): unfinished tasks of a plan, later plans to carry them into, and the copies. Plain queries. */
import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { plans, progressReports, taskGroups, taskLeaders, tasks, taskUnits } from "@/db/schema";
import { taskTextColumns } from "./task-columns";
import { insertReturningId } from "./insert-row";
import { maxOf } from "./max-of";

/** Some submitted report of the task says 已完成. */
const reportedCompleted = sql<boolean>`exists (select 1 from ${progressReports} where ${q(progressReports.taskId)} = ${q(tasks.id)} and ${q(progressReports.progressState)} = 'completed' and ${q(progressReports.status)} in ('submitted', 'accepted'))`;

/** The tasks of a plan as the carry-over page lists them: done or not, and where each was carried already. */
export async function listPlanTasksForCarry(executor: Executor, planId: number) {
  const carried = alias(tasks, "carried");
  const carriedPlan = alias(plans, "carried_plan");
  return executor
    .select({
      ...taskTextColumns,
      leadUnitsText: tasks.leadUnitsText,
      closedAt: tasks.closedAt,
      reportedCompleted,
      carriedToTaskId: carried.id,
      carriedToSeq: carried.seq,
      carriedToPlanYear: carriedPlan.year,
      carriedToPlanTitle: carriedPlan.title,
    })
    .from(tasks)
    .leftJoin(carried, eq(carried.carriedFromTaskId, tasks.id))
    .leftJoin(carriedPlan, eq(carriedPlan.id, carried.planId))
    .where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt), eq(tasks.overall, false)))
    .orderBy(asc(tasks.seq));
}

/** Plans a plan's tasks may be carried into: a later year, 草稿 or 执行中. */
export async function listLaterPlans(executor: Executor, year: number) {
  return executor
    .select({ id: plans.id, year: plans.year, title: plans.title, state: plans.state, source: plans.source, kind: plans.kind })
    .from(plans)
    .where(and(gt(plans.year, year), inArray(plans.state, ["draft", "active"])))
    .orderBy(asc(plans.year), asc(plans.id));
}

/** The chosen tasks, locked, with what decides whether they may be carried. */
export async function lockTasksForCarry(tx: Executor, planId: number, taskIds: readonly number[]) {
  return tx
    .select({
      ...taskTextColumns,
      overall: tasks.overall,
      leadUnitsText: tasks.leadUnitsText,
      unitsText: tasks.unitsText,
      archivedAt: tasks.archivedAt,
      closedAt: tasks.closedAt,
      source: tasks.source,
      documentNumber: tasks.documentNumber,
      issuedOn: tasks.issuedOn,
      cadence: tasks.cadence,
      reportedCompleted,
    })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), inArray(tasks.id, taskIds.length ? [...taskIds] : [-1])))
    .orderBy(asc(tasks.seq))
    .for("update");
}

export async function listCarriedCopies(tx: Executor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return tx
    .select({ id: tasks.id, carriedFromTaskId: tasks.carriedFromTaskId })
    .from(tasks)
    .where(inArray(tasks.carriedFromTaskId, [...taskIds]));
}

export async function lastSeqOf(tx: Executor, planId: number): Promise<number> {
  return maxOf(tx, tasks, tasks.seq, eq(tasks.planId, planId));
}

export async function insertCarriedTask(tx: Executor, values: typeof tasks.$inferInsert): Promise<number> {
  return insertReturningId(tx, tasks, values);
}

/** Copies the 责任领导, units and collective names of one task onto another. */
export async function copyTaskPeople(tx: Executor, fromTaskId: number, toTaskId: number) {
  const [leaderRows, unitRows, groupRows] = await Promise.all([
    tx.select().from(taskLeaders).where(eq(taskLeaders.taskId, fromTaskId)),
    tx.select().from(taskUnits).where(eq(taskUnits.taskId, fromTaskId)),
    tx.select().from(taskGroups).where(eq(taskGroups.taskId, fromTaskId)),
  ]);
  if (leaderRows.length) await tx.insert(taskLeaders).values(leaderRows.map((r) => ({ ...r, taskId: toTaskId })));
  if (unitRows.length) await tx.insert(taskUnits).values(unitRows.map((r) => ({ ...r, taskId: toTaskId })));
  if (groupRows.length) await tx.insert(taskGroups).values(groupRows.map((r) => ({ ...r, taskId: toTaskId })));
}

/** Where a task came from and where it went: its plan, 序号. */
export async function getCarryLinks(executor: Executor, taskId: number) {
  const from = alias(tasks, "from_task");
  const fromPlan = alias(plans, "from_plan");
  const [own] = await executor
    .select({ id: from.id, seq: from.seq, seqLabel: from.seqLabel, planYear: fromPlan.year, planTitle: fromPlan.title })
    .from(tasks)
    .innerJoin(from, eq(from.id, tasks.carriedFromTaskId))
    .innerJoin(fromPlan, eq(fromPlan.id, from.planId))
    .where(eq(tasks.id, taskId))
    .limit(1);
  const to = await executor
    .select({ id: tasks.id, seq: tasks.seq, seqLabel: tasks.seqLabel, planYear: plans.year, planTitle: plans.title })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.carriedFromTaskId, taskId), isNull(tasks.archivedAt)))
    .orderBy(asc(plans.year), asc(tasks.id));
  return { from: own ?? null, to };
}
