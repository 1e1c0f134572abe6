/**
 * The plans a page covers: every 执行中 plan by default; one plan (`?plan=`) or one year's plans
 * (`?year=`, archived ones read-only) when the user narrows it. A 草稿 plan is the office's and the
 * administrator's only; anyone else asking for one gets the live plans instead.
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/policies";
import { listPlanChoices } from "@/lib/data/plans";
import { loadLivePlans, loadPlans, loadPlansOfYear, type LivePlan } from "@/lib/plans/live";
import { coverageText, type PlanChoice } from "@/lib/plans/scope";
import { planShortLabel } from "@/lib/plans/sources";

export interface PlanOption {
  id: number;
  year: number;
  label: string;
  title: string;
  state: "draft" | "active" | "archived";
}

export interface PlanScope {
  /** The plans covered, latest year first. */
  plans: LivePlan[];
  choice: PlanChoice;
  /** Every plan covered is 已归档: the page only shows. */
  readOnly: boolean;
  /** 覆盖：2022年 政府工作报告、2022年 督办事项 */
  coverage: string;
  /** What the switcher offers (drafts for the office and the administrator only). */
  options: PlanOption[];
  years: number[];
}

export async function resolvePlanScope(actor: Actor, choice: PlanChoice = {}, executor: Executor = db): Promise<PlanScope> {
  const drafts = can(actor, "plan.manage");
  let plans: LivePlan[];
  if (choice.planId !== undefined) plans = await loadPlans(executor, [choice.planId]);
  else if (choice.year !== undefined) plans = await loadPlansOfYear(executor, choice.year, drafts ? ["active", "archived", "draft"] : ["active", "archived"]);
  else plans = await loadLivePlans(executor);
  plans = plans.filter((p) => p.state !== "draft" || drafts);
  const options = (await listPlanChoices(executor))
    .filter((p) => p.state !== "draft" || drafts)
    .map((p) => ({ id: p.id, year: p.year, title: p.title, state: p.state, label: planShortLabel(p) }));
  return {
    plans,
    choice,
    readOnly: plans.length > 0 && plans.every((p) => p.state === "archived"),
    coverage: coverageText(plans),
    options,
    years: [...new Set(options.map((o) => o.year))].sort((a, b) => b - a),
  };
}

/** The live plans only, whatever the user asked (for writes: a finding, a dispatch, a notice). */
export async function livePlansById(executor: Executor = db): Promise<Map<number, LivePlan>> {
  return new Map((await loadLivePlans(executor)).map((p) => [p.id, p]));
}
