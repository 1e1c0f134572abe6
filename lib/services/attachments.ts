/**
 * Attachments of progress reports (PDF, images, Word, Excel), stored in the database so every app
 * instance serves them. Uploading and removing: members of the task's lead unit, while the report
 * is editable. Downloading: the lead unit's members; a file named in a submitted version, anyone
 * who may read the report. Everyone else: not found. A cooperating unit's input and a rectification
 * report have files too (./contribution-attachments, ./rectification-attachments); removing and
 * downloading one are routed there.
 */
import "server-only";
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { nameForMimeType } from "@/lib/attachments/extension";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import { getAttachmentContent, getAttachmentMeta, listReportsNamingAttachment } from "@/lib/data/attachments";
import { getReport } from "@/lib/data/reports";
import { DomainError, notFound } from "@/lib/errors";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { isSaved, mayActOnReport } from "@/lib/reporting/workflow";
import { markRemoved, ownerOfRemoval, periodAttachments, taskTargetOf, type AttachmentInfo } from "./attachment-store";
import { mayReadContributionFile, removeContributionAttachment } from "./contribution-attachments";
import { mayReadRectificationFile, removeRectificationAttachment } from "./rectification-attachments";
import { checkOpen, getReportView, loadReportContext, type ReportTarget } from "./reports";
import { mutation } from "./mutation";

export type { AttachmentInfo };

/** The report this actor may attach files to right now, locked when in a transaction. */
async function editableReport(tx: Executor, actor: Actor, target: ReportTarget, options: { forUpdate: boolean }) {
  const { task, relation, schedule } = await loadReportContext(tx, actor, target.taskId);
  if (!relation.isLeadUnit) throw notFound();
  assertPlanWritable(task);
  checkOpen(schedule, target.periodIndex);
  const report = await getReport(tx, target.taskId, target.periodIndex, options);
  if (!isSaved(report)) throw new DomainError("invalid", ATTACHMENT_MESSAGES.saveFirst);
  if (!mayActOnReport(actor, relation, report.status, "edit")) throw new DomainError("conflict", ATTACHMENT_MESSAGES.notEditable);
  return report;
}

const reportFiles = periodAttachments(editableReport, (reportId) => ({ reportId }));
export const assertMayAttach = reportFiles.assertMayAttach;
export const uploadAttachment = reportFiles.upload;

/** Takes a file off a draft (it stays stored: a submitted version may name it). One audit row. */
export async function removeAttachment(actor: Actor, attachmentId: number, ip: string | null = null): Promise<{ removed: boolean }> {
  return mutation(actor, { action: "attachment.remove", entity: "attachment", ip }, async (tx, audit) => {
    const meta = await getAttachmentMeta(tx, attachmentId);
    if (!meta) throw notFound();
    if (meta.rectificationId !== null) return removeRectificationAttachment(tx, actor, meta, audit);
    if (meta.contributionId !== null) return removeContributionAttachment(tx, actor, meta, audit);
    await ownerOfRemoval(editableReport(tx, actor, taskTargetOf(meta), { forUpdate: true }), meta.reportId);
    return markRemoved(tx, audit, { ...meta, about: { reportId: meta.reportId } });
  });
}

/** The file and how to serve it, for someone who may see it; otherwise not found. */
export async function getAttachmentDownload(actor: Actor, attachmentId: number): Promise<AttachmentInfo & { content: Buffer }> {
  const meta = await getAttachmentMeta(db, attachmentId);
  if (!meta) throw notFound();
  if (meta.rectificationId !== null) {
    if (!(await mayReadRectificationFile(actor, meta))) throw notFound();
    return serve(meta);
  }
  if (meta.contributionId !== null) {
    if (!(await mayReadContributionFile(actor, meta))) throw notFound();
    return serve(meta);
  }
  const { relation } = await loadReportContext(db, actor, taskTargetOf(meta).taskId);
  // The reports whose submitted versions name the file: its own, and a linked task's mirror of it.
  const namedBy = await listReportsNamingAttachment(db, attachmentId);
  if (relation.isLeadUnit) {
    // The lead unit sees its drafts' files; a removed one only if a submitted version names it.
    if (meta.removedAt && namedBy.length === 0) throw notFound();
  } else if (!(await mayReadAnyReport(actor, namedBy))) {
    throw notFound();
  }
  return serve(meta);
}

async function serve(meta: AttachmentInfo): Promise<AttachmentInfo & { content: Buffer }> {
  const content = await getAttachmentContent(db, meta.id);
  if (!content) throw notFound();
  // Served under the extension of its type, also a file stored before names followed it.
  return { id: meta.id, filename: nameForMimeType(meta.filename, meta.mimeType), mimeType: meta.mimeType, size: meta.size, content };
}

/** Whether the actor may read one of these reports (the same check as the report's own page). */
async function mayReadAnyReport(actor: Actor, targets: ReportTarget[]): Promise<boolean> {
  for (const target of targets) {
    try {
      await getReportView(actor, target);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden"))) throw error;
    }
  }
  return false;
}
