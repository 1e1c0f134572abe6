import type { Metadata } from "next";
import { PlanPublicControls } from "@/components/public-view/plan-public-controls";
import { ReviewQueue } from "@/components/public-view/review-queue";
import { requirePageFor } from "@/lib/page-guard";
import { PLAN_STATE_LABEL } from "@/lib/plans/plan-state";
import { planName } from "@/lib/public-view/content";
import { listSummariesForReview } from "@/lib/services/public-summaries";
import { listPlanPublicStatesFor } from "@/lib/services/public-views";

export const metadata: Metadata = { title: "政务公开" };

function time(at: Date): string {
  return at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
}

/** The supervision office's 政务公开: the queue of public summaries to review, and each plan's public page (off until published). */
export default async function PublicViewOfficePage() {
  const actor = await requirePageFor("public_view.manage");
  const [queue, plans] = await Promise.all([listSummariesForReview(actor), listPlanPublicStatesFor(actor)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">政务公开</h1>
        <p className="mt-1 text-sm text-stone-600">牵头单位为任务撰写公开摘要，经督查室审核后才会公开；分解表的公开进展页面默认关闭，由督查室公开或撤回。</p>
      </div>
      <section aria-labelledby="review" className="space-y-3">
        <h2 id="review" className="font-semibold">
          公开摘要审核（待审核 {queue.length}）
        </h2>
        <ReviewQueue rows={queue} />
      </section>
      <section aria-labelledby="views" className="space-y-3">
        <h2 id="views" className="font-semibold">
          公开进展页面
        </h2>
        {plans.length === 0 && <p className="text-sm text-stone-500">没有执行中或已归档的分解表。</p>}
        <ul className="space-y-3">
          {plans.map((plan) => (
            <li key={plan.planId} className="space-y-2 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="public-plan">
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">{planName(plan)}</span>
                <span className="text-stone-500">
                  {PLAN_STATE_LABEL[plan.state]} · {plan.taskCount} 项任务
                </span>
                {plan.publishedAt ? (
                  <span className="rounded bg-green-50 px-1.5 py-0.5 text-green-800" data-testid="public-state">
                    已公开（{time(plan.publishedAt)}）
                  </span>
                ) : (
                  <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700" data-testid="public-state">
                    未公开
                  </span>
                )}
              </div>
              {plan.publishedAt && plan.refreshedAt && (
                <p className="text-stone-600">
                  公开地址：
                  <a href={`/open/${plan.planId}`} className="text-brand-700 hover:underline" target="_blank" rel="noreferrer">
                    /open/{plan.planId}
                  </a>
                  <span className="ml-2">内容更新于 {time(plan.refreshedAt)}</span>
                </p>
              )}
              <PlanPublicControls planId={plan.planId} title={plan.title} published={plan.publishedAt !== null} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
