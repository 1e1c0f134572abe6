/**
 * One report for linked work (同一事项，一次报送): when the lead unit's report on one linked task is
 * submitted, returned, accepted or resubmitted, every other linked task it leads gets the same report —
 * a read-only mirror row (sharedFromReportId = the original) with the same content, status and
 * versions, late by its own task's due time, in the linked task's period holding the original half
 * month's end. A review made on a mirror applies to the original and so to the whole family.
 * Called inside the report services' transactions (lib/services/reports.ts), one line each.
 */
import { db, type Executor } from "@/db";
import type { ReportStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import {
  getSharedReport,
  getSharedReportOf,
  insertVersions,
  lastVersionNumber,
  listLinkedTasksOf,
  listLinkMembers,
  listMirrorsOf,
  listVersionsAfter,
  lockOrCreateMirror,
  type LinkMember,
  type SharedReportRow,
} from "@/lib/data/linked-work";
import { listLeadUnitIds, updateReport } from "@/lib/data/reports";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/policies";
import { loadPlans, schedulesOfTasks, type LivePlan } from "@/lib/plans/live";
import { cadenceRuleOf, dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { sharedPeriodKey } from "@/lib/reporting/shared-period";
import { isLate, isSaved } from "@/lib/reporting/workflow";
import { linkLabel } from "./linked-work";
import { getTaskFor } from "./tasks";
import type { Audit } from "./mutation";

/** States a shared report is copied in: once submitted (a draft or one awaiting the unit head's sign-off is the unit's own). */
const SHARED_STATES: readonly ReportStatus[] = ["submitted", "returned", "accepted"];

async function scheduleFor(tx: Executor, plans: ReadonlyMap<number, LivePlan>, task: LinkMember): Promise<PlanSchedule | null> {
  const plan = plans.get(task.planId);
  if (!plan) return null;
  return (await schedulesOfTasks(tx, [plan], [task])).get(task.id) ?? null;
}

function reviewOf(row: SharedReportRow) {
  return {
    status: row.status,
    returnReason: row.returnReason,
    returnedBy: row.returnedBy,
    returnedAt: row.returnedAt,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
  };
}

/** The original a mirror shares, while the two tasks are still linked (after unlinking, nothing is synced). */
async function linkedOriginalOf(tx: Executor, mirror: SharedReportRow, options: { forUpdate?: boolean } = {}) {
  if (mirror.sharedFromReportId === null) return null;
  const original = await getSharedReport(tx, mirror.sharedFromReportId, options);
  if (!original) return null;
  const linked = await listLinkedTasksOf(tx, mirror.taskId);
  const task = linked.find((t) => t.id === original.taskId);
  return task ? { original, task } : null;
}

/** After a report changed: copy it to every linked task (and, for a review made on a mirror, to its original first). */
export async function syncLinkedReports(tx: Executor, actor: Actor, reportId: number, audit: Audit): Promise<void> {
  const report = await getSharedReport(tx, reportId);
  if (!report) return;
  let root = report;
  if (report.sharedFromReportId !== null) {
    const linked = await linkedOriginalOf(tx, report, { forUpdate: true });
    // An original on an archived plan is read-only: the review stays on this copy.
    if (!linked || linked.task.planState === "archived") return;
    const review = reviewOf(report);
    await updateReport(tx, linked.original.id, { ...review, version: linked.original.version + 1 });
    root = { ...linked.original, ...review, version: linked.original.version + 1 };
  }
  if (!SHARED_STATES.includes(root.status) || root.submissions === 0) return;
  const family = (await listLinkedTasksOf(tx, root.taskId)).filter((t) => !t.archivedAt && t.planState !== "archived" && !t.overall);
  if (family.length === 0) return;
  const [rootTask] = await listLinkMembers(tx, { taskIds: [root.taskId] });
  if (!rootTask) return;
  const plans = new Map((await loadPlans(tx, [...new Set([rootTask, ...family].map((t) => t.planId))])).map((p) => [p.id, p]));
  const rootSchedule = await scheduleFor(tx, plans, rootTask);
  if (!rootSchedule) return;
  const written: { reportId: number; taskId: number; periodIndex: number; late: boolean | null; replacedDraft: boolean }[] = [];
  for (const task of family) {
    // The unit files for the tasks it leads; a co-lead unit's report counts on its own tasks only.
    if (!(await listLeadUnitIds(tx, task.id)).includes(root.unitId)) continue;
    const schedule = await scheduleFor(tx, plans, task);
    const key = schedule ? sharedPeriodKey(cadenceRuleOf(rootSchedule), root.periodIndex, cadenceRuleOf(schedule)) : null;
    if (!schedule || key === null) continue;
    const existing = await getSharedReportOf(tx, task.id, key, { forUpdate: true });
    // A report the linked task filed itself (before the link) keeps its own history.
    if (existing && existing.sharedFromReportId !== root.id && existing.submissions > 0) continue;
    const mirror = existing ?? (await lockOrCreateMirror(tx, { taskId: task.id, periodIndex: key, unitId: root.unitId, sharedFromReportId: root.id }));
    const due = dueAtOf(schedule, key);
    const late = root.submittedAt ? isLate(root.submittedAt, due) : null;
    await updateReport(tx, mirror.id, {
      progress: root.progress,
      percent: root.percent,
      progressState: root.progressState,
      problems: root.problems,
      nextSteps: root.nextSteps,
      coordinationRequest: root.coordinationRequest,
      unitId: root.unitId,
      version: mirror.version + 1,
      updatedBy: actor.userId,
      sentForApprovalAt: root.sentForApprovalAt,
      sentForApprovalBy: root.sentForApprovalBy,
      submittedAt: root.submittedAt,
      submittedBy: root.submittedBy,
      approvedBy: root.approvedBy,
      late,
      ...reviewOf(root),
      submissions: root.submissions,
      sharedFromReportId: root.id,
    });
    const versions = await listVersionsAfter(tx, root.id, await lastVersionNumber(tx, mirror.id));
    await insertVersions(
      tx,
      versions.map(({ id: _id, createdAt: _createdAt, ...v }) => ({ ...v, reportId: mirror.id, late: isLate(v.submittedAt, due) })),
    );
    written.push({ reportId: mirror.id, taskId: task.id, periodIndex: key, late, replacedDraft: isSaved(existing) && existing.sharedFromReportId !== root.id });
  }
  if (written.length)
    await audit({ action: "report.share", entity: "progress_report", entityId: root.id, after: { status: root.status, mirrors: written }, ip: null });
}

/** A mirror is read-only while its task is linked: the unit edits the original. */
export async function refuseSharedEdit(tx: Executor, reportId: number): Promise<void> {
  const report = await getSharedReport(tx, reportId);
  if (!report || report.sharedFromReportId === null) return;
  const linked = await linkedOriginalOf(tx, report);
  if (linked) throw new DomainError("conflict", `本期报告与 ${linkLabel(linked.task)} 共用一份，请在该任务的填报页修改`);
}

export type SharedReportNote =
  | { kind: "mirror"; original: { taskId: number; periodIndex: number; label: string; content: string; viewable: boolean }; linked: boolean }
  | { kind: "original"; mirrors: { taskId: number; periodIndex: number; label: string; viewable: boolean }[] };

async function mayOpen(actor: Actor, taskId: number): Promise<boolean> {
  if (can(actor, "work.link")) return true;
  return getTaskFor(actor, taskId).then(
    () => true,
    () => false,
  );
}

/** What a report page says about sharing: 「与 X 共用一份报告」 on a mirror, the tasks it also counts for on an original. */
export async function getSharedReportNote(actor: Actor, taskId: number, periodIndex: number): Promise<SharedReportNote | null> {
  await getTaskFor(actor, taskId);
  const report = await getSharedReportOf(db, taskId, periodIndex);
  if (!isSaved(report)) return null;
  if (report.sharedFromReportId !== null) {
    const original = await getSharedReport(db, report.sharedFromReportId);
    if (!original) return null;
    const [task] = await listLinkMembers(db, { taskIds: [original.taskId] });
    if (!task) return null;
    const viewable = await mayOpen(actor, task.id);
    const linked = (await listLinkedTasksOf(db, taskId)).some((t) => t.id === task.id);
    return {
      kind: "mirror",
      original: { taskId: task.id, periodIndex: original.periodIndex, label: linkLabel(task), content: viewable ? task.content : "", viewable },
      linked,
    };
  }
  const mirrors = await listMirrorsOf(db, report.id);
  if (mirrors.length === 0) return null;
  const tasks = await listLinkMembers(db, { taskIds: mirrors.map((m) => m.taskId) });
  return {
    kind: "original",
    mirrors: await Promise.all(
      mirrors.map(async (m) => {
        const task = tasks.find((t) => t.id === m.taskId)!;
        return { taskId: m.taskId, periodIndex: m.periodIndex, label: linkLabel(task), viewable: await mayOpen(actor, m.taskId) };
      }),
    ),
  };
}
