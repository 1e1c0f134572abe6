/**
 * Half-monthly progress reports (半月一报告): drafting, submitting (through the unit head's
 * sign-off where required), review by the supervision office, and every version kept.
 * Each function checks, itself, that this user may do this to this task's report.
 */
import { listCollectedUnits, listInputOwingUnitIds } from "@/lib/data/input-duties";
import { db, type Executor } from "@/db";
import type { ProgressState, ReportStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  getLatestSubmittedVersion,
  getReport,
  getUnitSignOff,
  insertReportVersion,
  listAttachments,
  listLeadUnitIds,
  listReportVersions,
  listSubmittedContributions,
  listUnitNames,
  lockOrCreateReport,
  updateReport,
  type ReportRow,
} from "@/lib/data/reports";
import { getUserDisplayName } from "@/lib/data/users";
import { withContributionAttachments, withNamedAttachments, type AttachmentMeta } from "@/lib/data/attachments";
import { ConflictError, DomainError, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { loadTaskSchedule } from "@/lib/plans/live";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { periodWithDue, type PlanSchedule } from "@/lib/reporting/deadlines";
import type { SavedBy } from "@/lib/reporting/save-status";
import type { IndicatorValueInput, ReportFields } from "@/lib/reporting/schemas";
import { formPeriodOf, notOpenMessage, type FormPeriod } from "@/lib/reporting/task-periods";
import {
  isLate,
  isSaved,
  mayActOnReport,
  reportDisplayState,
  statusAfterSubmit,
  type ReportAction,
  type ReportDisplayState,
  type ReportRelation,
} from "@/lib/reporting/workflow";
import { syncCoordinationOnSubmit } from "./coordination";
import { applyIndicatorValues, getReportIndicators, type ReportIndicator } from "./report-indicators";
import { notifyAwaitingSignOff, notifyReportReturned } from "./report-messages";
import { refuseSharedEdit, syncLinkedReports } from "./shared-reports";
import { getTaskFor } from "./tasks";
import { mutation } from "./mutation";

export interface ReportTarget {
  taskId: number;
  periodIndex: number;
}

/** Everything the rules need about a task, its plan and the actor's unit. */
export async function loadReportContext(tx: Executor, actor: Actor, taskId: number) {
  // The task's own schedule: its cadence (else the plan's), 完成时限, closing, and an approved extension over the plan's due time.
  const loaded = await loadTaskSchedule(tx, taskId);
  const task = loaded?.task;
  if (!loaded || !task || task.archivedAt || task.overall) throw notFound();
  // A draft plan (not yet started by the office) is owed by nobody and seen by the office and admin only.
  if (task.planState === "draft" && !can(actor, "plan.manage")) throw notFound();
  const leadUnitIds = await listLeadUnitIds(tx, taskId);
  const isLeadUnit = can(actor, "unit.member", { unitIds: leadUnitIds });
  const relation: ReportRelation = { isLeadUnit, unitRequiresSignOff: isLeadUnit && actor.unitId !== null ? await getUnitSignOff(tx, actor.unitId) : true };
  return { task, leadUnitIds, relation, schedule: loaded.schedule };
}

function fieldsOf(report: Pick<ReportRow, "progress" | "percent" | "progressState" | "problems" | "nextSteps" | "coordinationRequest">): ReportFields {
  return {
    progress: report.progress,
    percent: report.percent,
    progressState: report.progressState,
    problems: report.problems,
    nextSteps: report.nextSteps,
    coordinationRequest: report.coordinationRequest,
  };
}

/** What a lead unit's member sees when the draft they are editing has moved on (and who saved it: maybe themselves, in another window). */
export interface CurrentDraft extends SavedBy {
  version: number;
  status: ReportStatus;
  fields: ReportFields;
  updatedAt: Date;
}

function refuse(action: ReportAction, status: ReportStatus | null): never {
  if (action === "edit" || action === "submit") {
    if (status === "pending_approval") throw new DomainError("conflict", "本期报告已送单位负责人审阅，不能再修改");
    throw new DomainError("conflict", "本期报告已报送，不能再修改");
  }
  throw new DomainError("conflict", "报告当前的状态不允许此操作，请刷新页面");
}

/** A period of the task's own cadence, open for reporting now (a monthly item has no 6月上半月; a weekly one has weeks). */
export function checkOpen(schedule: PlanSchedule, periodIndex: number) {
  const refusal = notOpenMessage(schedule, periodIndex, now());
  if (refusal !== null) throw new DomainError("invalid", refusal);
}

// ── The form ─────────────────────────────────────────────────────────────────

export interface ReportForm {
  task: { id: number; seq: number; content: string };
  period: FormPeriod;
  report: {
    version: number;
    status: ReportStatus;
    state: ReportDisplayState;
    fields: ReportFields;
    updatedAt: Date;
    submittedAt: Date | null;
    late: boolean | null;
    returnReason: string | null;
  } | null;
  previous: { periodLabel: string; fields: ReportFields; submittedAt: Date } | null;
  contributions: { unitName: string; content: string; submittedAt: Date | null; late: boolean | null; attachments: AttachmentMeta[] }[];
  missingContributors: string[];
  /** 由牵头单位汇总: cooperating units whose input this report includes (they file none). */
  collectedContributors: string[];
  attachments: { id: number; filename: string; size: number; mimeType: string }[];
  versions: Awaited<ReturnType<typeof listReportVersions>>;
  /** The task's confirmed 量化指标 with this report's values (or last period's, to start from). */
  indicators: ReportIndicator[];
  can: { edit: boolean; submit: boolean; withdraw: boolean; approve: boolean; isHead: boolean; requiresSignOff: boolean };
}

/** The report form of a task and period: for the members of its lead unit(s) only. */
export async function getReportForm(actor: Actor, target: ReportTarget): Promise<ReportForm> {
  const { task, relation, schedule } = await loadReportContext(db, actor, target.taskId);
  if (!relation.isLeadUnit) throw notFound();
  checkOpen(schedule, target.periodIndex);
  const at = now();
  const [report, previous, contributions, cooperatingIds, collected] = await Promise.all([
    getReport(db, task.taskId, target.periodIndex),
    getLatestSubmittedVersion(db, task.taskId, target.periodIndex),
    listSubmittedContributions(db, task.taskId, target.periodIndex).then((rows) => withContributionAttachments(db, rows)),
    listInputOwingUnitIds(db, task.taskId),
    listCollectedUnits(db, task.taskId),
  ]);
  const filed = new Set(contributions.map((c) => c.unitId));
  const missing = await listUnitNames(
    db,
    cooperatingIds.filter((id) => !filed.has(id)),
  );
  const [files, versions] = report ? await Promise.all([listAttachments(db, report.id), listReportVersions(db, report.id)]) : [[], []];
  const indicators = await getReportIndicators(db, task.taskId, target.periodIndex, report?.id ?? null, (i) => periodWithDue(schedule, i).label);
  const status = report?.status ?? null;
  return {
    task: { id: task.taskId, seq: task.seq, content: task.content },
    period: formPeriodOf(schedule, target.periodIndex, at),
    report: isSaved(report)
      ? {
          version: report.version,
          status: report.status,
          state: reportDisplayState(report),
          fields: fieldsOf(report),
          updatedAt: report.updatedAt,
          submittedAt: report.submittedAt,
          late: report.late,
          returnReason: report.returnReason,
        }
      : null,
    previous: previous
      ? { periodLabel: periodWithDue(schedule, previous.periodIndex).label, fields: fieldsOf(previous), submittedAt: previous.submittedAt }
      : null,
    contributions: contributions.map((c) => ({
      unitName: c.unitName,
      content: c.content,
      submittedAt: c.submittedAt,
      late: c.late,
      attachments: c.attachments,
    })),
    missingContributors: missing.map((u) => u.name).sort(),
    collectedContributors: collected.map((u) => u.name),
    attachments: files.map(({ id, filename, size, mimeType }) => ({ id, filename, size, mimeType })),
    versions,
    indicators,
    can: {
      edit: mayActOnReport(actor, relation, status, "edit"),
      submit: mayActOnReport(actor, relation, status, "submit"),
      withdraw: mayActOnReport(actor, relation, status, "withdraw"),
      approve: mayActOnReport(actor, relation, status, "approve"),
      isHead: actor.unitRole === "head",
      requiresSignOff: relation.unitRequiresSignOff,
    },
  };
}

// ── Saving and submitting ────────────────────────────────────────────────────

export const STALE_DRAFT_MESSAGE = "内容已在另一窗口或由其他人修改：下面显示的是最新内容，请在此基础上修改后再保存";

/** Locks the report and checks the save is based on its current version. */
async function lockForEdit(tx: Executor, actor: Actor, target: ReportTarget, baseVersion: number, action: "edit" | "submit", fields?: ReportFields) {
  const context = await loadReportContext(tx, actor, target.taskId);
  if (!context.relation.isLeadUnit) throw notFound();
  assertPlanWritable(context.task);
  checkOpen(context.schedule, target.periodIndex);
  const report = await lockOrCreateReport(tx, { taskId: target.taskId, periodIndex: target.periodIndex, unitId: actor.unitId!, updatedBy: actor.userId });
  await refuseSharedEdit(tx, report.id);
  if (action === "submit" && fields && isRepeatOfLastSubmit(actor, report, baseVersion, fields)) return { ...context, report, repeat: true };
  if (report.version !== baseVersion) {
    throw new ConflictError<CurrentDraft>(STALE_DRAFT_MESSAGE, {
      version: report.version,
      status: report.status,
      fields: fieldsOf(report),
      updatedAt: report.updatedAt,
      updatedByName: await getUserDisplayName(tx, report.updatedBy),
      bySelf: report.updatedBy === actor.userId,
    });
  }
  if (!mayActOnReport(actor, context.relation, isSaved(report) ? report.status : null, action)) refuse(action, report.status);
  return { ...context, report, repeat: false };
}

/** A double-clicked or retried submit: the same user, the same text, one version on. It files once. */
function isRepeatOfLastSubmit(actor: Actor, report: ReportRow, baseVersion: number, fields: ReportFields): boolean {
  return (
    report.version === baseVersion + 1 &&
    report.updatedBy === actor.userId &&
    (report.status === "submitted" || report.status === "pending_approval") &&
    JSON.stringify(fieldsOf(report)) === JSON.stringify(fields)
  );
}

/** What the form sends: the fields, and the values of the task's confirmed indicators (absent: unchanged). */
export type ReportInput = ReportTarget & { baseVersion: number; fields: ReportFields; indicatorValues?: IndicatorValueInput[] };

export async function saveReportDraft(actor: Actor, input: ReportInput) {
  return mutation(actor, { action: "report.save_draft", entity: "progress_report" }, async (tx, audit) => {
    const { report } = await lockForEdit(tx, actor, input, input.baseVersion, "edit");
    const version = report.version + 1;
    const savedAt = now();
    // A returned report being revised stays "returned" (its reason stays visible) until resubmitted.
    const status: ReportStatus = report.status === "returned" ? "returned" : "draft";
    await updateReport(tx, report.id, { ...input.fields, status, version, updatedBy: actor.userId, unitId: actor.unitId!, updatedAt: savedAt });
    const indicators = await applyIndicatorValues(tx, { id: report.id, ...input }, input.indicatorValues, { requireAll: false, at: savedAt });
    await audit({
      entityId: report.id,
      before: isSaved(report) ? { version: report.version, ...fieldsOf(report) } : null,
      after: { version, ...input.fields, ...(indicators ? { indicators } : {}) },
    });
    // When the server stored it (the app clock): the form shows this time, never the browser's.
    return { version, status, savedAt };
  });
}

/** Saves and submits in one step. A filer's submission goes to the unit head where sign-off is required. */
export async function submitReport(actor: Actor, input: ReportInput) {
  return mutation(actor, { action: "report.send_for_approval", entity: "progress_report" }, async (tx, audit) => {
    const { report, relation, schedule, repeat, task } = await lockForEdit(tx, actor, input, input.baseVersion, "submit", input.fields);
    if (repeat) return { status: report.status as "submitted" | "pending_approval", late: report.late, version: report.version };
    const version = report.version + 1;
    const next = statusAfterSubmit(actor, relation);
    const at = now();
    const indicators = await applyIndicatorValues(tx, { id: report.id, ...input }, input.indicatorValues, { requireAll: true, at });
    const withIndicators = indicators ? { indicators } : {};
    const base = {
      ...input.fields,
      version,
      updatedBy: actor.userId,
      unitId: actor.unitId!,
      returnReason: null,
      returnedBy: null,
      returnedAt: null,
      updatedAt: at,
    };
    if (next === "pending_approval") {
      await updateReport(tx, report.id, { ...base, status: next, sentForApprovalAt: at, sentForApprovalBy: actor.userId });
      await notifyAwaitingSignOff(tx, { task, schedule, periodIndex: input.periodIndex, unitId: actor.unitId!, createdBy: actor.userId });
      await audit({ entityId: report.id, after: { version, ...input.fields, ...withIndicators } });
      return { status: next, late: null, version };
    }
    const late = isLate(at, periodWithDue(schedule, input.periodIndex).dueAt);
    await updateReport(tx, report.id, {
      ...base,
      status: next,
      submittedAt: at,
      submittedBy: actor.userId,
      approvedBy: null,
      late,
      submissions: report.submissions + 1,
    });
    await recordVersion(tx, report.id, report.submissions + 1, input.fields, { at, submittedBy: actor.userId, approvedBy: null, late });
    await syncCoordinationOnSubmit(tx, {
      reportId: report.id,
      taskId: input.taskId,
      periodIndex: input.periodIndex,
      unitId: actor.unitId!,
      coordinationRequest: input.fields.coordinationRequest,
      submittedBy: actor.userId,
      at,
    });
    await syncLinkedReports(tx, actor, report.id, audit);
    await audit({ action: "report.submit", entityId: report.id, after: { version, late, ...input.fields, ...withIndicators } });
    return { status: next, late, version };
  });
}

async function recordVersion(
  tx: Executor,
  reportId: number,
  number: number,
  fields: ReportFields,
  stamp: { at: Date; submittedBy: number | null; approvedBy: number | null; late: boolean },
) {
  const files = await listAttachments(tx, reportId);
  await insertReportVersion(tx, {
    reportId,
    number,
    progress: fields.progress,
    percent: fields.percent ?? 0,
    progressState: (fields.progressState ?? "on_track") as ProgressState,
    problems: fields.problems,
    nextSteps: fields.nextSteps,
    coordinationRequest: fields.coordinationRequest,
    attachmentIds: files.map((f) => f.id),
    submittedAt: stamp.at,
    submittedBy: stamp.submittedBy,
    approvedBy: stamp.approvedBy,
    late: stamp.late,
  });
}

// ── Decisions: the unit head, the supervision office ─────────────────────────

async function lockForDecision(tx: Executor, actor: Actor, target: ReportTarget, action: ReportAction) {
  const context = await loadReportContext(tx, actor, target.taskId);
  assertPlanWritable(context.task);
  if (action === "approve" || action === "return_to_filer" || action === "withdraw") {
    if (!context.relation.isLeadUnit) throw notFound();
  } else if (!can(actor, "office.write")) {
    throw forbidden();
  }
  const report = await getReport(tx, target.taskId, target.periodIndex, { forUpdate: true });
  if (!isSaved(report)) throw notFound();
  if (!mayActOnReport(actor, context.relation, report.status, action)) {
    if (action === "approve" || action === "return_to_filer") {
      if (actor.unitRole !== "head") throw forbidden("只有单位负责人可以审阅本单位的报告");
    }
    refuse(action, report.status);
  }
  return { ...context, report };
}

/** The unit head approves: the report is submitted now, stamped with both names. */
export async function approveReport(actor: Actor, target: ReportTarget) {
  return mutation(actor, { action: "report.approve", entity: "progress_report" }, async (tx, audit) => {
    const { report, schedule } = await lockForDecision(tx, actor, target, "approve");
    const at = now();
    const late = isLate(at, periodWithDue(schedule, target.periodIndex).dueAt);
    const submittedBy = report.sentForApprovalBy ?? actor.userId;
    await updateReport(tx, report.id, {
      status: "submitted",
      submittedAt: at,
      submittedBy,
      approvedBy: actor.userId,
      late,
      submissions: report.submissions + 1,
    });
    await recordVersion(tx, report.id, report.submissions + 1, fieldsOf(report), { at, submittedBy, approvedBy: actor.userId, late });
    await syncCoordinationOnSubmit(tx, {
      reportId: report.id,
      taskId: target.taskId,
      periodIndex: target.periodIndex,
      unitId: report.unitId,
      coordinationRequest: report.coordinationRequest,
      submittedBy,
      at,
    });
    await syncLinkedReports(tx, actor, report.id, audit);
    await audit({ entityId: report.id, before: { status: report.status }, after: { status: "submitted", late } });
    return { status: "submitted" as const, late };
  });
}

/** 撤回: a filer takes back a report waiting for the head; it is a draft again, to change and send anew. */
export async function withdrawReport(actor: Actor, target: ReportTarget) {
  return mutation(actor, { action: "report.withdraw", entity: "progress_report" }, async (tx, audit) => {
    const { report } = await lockForDecision(tx, actor, target, "withdraw");
    const version = report.version + 1;
    await updateReport(tx, report.id, { status: "draft", sentForApprovalAt: null, sentForApprovalBy: null, version, updatedBy: actor.userId });
    await audit({ entityId: report.id, before: { status: report.status }, after: { status: "draft", version } });
    return { status: "draft" as const, version };
  });
}

/** The unit head sends it back to the filer with a comment. */
export async function returnReportToFiler(actor: Actor, target: ReportTarget & { reason: string }) {
  return decide(actor, target, "return_to_filer", { status: "returned", returnReason: target.reason }, "report.return_to_filer");
}

/** The supervision office accepts a submitted report (已审核). */
export async function acceptReport(actor: Actor, target: ReportTarget) {
  return decide(actor, target, "accept", { status: "accepted" }, "report.accept");
}

/** The supervision office returns a report with a reason; the unit revises and resubmits. */
export async function returnReport(actor: Actor, target: ReportTarget & { reason: string }) {
  return decide(actor, target, "return", { status: "returned", returnReason: target.reason }, "report.return");
}

async function decide(actor: Actor, target: ReportTarget, action: ReportAction, change: { status: ReportStatus; returnReason?: string }, auditAction: string) {
  return mutation(actor, { entity: "progress_report" }, async (tx, audit) => {
    const { report, task, schedule } = await lockForDecision(tx, actor, target, action);
    const at = now();
    const stamp =
      change.status === "returned" ? { returnedBy: actor.userId, returnedAt: at, version: report.version + 1 } : { reviewedBy: actor.userId, reviewedAt: at };
    await updateReport(tx, report.id, { ...change, ...stamp });
    if (change.status === "returned")
      await notifyReportReturned(tx, {
        task,
        schedule,
        periodIndex: target.periodIndex,
        unitId: report.unitId,
        filerId: report.sentForApprovalBy ?? report.updatedBy,
        reason: change.returnReason ?? "",
        byOffice: action === "return",
        createdBy: actor.userId,
      });
    await syncLinkedReports(tx, actor, report.id, audit);
    await audit({ action: auditAction, entityId: report.id, before: { status: report.status }, after: change });
    return { status: change.status };
  });
}

// ── Reading submitted reports ────────────────────────────────────────────────

/** A report as the people overseeing the task see it: submitted versions only, never a draft. */
export async function getReportView(actor: Actor, target: ReportTarget) {
  await getTaskFor(actor, target.taskId); // may this user see the task at all?
  const { relation, schedule } = await loadReportContext(db, actor, target.taskId);
  const report = await getReport(db, target.taskId, target.periodIndex);
  const period = periodWithDue(schedule, target.periodIndex);
  if (!isSaved(report))
    return {
      period,
      state: "missing" as const,
      versions: [],
      indicators: [],
      returnReason: null,
      can: { accept: false, return: false },
      isLeadUnit: relation.isLeadUnit,
    };
  // Each version with the files it was submitted with (a file taken off a later draft stays on the version that named it).
  const versions = await withNamedAttachments(db, await listReportVersions(db, report.id));
  // The 量化指标 values as submitted (a draft's values are the unit's own until it submits).
  const indicators =
    report.status === "submitted" || report.status === "accepted"
      ? (await getReportIndicators(db, target.taskId, target.periodIndex, report.id, (i) => periodWithDue(schedule, i).label)).filter((i) => !i.prefilled)
      : [];
  return {
    period,
    state: reportDisplayState(report),
    versions,
    indicators,
    returnReason: report.returnReason,
    can: { accept: mayActOnReport(actor, relation, report.status, "accept"), return: mayActOnReport(actor, relation, report.status, "return") },
    isLeadUnit: relation.isLeadUnit,
  };
}
