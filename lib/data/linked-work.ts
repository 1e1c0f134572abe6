/** Data access for linked work (同一事项): families of tasks, candidates to link, and shared (mirrored) reports. Plain queries. */
import "server-only";
import { and, asc, eq, gt, ilike, inArray, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { linkedWork, plans, progressReports, reportVersions, tasks, taskUnits, units } from "@/db/schema";
import { createThenLock, reportColumns, reportOfPeriod } from "./reports";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";
import { maxOf } from "./max-of";

const memberColumns = {
  id: tasks.id,
  seq: tasks.seq,
  seqLabel: tasks.seqLabel,
  content: tasks.content,
  overall: tasks.overall,
  archivedAt: tasks.archivedAt,
  linkedWorkId: tasks.linkedWorkId,
  cadence: tasks.cadence,
  reportingStartPeriod: tasks.reportingStartPeriod,
  dueOn: tasks.dueOn,
  closedAfterPeriod: tasks.closedAfterPeriod,
  planId: plans.id,
  planYear: plans.year,
  planTitle: plans.title,
  planSource: plans.source,
  planKind: plans.kind,
  planState: plans.state,
};

export type LinkMember = Awaited<ReturnType<typeof listLinkMembers>>[number];

/** Tasks with their plan, locked (for update) when asked: the rows a link or unlink changes. */
export async function listLinkMembers(tx: Executor, where: { taskIds?: readonly number[]; linkedWorkId?: number }, options: { forUpdate?: boolean } = {}) {
  const conditions: SQL[] = [];
  if (where.taskIds) conditions.push(inArray(tasks.id, where.taskIds.length ? [...where.taskIds] : [-1]));
  if (where.linkedWorkId !== undefined) conditions.push(eq(tasks.linkedWorkId, where.linkedWorkId));
  const query = tx
    .select(memberColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(...conditions))
    .orderBy(asc(plans.year), asc(plans.id), asc(tasks.seq));
  return options.forUpdate ? query.for("update", { of: tasks }) : query;
}

export async function createLinkedWork(tx: Executor, createdBy: number): Promise<number> {
  return insertReturningId(tx, linkedWork, { createdBy });
}

export async function setLinkedWorkOf(tx: Executor, taskIds: readonly number[], linkedWorkId: number | null) {
  if (taskIds.length === 0) return;
  await tx
    .update(tasks)
    .set({ linkedWorkId, updatedAt: sql`now()` })
    .where(inArray(tasks.id, [...taskIds]));
}

export async function deleteLinkedWork(tx: Executor, linkedWorkId: number) {
  await tx.delete(linkedWork).where(eq(linkedWork.id, linkedWorkId));
}

/** Lead units named directly on each task: taskId → unit names and ids. */
export async function listDirectLeadUnits(tx: Executor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return new Map<number, { id: number; name: string }[]>();
  const rows = await tx
    .select({ taskId: taskUnits.taskId, id: units.id, name: units.name })
    .from(taskUnits)
    .innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(inArray(taskUnits.taskId, [...taskIds]), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position));
  const out = new Map<number, { id: number; name: string }[]>();
  for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), { id: r.id, name: r.name }]);
  return out;
}

/** Tasks of 执行中 plans whose text (or 序号) matches, for the office to link. */
export async function searchLinkCandidates(tx: Executor, input: { text: string; excludeTaskIds: readonly number[]; limit: number }) {
  const seq = /^\d{1,4}$/.test(input.text) ? Number(input.text) : null;
  const escaped = input.text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const match = seq === null ? ilike(tasks.content, `%${escaped}%`) : or(eq(tasks.seq, seq), ilike(tasks.content, `%${escaped}%`));
  return tx
    .select(memberColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(
      and(
        eq(plans.state, "active"),
        isNull(tasks.archivedAt),
        eq(tasks.overall, false),
        input.excludeTaskIds.length ? notInArray(tasks.id, [...input.excludeTaskIds]) : undefined,
        match,
      ),
    )
    .orderBy(sql`${plans.year} desc`, asc(plans.id), asc(tasks.seq))
    .limit(input.limit);
}

// ── Shared reports ───────────────────────────────────────────────────────────

/** A report row as the syncing reads it: the columns every report read has, and the original it mirrors. */
const sharedColumns = { ...reportColumns, sharedFromReportId: progressReports.sharedFromReportId };

export type SharedReportRow = NonNullable<Awaited<ReturnType<typeof getSharedReport>>>;

export async function getSharedReport(tx: Executor, reportId: number, options: { forUpdate?: boolean } = {}) {
  const query = tx.select(sharedColumns).from(progressReports).where(eq(progressReports.id, reportId)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function getSharedReportOf(tx: Executor, taskId: number, periodIndex: number, options: { forUpdate?: boolean } = {}) {
  const query = tx.select(sharedColumns).from(progressReports).where(reportOfPeriod(taskId, periodIndex)).limit(1);
  return firstRow(query, options.forUpdate);
}

/** The mirrors of a report (rows filed once for linked work). */
export async function listMirrorsOf(tx: Executor, reportId: number) {
  return tx
    .select({ id: progressReports.id, taskId: progressReports.taskId, periodIndex: progressReports.periodIndex })
    .from(progressReports)
    .where(eq(progressReports.sharedFromReportId, reportId))
    .orderBy(asc(progressReports.taskId));
}

/** Inserts the mirror row if missing (concurrent callers get the same row), then locks it. */
export async function lockOrCreateMirror(tx: Executor, values: { taskId: number; periodIndex: number; unitId: number; sharedFromReportId: number }) {
  return createThenLock(tx, progressReports, values, () => getSharedReportOf(tx, values.taskId, values.periodIndex, { forUpdate: true }));
}

/** Submitted versions of a report after a number, oldest first. */
export async function listVersionsAfter(tx: Executor, reportId: number, afterNumber: number) {
  return tx
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), gt(reportVersions.number, afterNumber)))
    .orderBy(asc(reportVersions.number));
}

export async function lastVersionNumber(tx: Executor, reportId: number): Promise<number> {
  return maxOf(tx, reportVersions, reportVersions.number, eq(reportVersions.reportId, reportId));
}

export async function insertVersions(tx: Executor, rows: (typeof reportVersions.$inferInsert)[]) {
  if (rows.length) await tx.insert(reportVersions).values(rows);
}

/** Other tasks of the same family, for a report's task (none when it is not linked). */
export async function listLinkedTasksOf(tx: Executor, taskId: number) {
  const [own] = await tx.select({ linkedWorkId: tasks.linkedWorkId }).from(tasks).where(eq(tasks.id, taskId)).limit(1);
  if (!own?.linkedWorkId) return [];
  return tx
    .select(memberColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.linkedWorkId, own.linkedWorkId), ne(tasks.id, taskId)))
    .orderBy(asc(tasks.id));
}
