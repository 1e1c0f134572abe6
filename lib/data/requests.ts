/** Data access for deadline extensions (延期申请) and task closing (办结销号). */
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { deadlineExtensions, taskClosures, taskDueOverrides, tasks, units, users } from "@/db/schema";
import { qualified as q } from "@/db/sql";

const requester = (column: typeof deadlineExtensions.requestedBy | typeof taskClosures.requestedBy) =>
  sql<string>`(select ${q(users.displayName)} from ${users} where ${q(users.id)} = ${column})`;

export async function listExtensions(filter: { unitId?: number; status?: "pending" | "approved" | "refused" } = {}) {
  return db
    .select({
      id: deadlineExtensions.id,
      taskId: tasks.id,
      seq: tasks.seq,
      content: tasks.content,
      periodIndex: deadlineExtensions.periodIndex,
      unitName: units.name,
      reason: deadlineExtensions.reason,
      oldDueAt: deadlineExtensions.oldDueAt,
      requestedDueAt: deadlineExtensions.requestedDueAt,
      status: deadlineExtensions.status,
      decisionNote: deadlineExtensions.decisionNote,
      decidedAt: deadlineExtensions.decidedAt,
      createdAt: deadlineExtensions.createdAt,
      requestedByName: requester(deadlineExtensions.requestedBy),
    })
    .from(deadlineExtensions)
    .innerJoin(tasks, eq(tasks.id, deadlineExtensions.taskId))
    .innerJoin(units, eq(units.id, deadlineExtensions.unitId))
    .where(
      and(filter.unitId ? eq(deadlineExtensions.unitId, filter.unitId) : undefined, filter.status ? eq(deadlineExtensions.status, filter.status) : undefined),
    )
    .orderBy(desc(deadlineExtensions.createdAt))
    .limit(300);
}

export async function listClosures(filter: { unitId?: number; status?: "pending" | "approved" | "refused" } = {}) {
  return db
    .select({
      id: taskClosures.id,
      taskId: tasks.id,
      seq: tasks.seq,
      content: tasks.content,
      unitName: units.name,
      evidence: taskClosures.evidence,
      status: taskClosures.status,
      decisionNote: taskClosures.decisionNote,
      decidedAt: taskClosures.decidedAt,
      createdAt: taskClosures.createdAt,
      requestedByName: requester(taskClosures.requestedBy),
    })
    .from(taskClosures)
    .innerJoin(tasks, eq(tasks.id, taskClosures.taskId))
    .innerJoin(units, eq(units.id, taskClosures.unitId))
    .where(and(filter.unitId ? eq(taskClosures.unitId, filter.unitId) : undefined, filter.status ? eq(taskClosures.status, filter.status) : undefined))
    .orderBy(desc(taskClosures.createdAt))
    .limit(300);
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
