/** Data access for progress reports, their versions, contributions and deadlines. Plain queries. */
import { and, asc, desc, eq, getTableName, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { attachments, contributions, progressReports, reportVersions, taskGroups, taskUnits, unitGroupMembers, unitGroups, units, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { withTypedName } from "@/lib/attachments/extension";
import { NEVER_SAVED_VERSION } from "@/lib/reporting/workflow";
import { firstRow } from "./first-row";
import { listRowsByIds } from "./rows-by-id";

/** Units that lead a task: named directly, or through a collective name with listed members. */
export async function listLeadUnitIds(tx: Executor, taskId: number): Promise<number[]> {
  return unitIdsWithRole(tx, taskId, "lead");
}

/**
 * Units that owe a contribution (配合进展): cooperating units named directly or as members of a
 * collective name. A name that stands for every unit (各地各部门) obliges no one in particular.
 */
export async function listCooperatingUnitIds(tx: Executor, taskId: number): Promise<number[]> {
  const lead = new Set(await unitIdsWithRole(tx, taskId, "lead"));
  return (await unitIdsWithRole(tx, taskId, "cooperating")).filter((id) => !lead.has(id));
}

async function unitIdsWithRole(tx: Executor, taskId: number, role: "lead" | "cooperating"): Promise<number[]> {
  const direct = await tx
    .select({ id: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, role)))
    .orderBy(asc(taskUnits.position));
  const viaGroups = await tx
    .select({ id: unitGroupMembers.unitId })
    .from(taskGroups)
    .innerJoin(unitGroups, eq(unitGroups.id, taskGroups.groupId))
    .innerJoin(unitGroupMembers, eq(unitGroupMembers.groupId, unitGroups.id))
    .where(and(eq(taskGroups.taskId, taskId), eq(taskGroups.role, role), eq(unitGroups.scope, "members")))
    .orderBy(asc(unitGroupMembers.unitId));
  return [...new Set([...direct, ...viaGroups].map((r) => r.id))];
}

export async function getUnitSignOff(tx: Executor, unitId: number): Promise<boolean> {
  const [row] = await tx.select({ requiresSignOff: units.requiresSignOff }).from(units).where(eq(units.id, unitId)).limit(1);
  return row?.requiresSignOff ?? true;
}

export async function listUnitNames(tx: Executor, unitIds: number[]) {
  return listRowsByIds(tx, units, unitIds, { id: units.id, name: units.name });
}

export const reportColumns = {
  id: progressReports.id,
  taskId: progressReports.taskId,
  periodIndex: progressReports.periodIndex,
  unitId: progressReports.unitId,
  status: progressReports.status,
  progress: progressReports.progress,
  percent: progressReports.percent,
  progressState: progressReports.progressState,
  problems: progressReports.problems,
  nextSteps: progressReports.nextSteps,
  coordinationRequest: progressReports.coordinationRequest,
  version: progressReports.version,
  updatedBy: progressReports.updatedBy,
  updatedAt: progressReports.updatedAt,
  sentForApprovalAt: progressReports.sentForApprovalAt,
  sentForApprovalBy: progressReports.sentForApprovalBy,
  submittedAt: progressReports.submittedAt,
  submittedBy: progressReports.submittedBy,
  approvedBy: progressReports.approvedBy,
  late: progressReports.late,
  returnReason: progressReports.returnReason,
  returnedBy: progressReports.returnedBy,
  returnedAt: progressReports.returnedAt,
  reviewedBy: progressReports.reviewedBy,
  reviewedAt: progressReports.reviewedAt,
  submissions: progressReports.submissions,
};

/**
 * A task period's row of a lead unit's report or a cooperating unit's input, as the filer first saves it
 * (or as linked work's mirror of another report is first written).
 */
type NewFiling = { taskId: number; periodIndex: number; unitId: number } & ({ updatedBy: number } | { sharedFromReportId: number });

/** Creates the row if missing (concurrent callers get the same row), then locks and returns it with `lock`. */
export async function createThenLock<R>(
  tx: Executor,
  table: typeof progressReports | typeof contributions,
  values: NewFiling,
  lock: () => Promise<R | null>,
): Promise<R> {
  await tx
    .insert(table)
    .values({ ...values, version: NEVER_SAVED_VERSION })
    .onConflictDoNothing();
  const row = await lock();
  if (!row) throw new Error(`${getTableName(table)} row vanished`);
  return row;
}

/** A report row's state without its text: which task and period, its status, lateness and version. */
export const reportStateColumns = {
  taskId: progressReports.taskId,
  periodIndex: progressReports.periodIndex,
  status: progressReports.status,
  late: progressReports.late,
  version: progressReports.version,
};

export type ReportRow = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** The condition that picks a task's report for a period (one row at most: the unique index on task and period). */
export function reportOfPeriod(taskId: number, periodIndex: number) {
  return and(eq(progressReports.taskId, taskId), eq(progressReports.periodIndex, periodIndex));
}

export async function getReport(tx: Executor, taskId: number, periodIndex: number, options: { forUpdate?: boolean } = {}) {
  const query = tx.select(reportColumns).from(progressReports).where(reportOfPeriod(taskId, periodIndex)).limit(1);
  return firstRow(query, options.forUpdate);
}

/** Creates the report row if missing (concurrent callers get the same row), then locks it. */
export async function lockOrCreateReport(tx: Executor, values: { taskId: number; periodIndex: number; unitId: number; updatedBy: number }) {
  return createThenLock(tx, progressReports, values, () => getReport(tx, values.taskId, values.periodIndex, { forUpdate: true }));
}

/** `updatedAt` is the app clock's (what the form shows as saved at), unless the caller passes its own. */
export async function updateReport(tx: Executor, reportId: number, values: Partial<typeof progressReports.$inferInsert>) {
  await tx
    .update(progressReports)
    .set({ updatedAt: now(), ...values })
    .where(eq(progressReports.id, reportId));
}

export async function insertReportVersion(tx: Executor, values: typeof reportVersions.$inferInsert) {
  await tx.insert(reportVersions).values(values);
}

/** What a submitted version says: its text, percent and 进展状态. */
const versionTextColumns = {
  progress: reportVersions.progress,
  percent: reportVersions.percent,
  progressState: reportVersions.progressState,
  problems: reportVersions.problems,
  nextSteps: reportVersions.nextSteps,
  coordinationRequest: reportVersions.coordinationRequest,
};

export async function listReportVersions(tx: Executor, reportId: number) {
  const submitter = sql<string | null>`(select ${q(users.displayName)} from ${users} where ${q(users.id)} = ${q(reportVersions.submittedBy)})`;
  const approver = sql<string | null>`(select ${q(users.displayName)} from ${users} where ${q(users.id)} = ${q(reportVersions.approvedBy)})`;
  return tx
    .select({
      number: reportVersions.number,
      ...versionTextColumns,
      attachmentIds: reportVersions.attachmentIds,
      submittedAt: reportVersions.submittedAt,
      late: reportVersions.late,
      submittedByName: submitter,
      approvedByName: approver,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.number));
}

/** The latest submitted version of a task's report in a period (what a later period builds on). */
export async function getLatestSubmittedVersion(tx: Executor, taskId: number, periodIndex: number) {
  const [row] = await tx
    .select({ periodIndex: progressReports.periodIndex, ...versionTextColumns, submittedAt: reportVersions.submittedAt, late: reportVersions.late })
    .from(reportVersions)
    .innerJoin(progressReports, eq(progressReports.id, reportVersions.reportId))
    .where(and(eq(progressReports.taskId, taskId), sql`${progressReports.periodIndex} < ${periodIndex}`))
    .orderBy(desc(progressReports.periodIndex), desc(reportVersions.number))
    .limit(1);
  return row ?? null;
}

// ── Contributions ────────────────────────────────────────────────────────────

const contributionColumns = {
  id: contributions.id,
  taskId: contributions.taskId,
  unitId: contributions.unitId,
  periodIndex: contributions.periodIndex,
  status: contributions.status,
  content: contributions.content,
  version: contributions.version,
  submittedAt: contributions.submittedAt,
  late: contributions.late,
  updatedAt: contributions.updatedAt,
};

export async function getContribution(tx: Executor, taskId: number, unitId: number, periodIndex: number, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({ ...contributionColumns, updatedBy: contributions.updatedBy })
    .from(contributions)
    .where(and(eq(contributions.taskId, taskId), eq(contributions.unitId, unitId), eq(contributions.periodIndex, periodIndex)))
    .limit(1);
  return firstRow(query, options.forUpdate);
}

export async function lockOrCreateContribution(tx: Executor, values: { taskId: number; unitId: number; periodIndex: number; updatedBy: number }) {
  return createThenLock(tx, contributions, values, () => getContribution(tx, values.taskId, values.unitId, values.periodIndex, { forUpdate: true }));
}

/** `updatedAt` is the app clock's, unless the caller passes its own. */
export async function updateContribution(tx: Executor, id: number, values: Partial<typeof contributions.$inferInsert>) {
  await tx
    .update(contributions)
    .set({ updatedAt: now(), ...values })
    .where(eq(contributions.id, id));
}

/** Submitted contributions of a task in a period, with unit names. Drafts are their unit's alone. */
export async function listSubmittedContributions(tx: Executor, taskId: number, periodIndex?: number) {
  return tx
    .select({ ...contributionColumns, unitName: units.name })
    .from(contributions)
    .innerJoin(units, eq(units.id, contributions.unitId))
    .where(
      and(
        eq(contributions.taskId, taskId),
        eq(contributions.status, "submitted"),
        periodIndex === undefined ? undefined : eq(contributions.periodIndex, periodIndex),
      ),
    )
    .orderBy(asc(contributions.periodIndex), asc(units.name));
}

// ── Attachments ──────────────────────────────────────────────────────────────

export async function listAttachments(tx: Executor, reportId: number, options: { ids?: number[] } = {}) {
  return tx
    .select({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, createdAt: attachments.createdAt })
    .from(attachments)
    .where(
      and(eq(attachments.reportId, reportId), options.ids ? inArray(attachments.id, options.ids.length ? options.ids : [-1]) : isNull(attachments.removedAt)),
    )
    .orderBy(asc(attachments.id))
    .then((rows) => rows.map(withTypedName));
}
