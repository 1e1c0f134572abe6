/**
 * Carry-over (跨年度结转): at year end the supervision office carries the unfinished tasks of a plan
 * (not 办结, not reported 已完成, not carried already) into a later plan (草稿 or 执行中). Each
 * becomes a new task of the target — content, section, 责任领导 and units copied, numbered after the
 * target's last task — linked to the old one, whose reports and history stay where they are.
 * One transaction and one audit row; an archived target refuses it like every other write.
 */
import { db } from "@/db";
import type { PlanState } from "@/db/schema";
import { now } from "@/lib/clock";
import { periodAt } from "@/lib/periods";
import type { Actor } from "@/lib/auth/actor";
import {
  copyTaskPeople,
  getCarryLinks,
  insertCarriedTask,
  lastSeqOf,
  listCarriedCopies,
  listLaterPlans,
  listPlanTasksForCarry,
  lockTasksForCarry,
} from "@/lib/data/carry-over";
import { getPlanById } from "@/lib/data/plans";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { loadPlans } from "@/lib/plans/live";
import { carriedTaskLabel, carryBlocker } from "@/lib/plans/carry-over-rules";
import { assertPlanWritable, PLAN_STATE_LABEL } from "@/lib/plans/plan-state";
import { planShortLabel } from "@/lib/plans/sources";
import { taskNumber } from "@/lib/tasks/labels";
import type { CarryOverInput } from "./linked-work-schemas";
import { getTaskFor } from "./tasks";
import { mutation } from "./mutation";

export interface CarryOverPage {
  plan: { id: number; year: number; title: string; state: PlanState; label: string };
  tasks: {
    id: number;
    number: string;
    section: string | null;
    content: string;
    leadUnits: string;
    blocker: string | null;
    carriedTo: { taskId: number; label: string } | null;
  }[];
  targets: { id: number; label: string }[];
}

export async function getCarryOverPage(actor: Actor, planId: number): Promise<CarryOverPage> {
  assertCan(actor, "plan.manage");
  const [plan] = await loadPlans(db, [planId]);
  if (!plan) throw notFound("未找到这份分解表");
  const [rows, targets] = await Promise.all([listPlanTasksForCarry(db, planId), listLaterPlans(db, plan.year)]);
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title, state: plan.state, label: plan.label },
    tasks: rows.map((r) => ({
      id: r.id,
      number: taskNumber(r),
      section: r.section,
      content: r.content,
      leadUnits: r.leadUnitsText,
      blocker: carryBlocker({ closedAt: r.closedAt, reportedCompleted: r.reportedCompleted, carried: r.carriedToTaskId !== null }),
      carriedTo:
        r.carriedToTaskId === null
          ? null
          : { taskId: r.carriedToTaskId, label: carriedTaskLabel({ planYear: r.carriedToPlanYear!, planTitle: r.carriedToPlanTitle!, seq: r.carriedToSeq! }) },
    })),
    targets: targets.map((t) => ({ id: t.id, label: `${planShortLabel(t)} · ${t.title}（${PLAN_STATE_LABEL[t.state]}）` })),
  };
}

/** 结转: the chosen unfinished tasks become new tasks of the target plan, each linked to the old one. */
export async function carryOverTasks(actor: Actor, input: CarryOverInput, ip: string | null = null) {
  assertCan(actor, "plan.manage");
  const taskIds = [...new Set(input.taskIds)];
  return mutation(actor, { action: "plan.carry_over", entity: "plan", ip }, async (tx, audit) => {
    const source = await getPlanById(tx, input.planId);
    if (!source) throw notFound("未找到这份分解表");
    if (source.state === "draft") throw new DomainError("invalid", "草稿尚未执行，没有可结转的任务");
    // The target is locked: carry-overs into one plan are numbered one after another.
    const target = await getPlanById(tx, input.targetPlanId, { forUpdate: true });
    if (!target) throw notFound("未找到要结转到的分解表");
    assertPlanWritable({ planState: target.state });
    if (target.year <= source.year) throw new DomainError("invalid", `只能结转到以后年度的分解表（${source.year}年以后）`);
    const chosen = await lockTasksForCarry(tx, source.id, taskIds);
    if (chosen.length !== taskIds.length) throw notFound("所选任务不属于这份分解表，请刷新后重试");
    const copies = new Set((await listCarriedCopies(tx, taskIds)).map((c) => c.carriedFromTaskId));
    for (const task of chosen) {
      const blocker =
        task.archivedAt || task.overall
          ? "不能结转"
          : carryBlocker({ closedAt: task.closedAt, reportedCompleted: task.reportedCompleted, carried: copies.has(task.id) });
      if (blocker) throw new DomainError("conflict", `第${taskNumber(task)}项${blocker}，不能再结转。请刷新后重新选择`);
    }
    // Carried into a plan already running, a task owes from the current half month on (not the months before it came).
    const now_ = periodAt(now());
    const startPeriod = target.state === "active" && now_.year === target.year ? now_.index : null;
    let seq = await lastSeqOf(tx, target.id);
    const carried: { from: number; to: number; seq: number }[] = [];
    for (const task of chosen) {
      seq += 1;
      const id = await insertCarriedTask(tx, {
        planId: target.id,
        seq,
        section: task.section,
        content: task.content,
        leadUnitsText: task.leadUnitsText,
        unitsText: task.unitsText,
        source: task.source,
        documentNumber: task.documentNumber,
        issuedOn: task.issuedOn,
        cadence: task.cadence,
        reportingStartPeriod: startPeriod,
        carriedFromTaskId: task.id,
      });
      await copyTaskPeople(tx, task.id, id);
      carried.push({ from: task.id, to: id, seq });
    }
    await audit({
      entityId: target.id,
      before: { fromPlanId: source.id, fromYear: source.year },
      after: { toPlanId: target.id, toYear: target.year, tasks: carried },
    });
    return { targetPlanId: target.id, carried };
  });
}

export interface CarryLinks {
  from: { taskId: number; label: string; viewable: boolean } | null;
  to: { taskId: number; label: string; viewable: boolean }[];
}

/** 结转自 / 已结转至 on a task page: the old and the new task, each a link where the viewer may open it. */
export async function getCarryLinksFor(actor: Actor, taskId: number): Promise<CarryLinks> {
  await getTaskFor(actor, taskId);
  const links = await getCarryLinks(db, taskId);
  const view = async (t: { id: number; seq: number; seqLabel: string | null; planYear: number; planTitle: string }) => ({
    taskId: t.id,
    label: carriedTaskLabel(t),
    viewable: await getTaskFor(actor, t.id).then(
      () => true,
      () => false,
    ),
  });
  return { from: links.from ? await view(links.from) : null, to: await Promise.all(links.to.map(view)) };
}
