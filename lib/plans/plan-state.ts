/** What a plan's state allows. Pure. */
import type { PlanState } from "@/db/schema";
import { DomainError } from "@/lib/errors";

export const PLAN_STATE_LABEL: Readonly<Record<PlanState, string>> = { draft: "草稿", active: "执行中", archived: "已归档" };

/** An archived plan (已归档) is read-only: every write on it or its tasks is refused. */
export function assertPlanWritable(plan: { planState: PlanState }): void {
  if (plan.planState === "archived") throw new DomainError("conflict", "这份分解表已归档，只能查看，不能再填报或修改");
}
