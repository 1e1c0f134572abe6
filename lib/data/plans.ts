/**
 * Plans (目标任务分解表) and which one is live: every "the current plan" question is answered here.
 * A plan is 草稿 after an import (the office and the administrator only), 执行中 once the office
 * starts it (owed by units, seen by leaders), 已归档 when done. The current plan is the latest 执行中 one.
 */
import "server-only";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { plans, tasks, type CadenceValue, type PlanKind, type PlanState, type WorkSource } from "@/db/schema";
import { firstRow } from "./first-row";

export const planFields = {
  id: plans.id,
  year: plans.year,
  title: plans.title,
  documentNumber: plans.documentNumber,
  state: plans.state,
  source: plans.source,
  kind: plans.kind,
  cadence: plans.cadence,
  reportingStartPeriod: plans.reportingStartPeriod,
  dueOffsetDays: plans.dueOffsetDays,
};

export type PlanRow = {
  id: number;
  year: number;
  title: string;
  documentNumber: string | null;
  state: PlanState;
  source: WorkSource;
  kind: PlanKind;
  cadence: CadenceValue;
  reportingStartPeriod: number;
  dueOffsetDays: number;
};

/** The plan everybody works on: the latest by year among those 执行中 (a table before the year's items register). */
export async function getCurrentPlan(executor: Executor = db): Promise<PlanRow | null> {
  const [plan] = await executor
    .select(planFields)
    .from(plans)
    .where(eq(plans.state, "active"))
    .orderBy(desc(plans.year), asc(plans.kind), asc(plans.id))
    .limit(1);
  return plan ?? null;
}

export async function getPlanById(executor: Executor, planId: number, options: { forUpdate?: boolean } = {}): Promise<PlanRow | null> {
  const query = executor.select(planFields).from(plans).where(eq(plans.id, planId)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function getPlanOfYear(executor: Executor, year: number): Promise<PlanRow | null> {
  const [plan] = await executor.select(planFields).from(plans).where(eq(plans.year, year)).orderBy(asc(plans.kind), asc(plans.id)).limit(1);
  return plan ?? null;
}

/** Every plan, latest first, with what its label needs (the plan switcher). */
export async function listPlanChoices(executor: Executor = db) {
  return executor
    .select({ id: plans.id, year: plans.year, title: plans.title, state: plans.state, source: plans.source, kind: plans.kind })
    .from(plans)
    .orderBy(desc(plans.year), asc(plans.kind), asc(plans.id));
}

/** Every plan, latest first, with its number of tasks (archived rows aside). */
export async function listPlansWithCounts(executor: Executor = db) {
  return executor
    .select({ ...planFields, activatedAt: plans.activatedAt, tasks: count(tasks.id) })
    .from(plans)
    .leftJoin(tasks, and(eq(tasks.planId, plans.id), isNull(tasks.archivedAt)))
    .groupBy(plans.id)
    .orderBy(desc(plans.year), plans.id);
}

export async function markPlanActive(executor: Executor, planId: number, input: { reportingStartPeriod: number; activatedBy: number; at: Date }) {
  await executor
    .update(plans)
    .set({ state: "active", reportingStartPeriod: input.reportingStartPeriod, activatedAt: input.at, activatedBy: input.activatedBy, updatedAt: input.at })
    .where(eq(plans.id, planId));
}

export async function markPlanArchived(executor: Executor, planId: number, at: Date) {
  await executor.update(plans).set({ state: "archived", updatedAt: at }).where(eq(plans.id, planId));
}
