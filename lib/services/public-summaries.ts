/**
 * 公开摘要 (政务公开): the lead unit of a task writes a short public summary and submits it; the office
 * approves it (its text becomes what the public page shows) or returns it with a reason (the unit gets a
 * message). A new submission never replaces the approved text until it is approved itself. Every step
 * is audited; a summary approved for a plan whose public page is on updates that page at once.
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { notifyUnits } from "@/lib/data/notifications";
import { getSummaryRow, listLeadNames, listSubmittedSummaries, markSummaryApproved, markSummaryReturned, saveSubmittedDraft } from "@/lib/data/public-view";
import { listLeadUnitIds } from "@/lib/data/reports";
import { getTaskWithPlan } from "@/lib/data/task-with-plan";
import { ConflictError, DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { summaryVersion } from "@/lib/public-view/summary-version";
import { tasks } from "@/db/schema";
import { taskNumber } from "@/lib/tasks/labels";
import { mutation } from "./mutation";
import { parseInput } from "./parse-input";
import {
  type ApproveSummaryInput,
  approveSummarySchema,
  type PublicSummaryInput,
  publicSummarySchema,
  type ReturnSummaryInput,
  returnSummarySchema,
} from "./public-view-schemas";
import { refreshPublicContent } from "./public-views";
import { getTaskFor } from "./tasks";

export type SummaryState = "draft" | "submitted" | "approved" | "returned";

export interface TaskPublicSummary {
  /** The approved text the public sees, and when it was approved. */
  published: string | null;
  publishedAt: Date | null;
  /** The lead unit's and the office's view: the latest submission and its review. */
  own: { draft: string; state: SummaryState; draftAt: Date | null; returnReason: string | null } | null;
  canWrite: boolean;
}

/** A task's public summary as the actor may see it: the approved text for whoever sees the task; the draft and its review for the lead unit and the office. */
export async function getTaskPublicSummaryFor(actor: Actor, taskId: number): Promise<TaskPublicSummary | null> {
  const task = await getTaskFor(actor, taskId);
  if (task.overall) return null;
  const [row, leadUnitIds] = await Promise.all([getSummaryRow(db, taskId), listLeadUnitIds(db, taskId)]);
  const leadUnit = can(actor, "public_summary.write", { leadUnitIds });
  const office = can(actor, "public_view.manage");
  return {
    published: row?.published ?? null,
    publishedAt: row?.publishedAt ?? null,
    own: row && (leadUnit || office) ? { draft: row.draft, state: row.state, draftAt: row.draftAt, returnReason: row.returnReason } : null,
    canWrite: leadUnit && task.planState !== "archived",
  };
}

/** The lead unit submits its summary for review (again, after a return or to change an approved one). */
export async function submitPublicSummary(actor: Actor, input: PublicSummaryInput, ip: string | null = null): Promise<{ taskId: number }> {
  const { taskId, text } = parseInput(publicSummarySchema, input);
  const task = await getTaskFor(actor, taskId);
  assertCan(actor, "public_summary.write", { leadUnitIds: await listLeadUnitIds(db, taskId) });
  assertPlanWritable(task);
  if (task.overall) throw new DomainError("invalid", "全面负责一行不公开，无需填写公开摘要");
  return mutation(actor, { action: "public_summary.submit", entity: "task_public_summary", ip }, async (tx, audit) => {
    const before = await getSummaryRow(tx, taskId, { forUpdate: true });
    await saveSubmittedDraft(tx, taskId, text, actor.userId, now());
    await audit({ entityId: taskId, before: before ? { state: before.state, draft: before.draft } : null, after: { state: "submitted", draft: text } });
    return { taskId };
  });
}

/** The submission the office read, locked: still waiting, and the same one. */
async function lockSubmitted(tx: Parameters<Parameters<typeof mutation>[2]>[0], taskId: number, version: string) {
  const row = await getSummaryRow(tx, taskId, { forUpdate: true });
  if (!row) throw notFound("未找到该公开摘要");
  if (row.state !== "submitted") throw new DomainError("conflict", "这份公开摘要已审核过，请刷新后查看");
  if (summaryVersion(row.draftAt, row.draft) !== version) throw new ConflictError("牵头单位已重新提交了公开摘要，请刷新后审核新的内容", { draft: row.draft });
  return row;
}

async function taskLabel(taskId: number): Promise<{ label: string; planId: number }> {
  const task = await getTaskWithPlan(db, taskId, { seq: tasks.seq, seqLabel: tasks.seqLabel, planId: tasks.planId });
  if (!task) throw notFound();
  return { label: `第${taskNumber(task)}项任务`, planId: task.planId };
}

export async function approvePublicSummary(actor: Actor, input: ApproveSummaryInput, ip: string | null = null): Promise<{ taskId: number }> {
  assertCan(actor, "public_view.manage");
  const { taskId, version } = parseInput(approveSummarySchema, input);
  const { label, planId } = await taskLabel(taskId);
  return mutation(actor, { action: "public_summary.approve", entity: "task_public_summary", ip }, async (tx, audit) => {
    const row = await lockSubmitted(tx, taskId, version);
    const at = now();
    await markSummaryApproved(tx, taskId, row.draft, actor.userId, at);
    await refreshPublicContent(tx, planId, at);
    await notifyUnits(tx, await listLeadUnitIds(tx, taskId), {
      kind: "public_summary",
      title: `${label}的公开摘要已审核公开`,
      body: row.draft,
      link: `/tasks/${taskId}`,
      createdBy: actor.userId,
    });
    await audit({ entityId: taskId, before: { state: row.state, published: row.published }, after: { state: "approved", published: row.draft } });
    return { taskId };
  });
}

export async function returnPublicSummary(actor: Actor, input: ReturnSummaryInput, ip: string | null = null): Promise<{ taskId: number }> {
  assertCan(actor, "public_view.manage");
  const { taskId, version, reason } = parseInput(returnSummarySchema, input);
  const { label } = await taskLabel(taskId);
  return mutation(actor, { action: "public_summary.return", entity: "task_public_summary", ip }, async (tx, audit) => {
    const row = await lockSubmitted(tx, taskId, version);
    await markSummaryReturned(tx, taskId, reason, actor.userId, now());
    await notifyUnits(tx, await listLeadUnitIds(tx, taskId), {
      kind: "public_summary",
      title: `${label}的公开摘要被退回`,
      body: `退回理由：${reason}`,
      link: `/tasks/${taskId}`,
      createdBy: actor.userId,
    });
    await audit({ entityId: taskId, before: { state: row.state }, after: { state: "returned", reason } });
    return { taskId };
  });
}

export interface SummaryForReview {
  taskId: number;
  version: string;
  draft: string;
  draftAt: Date | null;
  draftByName: string | null;
  published: string | null;
  publishedAt: Date | null;
  number: string;
  content: string;
  planTitle: string;
  planYear: number;
  leadUnits: string[];
}

/** The office's queue: submitted summaries, oldest first. */
export async function listSummariesForReview(actor: Actor): Promise<SummaryForReview[]> {
  assertCan(actor, "public_view.manage");
  const rows = await listSubmittedSummaries(db);
  const leads = await listLeadNames(
    db,
    rows.map((r) => r.taskId),
  );
  return rows.map((r) => ({
    taskId: r.taskId,
    version: summaryVersion(r.draftAt, r.draft),
    draft: r.draft,
    draftAt: r.draftAt,
    draftByName: r.draftByName,
    published: r.published,
    publishedAt: r.publishedAt,
    number: taskNumber(r),
    content: r.content,
    planTitle: r.planTitle,
    planYear: r.planYear,
    leadUnits: leads.get(r.taskId) ?? [],
  }));
}
