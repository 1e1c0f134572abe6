/** Which plans a page covers (覆盖) and the `?plan=` / `?year=` switch that narrows it. Pure. */
import { z } from "zod";

export interface PlanChoice {
  /** Narrow to one plan, in any state the user may see (an archived plan opens read-only). */
  planId?: number;
  /** Open a year's plans (执行中 and 已归档). */
  year?: number;
}

const id = z.coerce.number().int().positive().optional().catch(undefined);
const year = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parsePlanChoice(params: Params): PlanChoice {
  const planId = id.parse(first(params.plan) || undefined);
  const y = year.parse(first(params.year) || undefined);
  return planId !== undefined ? { planId } : y !== undefined ? { year: y } : {};
}

/** 覆盖：2022年 政府工作报告、2022年 督办事项 */
export function coverageText(plans: readonly { label: string; state: string }[]): string {
  if (plans.length === 0) return "覆盖：无执行中的分解表";
  return `覆盖：${plans.map((p) => (p.state === "archived" ? `${p.label}（已归档）` : p.state === "draft" ? `${p.label}（草稿）` : p.label)).join("、")}`;
}

/** The query string of a choice (`plan=3`, `year=2021`), to carry it across links. */
export function planChoiceQuery(choice: PlanChoice): string {
  return choice.planId !== undefined ? `plan=${choice.planId}` : choice.year !== undefined ? `year=${choice.year}` : "";
}

/**
 * The plan whose half months a page's period choice follows when it covers several: one of this
 * year's (tables before the items register), else the latest earlier year's, else the first given.
 */
export function primaryPlan<P extends { year: number }>(plans: readonly P[], year: number): P | null {
  return plans.find((p) => p.year === year) ?? plans.find((p) => p.year < year) ?? plans[0] ?? null;
}
