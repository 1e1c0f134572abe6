/**
 * Data access for coordination requests (需协调事项) and their replies: plain queries, no
 * permission rules (lib/services/coordination.ts decides who may read and write).
 */
import { aliasedTable, and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { coordinationReplies, coordinationRequests, leaders, plans, taskLeaders, tasks, units, users, type CoordinationStatus } from "@/db/schema";
import { taskHasLeader } from "./task-scope";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";

export type CoordinationRow = typeof coordinationRequests.$inferSelect;

export async function getCoordinationRequest(tx: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<CoordinationRow | null> {
  const query = tx.select().from(coordinationRequests).where(eq(coordinationRequests.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function getCoordinationRequestOfReport(tx: Executor, reportId: number): Promise<CoordinationRow | null> {
  const [row] = await tx.select().from(coordinationRequests).where(eq(coordinationRequests.reportId, reportId)).limit(1).for("update");
  return row ?? null;
}

export async function insertCoordinationRequest(
  tx: Executor,
  values: { reportId: number; taskId: number; periodIndex: number; unitId: number; content: string; raisedAt: Date },
): Promise<number> {
  return insertReturningId(tx, coordinationRequests, { ...values, status: "open", createdAt: values.raisedAt, updatedAt: values.raisedAt });
}

export async function updateCoordinationRequest(
  tx: Executor,
  id: number,
  values: Partial<Pick<CoordinationRow, "content" | "status" | "unitId" | "answeredAt" | "resolvedAt" | "resolvedBy">> & { updatedAt: Date },
): Promise<void> {
  await tx.update(coordinationRequests).set(values).where(eq(coordinationRequests.id, id));
}

export async function deleteCoordinationRequest(tx: Executor, id: number): Promise<void> {
  await tx.delete(coordinationRequests).where(eq(coordinationRequests.id, id));
}

export async function countCoordinationReplies(tx: Executor, requestId: number): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(coordinationReplies).where(eq(coordinationReplies.requestId, requestId));
  return row?.n ?? 0;
}

export async function insertCoordinationReply(
  tx: Executor,
  values: { requestId: number; body: string; resolves: boolean; leaderId: number | null; createdBy: number; createdAt: Date },
): Promise<number> {
  return insertReturningId(tx, coordinationReplies, values);
}

export async function listTaskLeaderIds(tx: Executor, taskId: number): Promise<number[]> {
  const rows = await tx.select({ id: taskLeaders.leaderId }).from(taskLeaders).where(eq(taskLeaders.taskId, taskId));
  return rows.map((r) => r.id);
}

export interface CoordinationFilter {
  /** Only this leader's tasks (a leader without overall responsibility). */
  leaderId?: number;
  taskId?: number;
  status?: CoordinationStatus;
}

/** Requests with what a list shows: unit, task, period's year; unresolved first, oldest first. */
export async function listCoordinationRequests(tx: Executor, filter: CoordinationFilter) {
  const conditions: SQL[] = [sql`${tasks.archivedAt} is null`];
  if (filter.leaderId !== undefined) conditions.push(taskHasLeader(filter.leaderId));
  if (filter.taskId !== undefined) conditions.push(eq(coordinationRequests.taskId, filter.taskId));
  if (filter.status !== undefined) conditions.push(eq(coordinationRequests.status, filter.status));
  return tx
    .select({
      id: coordinationRequests.id,
      taskId: coordinationRequests.taskId,
      periodIndex: coordinationRequests.periodIndex,
      unitId: coordinationRequests.unitId,
      unitName: units.name,
      seq: tasks.seq,
      taskContent: tasks.content,
      year: plans.year,
      content: coordinationRequests.content,
      status: coordinationRequests.status,
      raisedAt: coordinationRequests.raisedAt,
      answeredAt: coordinationRequests.answeredAt,
      resolvedAt: coordinationRequests.resolvedAt,
    })
    .from(coordinationRequests)
    .innerJoin(tasks, eq(tasks.id, coordinationRequests.taskId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(units, eq(units.id, coordinationRequests.unitId))
    .where(and(...conditions))
    .orderBy(
      sql`case ${coordinationRequests.status} when 'open' then 0 when 'answered' then 1 else 2 end`,
      asc(coordinationRequests.raisedAt),
      asc(coordinationRequests.id),
    );
}

export type CoordinationListRow = Awaited<ReturnType<typeof listCoordinationRequests>>[number];

const authorUnit = aliasedTable(units, "author_unit");

/** The threads of these requests, oldest reply first, with who wrote each. */
export async function listCoordinationReplies(tx: Executor, requestIds: readonly number[]) {
  if (requestIds.length === 0) return [];
  return tx
    .select({
      id: coordinationReplies.id,
      requestId: coordinationReplies.requestId,
      body: coordinationReplies.body,
      resolves: coordinationReplies.resolves,
      leaderName: leaders.name,
      authorName: users.displayName,
      authorUnitName: authorUnit.name,
      createdAt: coordinationReplies.createdAt,
    })
    .from(coordinationReplies)
    .innerJoin(users, eq(users.id, coordinationReplies.createdBy))
    .leftJoin(leaders, eq(leaders.id, coordinationReplies.leaderId))
    .leftJoin(authorUnit, eq(authorUnit.id, users.unitId))
    .where(inArray(coordinationReplies.requestId, [...requestIds]))
    .orderBy(asc(coordinationReplies.createdAt), asc(coordinationReplies.id));
}

export type CoordinationReplyRow = Awaited<ReturnType<typeof listCoordinationReplies>>[number];

/** The latest leader instructions (批示) given on a task's requests, newest first (for the report form). */
export async function listLatestInstructions(tx: Executor, taskId: number, limit = 3) {
  return tx
    .select({
      requestId: coordinationRequests.id,
      periodIndex: coordinationRequests.periodIndex,
      request: coordinationRequests.content,
      body: coordinationReplies.body,
      leaderName: leaders.name,
      createdAt: coordinationReplies.createdAt,
    })
    .from(coordinationReplies)
    .innerJoin(coordinationRequests, eq(coordinationRequests.id, coordinationReplies.requestId))
    .innerJoin(leaders, eq(leaders.id, coordinationReplies.leaderId))
    .where(eq(coordinationRequests.taskId, taskId))
    .orderBy(desc(coordinationReplies.createdAt), desc(coordinationReplies.id))
    .limit(limit);
}
