/** Data access for report attachments: plain queries, the file content only where it is served. */
import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { attachments, progressReports, reportVersions } from "@/db/schema";

/** An attachment's metadata and the report (task, period) it belongs to. */
export async function getAttachmentMeta(tx: Executor, id: number) {
  const [row] = await tx
    .select({
      id: attachments.id,
      reportId: attachments.reportId,
      filename: attachments.filename,
      mimeType: attachments.mimeType,
      size: attachments.size,
      removedAt: attachments.removedAt,
      taskId: progressReports.taskId,
      periodIndex: progressReports.periodIndex,
    })
    .from(attachments)
    .innerJoin(progressReports, eq(progressReports.id, attachments.reportId))
    .where(eq(attachments.id, id))
    .limit(1);
  return row ?? null;
}

export async function getAttachmentContent(tx: Executor, id: number): Promise<Buffer | null> {
  const [row] = await tx.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row?.content ?? null;
}

/** Whether a submitted version of the report names this attachment. */
export async function isInSubmittedVersion(tx: Executor, reportId: number, attachmentId: number): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), sql`${reportVersions.attachmentIds} @> ${JSON.stringify([attachmentId])}::jsonb`));
  return (row?.n ?? 0) > 0;
}

export async function countActiveAttachments(tx: Executor, reportId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(and(eq(attachments.reportId, reportId), isNull(attachments.removedAt)));
  return row?.n ?? 0;
}

export async function insertAttachment(
  tx: Executor,
  values: { reportId: number; filename: string; mimeType: string; size: number; sha256: string; content: Buffer; uploadedBy: number },
) {
  const [row] = await tx
    .insert(attachments)
    .values(values)
    .returning({ id: attachments.id, filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size });
  if (!row) throw new Error("attachment insert returned nothing");
  return row;
}

export async function markAttachmentRemoved(tx: Executor, id: number, at: Date): Promise<void> {
  await tx.update(attachments).set({ removedAt: at }).where(and(eq(attachments.id, id), isNull(attachments.removedAt)));
}
