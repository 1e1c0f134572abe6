import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportComparison } from "@/components/compare/report-comparison";
import { AttachmentLinks } from "@/components/report/attachment-links";
import { ReviewActions } from "@/components/review/review-actions";
import { SharedReportNote } from "@/components/tasks/shared-report-note";
import { requirePageActor } from "@/lib/auth/session";
import { idParam, orNotFound } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";
import { REPORT_STATE_LABEL } from "@/lib/reporting/workflow";
import { getPreviousReport } from "@/lib/services/overview";
import { getReportView } from "@/lib/services/reports";
import { IndicatorValuesView } from "@/components/report/indicator-values-view";
import { getTaskFor } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "进展报告" };

/** A report as those overseeing the task see it: every submitted version, never a draft. */
export default async function ReportViewPage({ params }: { params: Promise<{ id: string; period: string }> }) {
  const actor = await requirePageActor();
  const { id, period } = await params;
  const taskId = idParam(id);
  const periodIndex = idParam(period);
  if (periodIndex > 24) notFound();
  const task = await orNotFound(getTaskFor(actor, taskId));
  const view = await orNotFound(getReportView(actor, { taskId, periodIndex }));
  // 比对: each version against the task's previous report (only when there is a version to compare).
  const previous = view.versions.length > 0 ? await orNotFound(getPreviousReport(actor, { taskId, periodIndex })) : null;
  return (
    <article className="space-y-5">
      <div>
        <p className="text-sm text-stone-500">
          <Link href={`/tasks/${task.id}`} className="hover:underline">
            第 {task.seq} 项
          </Link>{" "}
          · {view.period.label}
        </p>
        <h1 className="mt-1 text-lg font-semibold leading-relaxed">{task.content}</h1>
        <p className="mt-2 text-sm">
          状态：
          <span data-testid="report-state" className="font-medium">
            {REPORT_STATE_LABEL[view.state]}
          </span>
          {view.isLeadUnit && (
            <Link href={`/reports/${task.id}/${periodIndex}`} className="ml-3 text-brand-700 hover:underline">
              打开本单位填报页
            </Link>
          )}
        </p>
        {view.returnReason && view.state === "returned" && (
          <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">退回理由：{view.returnReason}</p>
        )}
      </div>
      <SharedReportNote actor={actor} taskId={task.id} periodIndex={periodIndex} />
      {(view.can.accept || view.can.return) && (
        <ReviewActions taskId={task.id} periodIndex={periodIndex} canAccept={view.can.accept} canReturn={view.can.return} />
      )}
      {view.indicators.length > 0 && (
        <div className="rounded border border-stone-200 bg-white p-4">
          <IndicatorValuesView indicators={view.indicators} />
        </div>
      )}
      {view.versions.length === 0 && <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-500">本期尚未报送。</p>}
      {view.versions.map((v) => (
        <section key={v.number} className="space-y-2 rounded border border-stone-200 bg-white p-4" aria-label={`第 ${v.number} 版`}>
          <h2 className="text-sm text-stone-500">
            第 {v.number} 版 · {v.submittedByName ?? "—"}
            {v.approvedByName && `（${v.approvedByName} 审阅同意）`} · {formatShanghai(v.submittedAt)}
            {v.late && <span className="ml-2 rounded bg-red-100 px-1.5 text-red-800">逾期</span>}
          </h2>
          <p className="text-sm">
            完成进度 <strong>{v.percent}%</strong> · {PROGRESS_STATE_LABEL[v.progressState]}
          </p>
          <dl className="space-y-2 text-sm">
            {[
              ["本期工作进展", v.progress],
              ["存在问题", v.problems],
              ["下步计划", v.nextSteps],
              ["需协调事项", v.coordinationRequest],
            ].map(([label, value]) =>
              value ? (
                <div key={label}>
                  <dt className="text-stone-500">{label}</dt>
                  <dd className="whitespace-pre-wrap">{value}</dd>
                </div>
              ) : null,
            )}
          </dl>
          <div className="space-y-1 text-sm" data-testid="version-attachments">
            <h3 className="text-stone-500">附件（本版报送时所附）</h3>
            <AttachmentLinks items={v.attachments} label={`第 ${v.number} 版附件`} empty="本版没有附件。" />
          </div>
          <ReportComparison previous={previous} version={v} />
        </section>
      ))}
    </article>
  );
}
