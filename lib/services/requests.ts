/**
 * Requests a lead unit makes to the supervision office: a deadline extension (延期申请) for a task's
 * report in a period, and closing a completed task (办结销号). The office approves or refuses;
 * the old and new deadlines are kept; a closed task owes no reports after it is closed.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db, type Executor } from "@/db";
import { deadlineExtensions, taskClosures } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { listTaskTimings } from "@/lib/data/plan-schedule";
import { loadLivePlans, schedulesOfTasks } from "@/lib/plans/live";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { primaryPlan } from "@/lib/plans/scope";
import { notifyUnits } from "@/lib/data/notifications";
import { getReport } from "@/lib/data/reports";
import {
  closeTask,
  hasPendingClosure,
  hasPendingExtension,
  listClosures,
  listExtensions,
  lockClosure,
  lockExtension,
  setTaskDueOverride,
} from "@/lib/data/requests";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { formatDue, periodAt } from "@/lib/periods";
import { currentPeriodIndex, isOpenPeriod, openPeriodIndexes, periodWithDue, type PlanSchedule } from "@/lib/reporting/deadlines";
import { shanghaiLocalToDate } from "@/lib/reporting/schedule-schemas";
import type { closureRequestSchema, extensionRequestSchema, requestDecisionSchema } from "@/lib/reporting/request-schemas";
import { reportDisplayState, isOwed } from "@/lib/reporting/workflow";
import { loadReportContext } from "./reports";
import { listUnitTasks } from "./tasks";
import { mutation } from "./mutation";

export async function requestExtension(actor: Actor, input: z.output<typeof extensionRequestSchema>) {
  return mutation(actor, { action: "extension.request", entity: "deadline_extension" }, async (tx, audit) => {
    const { task, relation, schedule } = await loadReportContext(tx, actor, input.taskId);
    if (!relation.isLeadUnit) throw notFound();
    assertPlanWritable(task);
    const at = now();
    if (!isOpenPeriod(schedule, input.periodIndex, at)) throw new DomainError("invalid", "该半月期不在填报范围内");
    const report = await getReport(tx, task.taskId, input.periodIndex);
    if (report && !isOwed(reportDisplayState(report))) throw new DomainError("conflict", "本期报告已报送，无需延期");
    if (await hasPendingExtension(tx, task.taskId, input.periodIndex)) throw new DomainError("conflict", "本期已有一份待审批的延期申请");
    const oldDueAt = periodWithDue(schedule, input.periodIndex).dueAt;
    const requestedDueAt = shanghaiLocalToDate(input.requestedDueAt);
    if (Number.isNaN(requestedDueAt.getTime()) || requestedDueAt <= oldDueAt)
      throw new DomainError("invalid", `申请延至的时间须晚于现在的截止时间（${formatDue(oldDueAt)}）`);
    if (requestedDueAt.getTime() - oldDueAt.getTime() > 60 * 24 * 3600 * 1000) throw new DomainError("invalid", "一次最多延期 60 天");
    const [row] = await tx
      .insert(deadlineExtensions)
      .values({
        taskId: task.taskId,
        periodIndex: input.periodIndex,
        unitId: actor.unitId!,
        requestedBy: actor.userId,
        reason: input.reason,
        oldDueAt,
        requestedDueAt,
      })
      .returning({ id: deadlineExtensions.id });
    await audit({ entityId: row!.id, after: { taskId: task.taskId, periodIndex: input.periodIndex, oldDueAt, requestedDueAt, reason: input.reason } });
    return { id: row!.id };
  });
}

/** The request to decide: not found, or a conflict when the office has decided it already. */
function pending<R extends { status: string }>(request: R | null): R {
  if (!request) throw notFound();
  if (request.status !== "pending") throw new DomainError("conflict", "该申请已处理");
  return request;
}

/** Writes the office's decision (approved or refused, by whom, when, the note) on an extension or a closure. */
async function recordDecision(
  tx: Executor,
  actor: Actor,
  table: typeof deadlineExtensions | typeof taskClosures,
  id: number,
  input: z.output<typeof requestDecisionSchema>,
): Promise<"approved" | "refused"> {
  const status = input.approve ? "approved" : "refused";
  await tx
    .update(table)
    .set({ status, decidedBy: actor.userId, decidedAt: now(), decisionNote: input.note || null })
    .where(eq(table.id, id));
  return status;
}

export async function decideExtension(actor: Actor, input: z.output<typeof requestDecisionSchema>) {
  assertCan(actor, "office.write");
  return mutation(actor, { entity: "deadline_extension" }, async (tx, audit) => {
    const request = pending(await lockExtension(tx, input.id));
    const status = await recordDecision(tx, actor, deadlineExtensions, request.id, input);
    if (input.approve)
      await setTaskDueOverride(tx, { taskId: request.taskId, periodIndex: request.periodIndex, dueAt: request.requestedDueAt, extensionId: request.id });
    await notifyUnits(tx, [request.unitId], {
      kind: "extension",
      title: input.approve ? `延期申请已同意：截止时间延至 ${formatDue(request.requestedDueAt)}` : "延期申请未获同意",
      body: input.note,
      link: `/reports/${request.taskId}/${request.periodIndex}`,
      createdBy: actor.userId,
    });
    await audit({
      action: input.approve ? "extension.approve" : "extension.refuse",
      entityId: request.id,
      before: { status: request.status, dueAt: request.oldDueAt },
      after: { status, dueAt: input.approve ? request.requestedDueAt : request.oldDueAt, note: input.note },
    });
    return { status };
  });
}

export async function requestClosure(actor: Actor, input: z.output<typeof closureRequestSchema>) {
  return mutation(actor, { action: "closure.request", entity: "task_closure" }, async (tx, audit) => {
    const { task, relation } = await loadReportContext(tx, actor, input.taskId);
    if (!relation.isLeadUnit) throw notFound();
    assertPlanWritable(task);
    if (task.closedAfterPeriod !== null) throw new DomainError("conflict", "该任务已办结销号");
    if (await hasPendingClosure(tx, task.taskId)) throw new DomainError("conflict", "已有一份待审核的销号申请");
    const [row] = await tx
      .insert(taskClosures)
      .values({ taskId: task.taskId, unitId: actor.unitId!, requestedBy: actor.userId, evidence: input.evidence })
      .returning({ id: taskClosures.id });
    await audit({ entityId: row!.id, after: { taskId: task.taskId, evidence: input.evidence } });
    return { id: row!.id };
  });
}

/** Closing: reports are owed up to the current period if its report is in, otherwise up to the last one. */
export async function decideClosure(actor: Actor, input: z.output<typeof requestDecisionSchema>) {
  assertCan(actor, "office.write");
  return mutation(actor, { entity: "task_closure" }, async (tx, audit) => {
    const request = pending(await lockClosure(tx, input.id));
    const status = await recordDecision(tx, actor, taskClosures, request.id, input);
    let closedAfterPeriod: number | null = null;
    if (input.approve) {
      const { schedule } = await loadReportContext(tx, actor, request.taskId);
      const current = currentPeriodIndex(schedule, now());
      const currentReport = await getReport(tx, request.taskId, current);
      closedAfterPeriod = currentReport && !isOwed(reportDisplayState(currentReport)) ? current : Math.max(0, current - 1);
      await closeTask(tx, request.taskId, closedAfterPeriod);
    }
    await notifyUnits(tx, [request.unitId], {
      kind: "closure",
      title: input.approve ? "任务已办结销号" : "销号申请被退回",
      body: input.note,
      link: `/tasks/${request.taskId}`,
      createdBy: actor.userId,
    });
    await audit({
      action: input.approve ? "closure.approve" : "closure.refuse",
      entityId: request.id,
      before: { status: request.status },
      after: { status, closedAfterPeriod, note: input.note },
    });
    return { status, closedAfterPeriod };
  });
}

export async function listRequestsFor(actor: Actor) {
  if (can(actor, "office.read")) {
    const [extensions, closures] = await Promise.all([listExtensions(), listClosures()]);
    return { extensions, closures };
  }
  if (can(actor, "unit.act")) {
    const [extensions, closures] = await Promise.all([listExtensions({ unitId: actor.unitId }), listClosures({ unitId: actor.unitId })]);
    return { extensions, closures };
  }
  throw notFound();
}

/** Tasks a unit leads that are not closed: what it may request for. */
export async function listRequestableTasks(actor: Actor) {
  if (!can(actor, "unit.act")) throw notFound();
  const { lead } = await listUnitTasks(actor, actor.unitId);
  if (lead.length === 0) return [];
  const timings = await listTaskTimings(
    db,
    lead.map((t) => t.id),
  );
  const openIds = new Set(timings.filter((t) => t.closedAfterPeriod === null).map((t) => t.id));
  return lead.filter((t) => openIds.has(t.id)).map((t) => ({ id: t.id, planId: t.planId, planLabel: t.planLabel, seq: t.seq, content: t.content }));
}

/**
 * What the request forms offer: the unit's open tasks of every live plan (labelled when there are
 * several) and, for each task, the periods open for reporting under its own plan and cadence.
 */
export async function getRequestFormOptions(actor: Actor) {
  const options = await listRequestableTasks(actor);
  const plans = await loadLivePlans();
  const plan = primaryPlan(plans, periodAt(now()).year);
  const tasks = options.map(({ planId: _planId, planLabel, ...t }) => ({ ...t, planLabel: plans.length > 1 ? planLabel : null }));
  if (!plan) return { tasks, periods: [], periodsByTask: {} };
  const at = now();
  const label = (schedule: PlanSchedule, index: number) => periodWithDue(schedule, index).label;
  const primary = scheduleOf(plan);
  const periods = openPeriodIndexes(primary, at).map((index) => ({ index, label: label(primary, index) }));
  const timings = await listTaskTimings(
    db,
    options.map((t) => t.id),
  );
  const schedules = await schedulesOfTasks(db, plans, timings);
  const periodsByTask: Record<number, { index: number; label: string }[]> = {};
  for (const [taskId, schedule] of schedules)
    periodsByTask[taskId] = openPeriodIndexes(schedule, at)
      .map((index) => ({ index, label: label(schedule, index) }))
      .reverse();
  return { tasks, periods: periods.reverse(), periodsByTask };
}
