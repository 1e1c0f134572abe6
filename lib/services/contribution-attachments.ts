/**
 * Files attached to a cooperating unit's input (配合进展): the same limits and storage as report
 * attachments. Adding and removing: the members of the unit that owes the input, while the period
 * is open (a submitted input is revised by resubmitting, so its files may change too). Reading:
 * that unit's members; once the input is submitted, whoever may see the task (the lead unit,
 * the office, its leaders). Everyone else: not found.
 */
import "server-only";
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { ATTACHMENT_MESSAGES } from "@/lib/attachments/limits";
import type { getAttachmentMeta } from "@/lib/data/attachments";
import { getContribution } from "@/lib/data/reports";
import { DomainError, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { isSaved } from "@/lib/reporting/workflow";
import { markRemoved, ownerOfRemoval, periodAttachments, taskTargetOf } from "./attachment-store";
import { loadContributionContext, type ContributionTarget } from "./contributions";
import { checkOpen, loadReportContext } from "./reports";
import { getTaskFor } from "./tasks";
import type { Audit } from "./mutation";

type AttachmentMeta = NonNullable<Awaited<ReturnType<typeof getAttachmentMeta>>>;

/** The input this actor's unit may attach files to right now, locked when in a transaction. */
async function editableContribution(tx: Executor, actor: Actor, target: ContributionTarget, options: { forUpdate: boolean }) {
  const { task, schedule } = await loadContributionContext(tx, actor, target.taskId);
  assertPlanWritable(task);
  checkOpen(schedule, target.periodIndex);
  const row = await getContribution(tx, target.taskId, actor.unitId!, target.periodIndex, options);
  if (!isSaved(row)) throw new DomainError("invalid", ATTACHMENT_MESSAGES.saveFirst);
  return row;
}

const contributionFiles = periodAttachments(editableContribution, (contributionId) => ({ contributionId }));
export const assertMayAttachToContribution = contributionFiles.assertMayAttach;
export const uploadContributionAttachment = contributionFiles.upload;

/** Takes a file off the unit's own input. One audit row; someone else learns nothing about the file. */
export async function removeContributionAttachment(tx: Executor, actor: Actor, meta: AttachmentMeta, audit: Audit): Promise<{ removed: boolean }> {
  if (!can(actor, "unit.act") || actor.unitId !== meta.contributionUnitId) throw notFound();
  const row = await ownerOfRemoval(editableContribution(tx, actor, taskTargetOf(meta), { forUpdate: true }), meta.contributionId);
  return markRemoved(tx, audit, { ...meta, about: { contributionId: row.id } });
}

/** Whether the actor may download a file of an input: its unit, or anyone who may see the task once it is submitted. */
export async function mayReadContributionFile(actor: Actor, meta: AttachmentMeta): Promise<boolean> {
  if (meta.removedAt) return false;
  if (can(actor, "unit.act") && actor.unitId === meta.contributionUnitId) return true;
  if (meta.contributionStatus !== "submitted") return false;
  const { taskId } = taskTargetOf(meta);
  await getTaskFor(actor, taskId); // not found for whoever may not see the task
  await loadReportContext(db, actor, taskId); // nor an archived task, the overall row or a draft plan
  return true;
}
