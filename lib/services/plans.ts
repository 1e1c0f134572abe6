/**
 * Plans and their life (草稿 → 执行中): the supervision office and the administrator see every plan
 * and start a draft, choosing the first half month owed; nothing else starts a plan, so an import
 * never changes what units and leaders see.
 */
import { and, countDistinct, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { taskUnits, tasks, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getPlanById, listPlansWithCounts, markPlanActive, markPlanArchived } from "@/lib/data/plans";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { periodOf } from "@/lib/periods";
import { currentPeriodIndex } from "@/lib/reporting/deadlines";
import { projectPlanActivation, refuseUnconfirmed } from "./burden";
import { mutation } from "./mutation";

export interface PlanActivationFacts {
  /** Units that will owe half-monthly reports as lead unit of at least one task. */
  leadUnits: number;
  /** Their names, in the directory's order (the first few, for the confirmation). */
  leadUnitNames: string[];
  tasks: number;
  /** The first half month proposed: the plan's own first period, or the current one if that is past. */
  firstPeriod: number;
}

/** The first period a plan started now would owe: never one already over. */
export function proposedFirstPeriod(plan: { year: number; reportingStartPeriod: number }, at: Date): number {
  return Math.min(24, Math.max(1, plan.reportingStartPeriod, currentPeriodIndex(plan, at)));
}

export async function listPlansFor(actor: Actor) {
  assertCan(actor, "plan.manage");
  const plans = await listPlansWithCounts();
  const facts = new Map<number, PlanActivationFacts>();
  for (const plan of plans.filter((p) => p.state === "draft")) {
    const [row] = await db
      .select({ units: countDistinct(taskUnits.unitId), tasks: countDistinct(tasks.id) })
      .from(tasks)
      .leftJoin(taskUnits, and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, "lead")))
      .where(and(eq(tasks.planId, plan.id), isNull(tasks.archivedAt), eq(tasks.overall, false)));
    const names = await db
      .selectDistinct({ name: units.name, id: units.id })
      .from(tasks)
      .innerJoin(taskUnits, and(eq(taskUnits.taskId, tasks.id), eq(taskUnits.role, "lead")))
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(eq(tasks.planId, plan.id), isNull(tasks.archivedAt), eq(tasks.overall, false)))
      .orderBy(units.id);
    facts.set(plan.id, {
      leadUnits: row?.units ?? 0,
      leadUnitNames: names.map((n) => n.name),
      tasks: row?.tasks ?? 0,
      firstPeriod: proposedFirstPeriod(plan, now()),
    });
  }
  return plans.map((plan) => ({ ...plan, activation: facts.get(plan.id) ?? null }));
}

/** 开始执行: the draft becomes 执行中 and its lead units owe reports from the chosen half month on. */
export async function activatePlan(actor: Actor, input: { planId: number; firstPeriod: number; confirmBurden?: boolean }) {
  assertCan(actor, "plan.manage");
  return mutation(actor, { action: "plan.activate", entity: "plan" }, async (tx, audit) => {
    const plan = await getPlanById(tx, input.planId, { forUpdate: true });
    if (!plan) throw notFound("未找到这份分解表");
    if (plan.state !== "draft") throw new DomainError("conflict", plan.state === "active" ? "这份分解表已经在执行中" : "这份分解表已归档，不能再开始执行");
    const at = now();
    if (input.firstPeriod < proposedFirstPeriod({ year: plan.year, reportingStartPeriod: 1 }, at)) {
      throw new DomainError("invalid", `${periodOf(plan.year, input.firstPeriod).label}已经过去：开始执行后最早从当前半月期起报送`);
    }
    // 减负: a unit this plan would push past the 负担提醒线 is named first; started only when confirmed.
    refuseUnconfirmed(await projectPlanActivation(tx, plan.id, input.firstPeriod), input.confirmBurden);
    await markPlanActive(tx, plan.id, { reportingStartPeriod: input.firstPeriod, activatedBy: actor.userId, at });
    await audit({
      entityId: plan.id,
      before: { state: plan.state, reportingStartPeriod: plan.reportingStartPeriod },
      after: { state: "active", reportingStartPeriod: input.firstPeriod, ...(input.confirmBurden ? { burdenConfirmed: true } : {}) },
    });
    return { planId: plan.id, firstPeriod: input.firstPeriod };
  });
}

/** 归档: a plan 执行中 becomes read-only — its pages still open, every write on it is refused. */
export async function archivePlan(actor: Actor, input: { planId: number }) {
  assertCan(actor, "plan.manage");
  return mutation(actor, { action: "plan.archive", entity: "plan" }, async (tx, audit) => {
    const plan = await getPlanById(tx, input.planId, { forUpdate: true });
    if (!plan) throw notFound("未找到这份分解表");
    if (plan.state !== "active") throw new DomainError("conflict", plan.state === "draft" ? "草稿不能归档：请先开始执行，或不再使用它" : "这份分解表已经归档");
    await markPlanArchived(tx, plan.id, now());
    await audit({ entityId: plan.id, before: { state: plan.state }, after: { state: "archived" } });
    return { planId: plan.id };
  });
}
