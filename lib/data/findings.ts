/** Data access for supervision findings (督查发现). Plain queries, no permission rules. */
import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { findings, tasks, units, users } from "@/db/schema";
import type { FindingRating } from "@/lib/escalation/labels";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";

export interface FindingRow {
  id: number;
  planId: number;
  periodIndex: number;
  rating: FindingRating;
  text: string;
  taskId: number | null;
  taskSeq: number | null;
  taskContent: string | null;
  unitId: number | null;
  unitName: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: Date;
}

const columns = {
  id: findings.id,
  planId: findings.planId,
  periodIndex: findings.periodIndex,
  rating: findings.rating,
  text: findings.text,
  taskId: findings.taskId,
  taskSeq: tasks.seq,
  taskContent: tasks.content,
  unitId: findings.unitId,
  unitName: units.name,
  createdBy: findings.createdBy,
  createdByName: users.displayName,
  createdAt: findings.createdAt,
};

function selectFindings(executor: Executor, where: SQL | undefined) {
  return executor
    .select(columns)
    .from(findings)
    .leftJoin(tasks, eq(tasks.id, findings.taskId))
    .leftJoin(units, eq(units.id, findings.unitId))
    .innerJoin(users, eq(users.id, findings.createdBy))
    .where(where);
}

/**
 * A period's findings, for the progress circular and the criticism (their FindingFact shape is a
 * subset of these rows): by task number, then unit name, then when recorded.
 */
export async function listFindings(planId: number, periodIndex: number, executor: Executor = db): Promise<FindingRow[]> {
  return selectFindings(executor, and(eq(findings.planId, planId), eq(findings.periodIndex, periodIndex))).orderBy(
    asc(tasks.seq),
    asc(units.name),
    asc(findings.createdAt),
    asc(findings.id),
  );
}

export interface FindingFilter {
  /** The plans whose findings are listed (every live plan by default). */
  planIds: readonly number[];
  periodIndex?: number;
  rating?: FindingRating;
  taskId?: number;
  unitId?: number;
}

/** Findings by filter, newest first. */
export async function searchFindings(filter: FindingFilter, executor: Executor = db): Promise<FindingRow[]> {
  if (filter.planIds.length === 0) return [];
  return selectFindings(
    executor,
    and(
      inArray(findings.planId, [...filter.planIds]),
      filter.periodIndex === undefined ? undefined : eq(findings.periodIndex, filter.periodIndex),
      filter.rating === undefined ? undefined : eq(findings.rating, filter.rating),
      filter.taskId === undefined ? undefined : eq(findings.taskId, filter.taskId),
      filter.unitId === undefined ? undefined : eq(findings.unitId, filter.unitId),
    ),
  )
    .orderBy(desc(findings.periodIndex), desc(findings.createdAt), desc(findings.id))
    .limit(500);
}

export async function getFinding(executor: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  const query = executor.select().from(findings).where(eq(findings.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function insertFinding(executor: Executor, values: typeof findings.$inferInsert): Promise<number> {
  return insertReturningId(executor, findings, values);
}

export async function deleteFindingRow(executor: Executor, id: number): Promise<void> {
  await executor.delete(findings).where(eq(findings.id, id));
}

/** A task of one of the plans that can carry a finding (not archived, not the overall row), with its plan. */
export async function getPlanTask(executor: Executor, planIds: readonly number[], taskId: number) {
  if (planIds.length === 0) return null;
  const [row] = await executor
    .select({ id: tasks.id, planId: tasks.planId, seq: tasks.seq, archivedAt: tasks.archivedAt, overall: tasks.overall })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), inArray(tasks.planId, [...planIds])))
    .limit(1);
  return row ?? null;
}

export async function getActiveUnit(executor: Executor, unitId: number) {
  const [row] = await executor.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.id, unitId)).limit(1);
  return row ?? null;
}

/** The plans' tasks as options for the findings form. */
export async function listTaskOptions(planIds: readonly number[], executor: Executor = db) {
  if (planIds.length === 0) return [];
  return executor
    .select({ id: tasks.id, planId: tasks.planId, seq: tasks.seq, content: tasks.content, archivedAt: tasks.archivedAt, overall: tasks.overall })
    .from(tasks)
    .where(inArray(tasks.planId, [...planIds]))
    .orderBy(asc(tasks.seq), asc(tasks.id))
    .then((rows) => rows.filter((r) => !r.archivedAt && !r.overall).map(({ id, planId, seq, content }) => ({ id, planId, seq, content })));
}
