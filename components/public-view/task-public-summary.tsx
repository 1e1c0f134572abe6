/**
 * A task's 公开摘要 (政务公开) on its page: the approved text the public sees; for the lead unit and the
 * office, the latest submission and its review; for the lead unit, the form.
 */
import type { Actor } from "@/lib/auth/actor";
import { getTaskPublicSummaryFor, type SummaryState } from "@/lib/services/public-summaries";
import { PublicSummaryForm } from "./summary-form";

const STATE_LABEL: Record<SummaryState, string> = { draft: "草稿", submitted: "待督查室审核", approved: "已审核公开", returned: "已退回" };

function day(at: Date | null): string {
  return at ? at.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" }) : "";
}

export async function TaskPublicSummary({ actor, taskId }: { actor: Actor; taskId: number }) {
  const summary = await getTaskPublicSummaryFor(actor, taskId);
  if (!summary || (!summary.own && !summary.published && !summary.canWrite)) return null;
  const { own } = summary;
  return (
    <section aria-labelledby="public-summary" className="space-y-3 rounded border border-stone-200 bg-white p-4" data-testid="public-summary">
      <h2 id="public-summary" className="font-medium">
        公开摘要 <span className="text-sm font-normal text-stone-500">（政务公开：经督查室审核后向公众公开）</span>
      </h2>
      <div className="text-sm">
        <p className="text-stone-500">公众看到的内容</p>
        {summary.published ? (
          <p className="mt-1 whitespace-pre-wrap" data-testid="public-summary-published">
            {summary.published}
            <span className="ml-2 text-xs text-stone-500">{day(summary.publishedAt)} 审核公开</span>
          </p>
        ) : (
          <p className="mt-1 text-stone-500">尚无公开摘要</p>
        )}
      </div>
      {own && own.state !== "approved" && (
        <div className="text-sm" data-testid="public-summary-own">
          <p className="text-stone-500">
            最近提交：<span className="font-medium text-stone-800">{STATE_LABEL[own.state]}</span>
            {own.draftAt && <span className="ml-2 text-xs">{day(own.draftAt)}</span>}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{own.draft}</p>
          {own.state === "returned" && own.returnReason && (
            <p className="mt-1 rounded bg-red-50 px-2 py-1 text-red-800" data-testid="public-summary-return">
              退回理由：{own.returnReason}
            </p>
          )}
        </div>
      )}
      {summary.canWrite && <PublicSummaryForm taskId={taskId} initial={own?.draft ?? summary.published ?? ""} />}
    </section>
  );
}
