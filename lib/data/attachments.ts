/** Data access for report attachments: plain queries, the file content only where it is served. */
import "server-only";
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { attachments, contributions, progressReports, reportVersions } from "@/db/schema";
import { withTypedName } from "@/lib/attachments/extension";

/** What an attachment belongs to: a report, a cooperating unit's input (配合进展) or a rectification report (整改报告). */
export type AttachmentOwner = { reportId: number } | { contributionId: number } | { rectificationId: number };

/**
 * An attachment's metadata and what it belongs to: for a report or an input, the task and period,
 * and for an input, the unit that filed it and whether it is submitted (a rectification's file: its id).
 */
export async function getAttachmentMeta(tx: Executor, id: number) {
  const [row] = await tx
    .select({
      id: attachments.id,
      reportId: attachments.reportId,
      contributionId: attachments.contributionId,
      rectificationId: attachments.rectificationId,
      filename: attachments.filename,
      mimeType: attachments.mimeType,
      size: attachments.size,
      removedAt: attachments.removedAt,
      taskId: sql<number | null>`coalesce(${progressReports.taskId}, ${contributions.taskId})`,
      periodIndex: sql<number | null>`coalesce(${progressReports.periodIndex}, ${contributions.periodIndex})`,
      contributionUnitId: contributions.unitId,
      contributionStatus: contributions.status,
    })
    .from(attachments)
    .leftJoin(progressReports, eq(progressReports.id, attachments.reportId))
    .leftJoin(contributions, eq(contributions.id, attachments.contributionId))
    .where(eq(attachments.id, id))
    .limit(1);
  return row ?? null;
}

export async function getAttachmentContent(tx: Executor, id: number): Promise<Buffer | null> {
  const [row] = await tx.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row?.content ?? null;
}

/**
 * The files that submitted versions name, by id (a version's list is written by the server alone).
 * Metadata only, in upload order. Removed files included: a version keeps what it was filed with.
 */
export async function listAttachmentsByIds(tx: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .where(inArray(attachments.id, [...new Set(ids)]))
    .orderBy(asc(attachments.id))
    .then((rows) => rows.map(withTypedName));
}

/** The reports (task, period) whose submitted versions name this attachment (a linked task's mirror copies the names). */
export async function listReportsNamingAttachment(tx: Executor, attachmentId: number) {
  return tx
    .selectDistinct({ taskId: progressReports.taskId, periodIndex: progressReports.periodIndex })
    .from(reportVersions)
    .innerJoin(progressReports, eq(progressReports.id, reportVersions.reportId))
    .where(sql`${reportVersions.attachmentIds} @> ${JSON.stringify([attachmentId])}::jsonb`);
}

const ownedBy = (owner: AttachmentOwner) =>
  "reportId" in owner
    ? eq(attachments.reportId, owner.reportId)
    : "contributionId" in owner
      ? eq(attachments.contributionId, owner.contributionId)
      : eq(attachments.rectificationId, owner.rectificationId);

export async function countActiveAttachments(tx: Executor, owner: AttachmentOwner): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(and(ownedBy(owner), isNull(attachments.removedAt)));
  return row?.n ?? 0;
}

export async function insertAttachment(
  tx: Executor,
  values: AttachmentOwner & { filename: string; mimeType: string; size: number; sha256: string; content: Buffer; uploadedBy: number },
) {
  const [row] = await tx
    .insert(attachments)
    .values(values)
    .returning({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size });
  if (!row) throw new Error("attachment insert returned nothing");
  return row;
}

export async function markAttachmentRemoved(tx: Executor, id: number, at: Date): Promise<void> {
  await tx
    .update(attachments)
    .set({ removedAt: at })
    .where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
}

export type AttachmentMeta = Awaited<ReturnType<typeof listAttachmentsByIds>>[number];

/** Each row (a submitted version) with the files it names, in one query for all of them. */
export async function withNamedAttachments<T extends { attachmentIds: number[] }>(tx: Executor, rows: T[]): Promise<(T & { attachments: AttachmentMeta[] })[]> {
  const files = await listAttachmentsByIds(
    tx,
    rows.flatMap((r) => r.attachmentIds),
  );
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((row) => ({ ...row, attachments: row.attachmentIds.flatMap((id) => byId.get(id) ?? []) }));
}

/**
 * Each input (配合进展) or rectification report with its current (not removed) files, metadata
 * only, in upload order: one query for all of them.
 */
async function withCurrentAttachments<T extends { id: number }>(
  tx: Executor,
  column: "contributionId" | "rectificationId",
  rows: T[],
): Promise<(T & { attachments: AttachmentMeta[] })[]> {
  if (rows.length === 0) return [];
  const owner = attachments[column];
  const files = await tx
    .select({ ownerId: owner, id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size })
    .from(attachments)
    .where(
      and(
        inArray(
          owner,
          rows.map((r) => r.id),
        ),
        isNull(attachments.removedAt),
      ),
    )
    .orderBy(asc(attachments.id));
  return rows.map((row) => ({ ...row, attachments: files.filter((f) => f.ownerId === row.id).map(({ ownerId: _, ...f }) => withTypedName(f)) }));
}

export const withContributionAttachments = <T extends { id: number }>(tx: Executor, rows: T[]) => withCurrentAttachments(tx, "contributionId", rows);
export const withRectificationAttachments = <T extends { id: number }>(tx: Executor, rows: T[]) => withCurrentAttachments(tx, "rectificationId", rows);
