"use client";

import { approvePublicSummaryAction, returnPublicSummaryAction } from "@/app/(app)/supervision/public/actions";
import { DecisionBar } from "@/components/ui/decision-bar";
import { planName } from "@/lib/public-view/content";
import type { SummaryForReview } from "@/lib/services/public-summaries";

/** The office's queue of submitted public summaries: each with its task, the text submitted and what is public now; 公开 or 退回 with a reason. */
export function ReviewQueue({ rows }: { rows: SummaryForReview[] }) {
  if (rows.length === 0) return <p className="text-sm text-stone-500">没有待审核的公开摘要。</p>;
  return (
    <ul className="space-y-3">
      {rows.map((row) => (
        <li key={row.taskId} className="space-y-2 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="summary-review">
          <p className="text-stone-500">
            {planName({ year: row.planYear, title: row.planTitle })} · 第{row.number}项 · 牵头：{row.leadUnits.join("、") || "—"}
          </p>
          <p className="line-clamp-2 text-stone-700">
            <a href={`/tasks/${row.taskId}`} className="hover:underline">
              {row.content}
            </a>
          </p>
          <div className="rounded bg-amber-50 p-2">
            <p className="text-xs text-stone-600">
              提交的公开摘要{row.draftByName ? `（${row.draftByName}）` : ""}
              {row.draftAt ? ` · ${row.draftAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}` : ""}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-stone-900" data-testid="summary-draft">
              {row.draft}
            </p>
          </div>
          {row.published && <p className="text-xs text-stone-600">现公开内容：{row.published}</p>}
          <DecisionBar
            noteLabel="退回理由"
            placeholder="退回理由（退回时必填）"
            noteClass="w-72"
            yes="审核通过并公开"
            no="退回"
            decide={(yes, note) =>
              yes
                ? approvePublicSummaryAction({ taskId: row.taskId, version: row.version })
                : returnPublicSummaryAction({ taskId: row.taskId, version: row.version, reason: note })
            }
          />
        </li>
      ))}
    </ul>
  );
}
