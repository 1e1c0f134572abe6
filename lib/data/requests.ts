/** Data access for deadline extensions (延期申请) and task closing (办结销号). */
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { deadlineExtensions, taskClosures, taskDueOverrides, tasks, units, users } from "@/db/schema";
import { qualified as q } from "@/db/sql";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";

const requester = (column: typeof deadlineExtensions.requestedBy | typeof taskClosures.requestedBy) =>
  sql<string>`(select ${q(users.displayName)} from ${users} where ${q(users.id)} = ${column})`;

type RequestTable = typeof deadlineExtensions | typeof taskClosures;
type RequestFilter = { unitId?: number; status?: "pending" | "approved" | "refused" };

/** What both lists show of every request: its task, unit, decision and requester. */
const requestColumns = (table: RequestTable) => ({
  id: table.id,
  taskId: tasks.id,
  seq: tasks.seq,
  content: tasks.content,
  unitName: units.name,
  status: table.status,
  decisionNote: table.decisionNote,
  decidedAt: table.decidedAt,
  createdAt: table.createdAt,
  requestedByName: requester(table.requestedBy),
});
type RequestColumns = ReturnType<typeof requestColumns>;

/**
 * A unit's or every unit's requests of one kind, newest first (at most 300), with their task, unit,
 * decision and requester (requestColumns) and these columns of their own.
 */
async function listRequests<S extends SelectedFields>(
  table: RequestTable,
  columns: S,
  filter: RequestFilter,
): Promise<SelectResultFields<RequestColumns & S>[]> {
  const rows = await db
    .select({ ...requestColumns(table), ...columns } as SelectedFields)
    .from(table)
    .innerJoin(tasks, eq(tasks.id, table.taskId))
    .innerJoin(units, eq(units.id, table.unitId))
    .where(and(filter.unitId ? eq(table.unitId, filter.unitId) : undefined, filter.status ? eq(table.status, filter.status) : undefined))
    .orderBy(desc(table.createdAt))
    .limit(300);
  return rows as SelectResultFields<RequestColumns & S>[];
}

export async function listExtensions(filter: RequestFilter = {}) {
  return listRequests(
    deadlineExtensions,
    {
      periodIndex: deadlineExtensions.periodIndex,
      reason: deadlineExtensions.reason,
      oldDueAt: deadlineExtensions.oldDueAt,
      requestedDueAt: deadlineExtensions.requestedDueAt,
    },
    filter,
  );
}

export async function listClosures(filter: RequestFilter = {}) {
  return listRequests(taskClosures, { evidence: taskClosures.evidence }, filter);
}

export async function lockExtension(tx: Executor, id: number) {
  const [row] = await tx.select().from(deadlineExtensions).where(eq(deadlineExtensions.id, id)).for("update");
  return row ?? null;
}

export async function lockClosure(tx: Executor, id: number) {
  const [row] = await tx.select().from(taskClosures).where(eq(taskClosures.id, id)).for("update");
  return row ?? null;
}

export async function hasPendingExtension(tx: Executor, taskId: number, periodIndex: number) {
  const [row] = await tx
    .select({ id: deadlineExtensions.id })
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.taskId, taskId), eq(deadlineExtensions.periodIndex, periodIndex), eq(deadlineExtensions.status, "pending")))
    .limit(1);
  return Boolean(row);
}

export async function hasPendingClosure(tx: Executor, taskId: number) {
  const [row] = await tx
    .select({ id: taskClosures.id })
    .from(taskClosures)
    .where(and(eq(taskClosures.taskId, taskId), eq(taskClosures.status, "pending")))
    .limit(1);
  return Boolean(row);
}

export async function setTaskDueOverride(tx: Executor, values: { taskId: number; periodIndex: number; dueAt: Date; extensionId: number }) {
  await tx
    .insert(taskDueOverrides)
    .values(values)
    .onConflictDoUpdate({ target: [taskDueOverrides.taskId, taskDueOverrides.periodIndex], set: { dueAt: values.dueAt, extensionId: values.extensionId } });
}

export async function closeTask(tx: Executor, taskId: number, closedAfterPeriod: number) {
  await tx.update(tasks).set({ closedAt: sql`now()`, closedAfterPeriod, updatedAt: sql`now()` }).where(eq(tasks.id, taskId));
}
