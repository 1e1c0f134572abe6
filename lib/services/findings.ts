/**
 * Supervision findings (督查发现): during a round the office records, for a task or a unit in a
 * period, a rating (好 / 一般 / 差) and what it found; they feed the progress circular and criticisms.
 * Only the supervision office records and deletes (its own); the office and the administrator read.
 */
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  deleteFindingRow,
  getActiveUnit,
  getFinding,
  getPlanTask,
  insertFinding,
  listTaskOptions,
  searchFindings,
  type FindingFilter,
} from "@/lib/data/findings";
import { listUnitOptions } from "@/lib/data/units";
import { loadLivePlans } from "@/lib/plans/live";
import { primaryPlan, type PlanChoice } from "@/lib/plans/scope";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { findingSchema, type FindingInput } from "@/lib/escalation/schemas";
import { periodAt, periodOf } from "@/lib/periods";
import { currentPeriodIndex } from "@/lib/reporting/deadlines";

import { resolvePlanScope } from "./plan-scope";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

export { listFindings, type FindingRow } from "@/lib/data/findings";

/** The plan whose half months a finding is recorded for: this year's live plan (lib/plans/scope.ts primaryPlan). */
async function livePlans() {
  const plans = await loadLivePlans();
  const plan = primaryPlan(plans, periodAt(now()).year);
  if (!plan) throw notFound("尚未导入分解表");
  return { plan, plans };
}

/** The periods a finding can be recorded for: from the first reporting period up to now. */
function periodRange(plan: { year: number; reportingStartPeriod: number }) {
  const first = Math.max(1, plan.reportingStartPeriod);
  const last = currentPeriodIndex({ year: plan.year }, now());
  const out: { index: number; label: string }[] = [];
  for (let i = first; i <= last; i++) out.push({ index: i, label: periodOf(plan.year, i).label });
  return out;
}

/** The findings of every live plan (or the chosen one: `choice`), each labelled with its plan. */
export async function getFindingsPage(actor: Actor, filter: Omit<FindingFilter, "planIds">, options: { choice?: PlanChoice } = {}) {
  assertCan(actor, "office.read");
  const scope = await resolvePlanScope(actor, options.choice ?? {});
  const plan = primaryPlan(scope.plans, periodAt(now()).year);
  if (!plan) return null;
  const planIds = scope.plans.map((p) => p.id);
  const byId = new Map(scope.plans.map((p) => [p.id, p]));
  const [rows, tasks, units] = await Promise.all([searchFindings({ ...filter, planIds }), listTaskOptions(planIds), listUnitOptions()]);
  const periods = periodRange(plan);
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year },
    coverage: scope.coverage,
    periods,
    currentPeriod: periods.at(-1)?.index ?? null,
    tasks: tasks.map((t) => ({ ...t, planLabel: byId.get(t.planId)?.label ?? "" })),
    units,
    findings: rows.map((f) => ({
      ...f,
      planLabel: byId.get(f.planId)?.label ?? "",
      periodLabel: periodOf(byId.get(f.planId)?.year ?? plan.year, f.periodIndex).label,
      mine: f.createdBy === actor.userId,
    })),
    canRecord: can(actor, "office.write"),
  };
}

export async function createFinding(actor: Actor, raw: FindingInput) {
  assertCan(actor, "office.write");
  const input = parseInput(findingSchema, raw);
  const live = await livePlans();
  return mutation(actor, { action: "finding.create", entity: "finding" }, async (tx, audit) => {
    // A finding on a task belongs to the task's plan (any live one); a finding on a unit alone, to this year's plan.
    let plan = live.plan;
    if (input.taskId !== null) {
      const task = await getPlanTask(
        tx,
        live.plans.map((p) => p.id),
        input.taskId,
      );
      if (!task || task.archivedAt || task.overall) throw new DomainError("invalid", "所选任务不存在");
      plan = live.plans.find((p) => p.id === task.planId)!;
    }
    if (!periodRange(plan).some((p) => p.index === input.periodIndex)) throw new DomainError("invalid", "该半月期不在督查范围内");
    if (input.unitId !== null) {
      const unit = await getActiveUnit(tx, input.unitId);
      if (!unit?.active) throw new DomainError("invalid", "所选单位不存在");
    }
    const at = now();
    const values = {
      planId: plan.id,
      periodIndex: input.periodIndex,
      taskId: input.taskId,
      unitId: input.unitId,
      rating: input.rating,
      text: input.text,
      createdBy: actor.userId,
    };
    const id = await insertFinding(tx, { ...values, createdAt: at, updatedAt: at });
    await audit({ entityId: id, after: values });
    return { id };
  });
}

/** Deletes a finding: only the office member who recorded it. */
export async function deleteFinding(actor: Actor, input: { id: number }) {
  assertCan(actor, "office.write");
  return mutation(actor, { action: "finding.delete", entity: "finding" }, async (tx, audit) => {
    const finding = await getFinding(tx, input.id, { forUpdate: true });
    if (!finding) throw notFound();
    if (finding.createdBy !== actor.userId) throw forbidden("只能删除本人记录的督查发现");
    await deleteFindingRow(tx, finding.id);
    const { createdAt: _c, updatedAt: _u, ...before } = finding;
    await audit({ entityId: finding.id, before });
  });
}
