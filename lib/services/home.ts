/** What the home pages of the administrator and of the supervision office count and list. */
import type { Actor } from "@/lib/auth/actor";
import { getAdminCounts } from "@/lib/data/overview";
import { listReportsAwaitingReview } from "@/lib/data/reviews";
import { assertCan } from "@/lib/policies";

/** 管理首页: tasks of the given (live) plans, active units and leaders, enabled accounts. The administrator's alone. */
export async function adminHomeCounts(actor: Actor, planIds: readonly number[]) {
  assertCan(actor, "admin.manage");
  return getAdminCounts(planIds);
}

/** 督查首页's queue: the plan's reports submitted and not yet accepted or returned, oldest first. */
export async function reviewQueue(actor: Actor, planId: number) {
  assertCan(actor, "supervision.view");
  return listReportsAwaitingReview(planId);
}
