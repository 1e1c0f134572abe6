import type { Metadata } from "next";
import { LatestInstructions } from "@/components/coordination/latest-instructions";
import { AttachmentList } from "@/components/report/attachment-list";
import { reportUploadUrl } from "@/lib/attachments/upload-urls";
import { formatTime, ReportFieldsView } from "@/components/report/parts";
import { ReportEditor } from "@/components/report/report-editor";
import { IndicatorValuesView } from "@/components/report/indicator-values-view";
import { ReportHeader } from "@/components/report/report-header";
import { ReportSidePanel } from "@/components/report/report-side-panel";
import { WithdrawPanel } from "@/components/report/withdraw-panel";
import { SignOffPanel } from "@/components/report/sign-off-panel";
import { SharedReportNote } from "@/components/tasks/shared-report-note";
import { VersionList } from "@/components/report/version-list";
import { requirePageActor } from "@/lib/auth/session";
import { isOwed } from "@/lib/reporting/workflow";
import { getReportForm, type ReportForm } from "@/lib/services/reports";
import { loadPeriodForm, PeriodClosed, type PeriodFormParams, periodFormTarget } from "@/app/(app)/period-form";

export const metadata: Metadata = { title: "进展报告" };

/** The report form of a task and period: for the members of the task's lead unit(s); others get 404. */
export default async function ReportPage({ params }: PeriodFormParams) {
  const actor = await requirePageActor();
  const target = await periodFormTarget(params);
  const loaded = await loadPeriodForm(getReportForm(actor, target));
  if ("closed" in loaded) return <PeriodClosed message={loaded.closed} back={{ href: `/tasks/${target.taskId}`, label: "返回任务详情" }} />;

  const { form } = loaded;
  const { report, can } = form;
  const state = report?.state ?? "missing";
  const submitsToHead = can.requiresSignOff && !can.isHead;

  return (
    <div className="space-y-6">
      <ReportHeader task={form.task} period={form.period} state={state} owed={isOwed(state)} />
      <SharedReportNote actor={actor} taskId={target.taskId} periodIndex={target.periodIndex} />

      {report?.status === "returned" && report.returnReason && (
        <section aria-labelledby="return-heading" className="rounded border-2 border-red-300 bg-red-50 p-4" data-testid="return-reason">
          <h2 id="return-heading" className="font-semibold text-red-800">
            本期报告被退回，请按意见修改后重新报送
          </h2>
          <p className="mt-2 whitespace-pre-wrap break-words text-red-900">{report.returnReason}</p>
        </section>
      )}

      <LatestInstructions actor={actor} taskId={target.taskId} />

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <section aria-label="本期报告" className="space-y-4 lg:col-span-2">
          <div className="rounded border border-stone-200 bg-white p-4 sm:p-5">
            {can.edit ? (
              <ReportEditor
                key={report?.status ?? "new"}
                target={target}
                report={report ? { version: report.version, status: report.status, fields: report.fields, updatedAt: report.updatedAt } : null}
                previous={form.previous ? { periodLabel: form.previous.periodLabel, fields: form.previous.fields } : null}
                attachments={form.attachments}
                submitsToHead={submitsToHead}
                indicators={form.indicators}
              />
            ) : (
              <ReadOnlyReport form={form} />
            )}
          </div>
          {can.approve && <SignOffPanel target={target} filerName={null} />}
          <VersionList versions={form.versions} />
        </section>

        <ReportSidePanel
          previous={form.previous}
          contributions={form.contributions}
          missingContributors={form.missingContributors}
          collectedContributors={form.collectedContributors}
        />
      </div>
    </div>
  );
}

function ReadOnlyReport({ form }: { form: ReportForm }) {
  const { report } = form;
  if (!report) return <p className="text-sm text-stone-500">本期尚未填报。</p>;
  const notice =
    report.status === "pending_approval"
      ? form.can.approve
        ? "填报人已提交，等待您审阅。"
        : form.can.withdraw
          ? "本期报告已提交单位负责人审阅，审阅期间不能修改；如需修改，请先撤回。"
          : "本期报告已提交单位负责人审阅，审阅期间不能修改。"
      : report.status === "accepted"
        ? "本期报告已由督查室审核。"
        : `本期报告已于 ${formatTime(report.submittedAt)} 报送${report.late ? "（逾期报送）" : ""}。`;
  return (
    <div className="space-y-4">
      <p role="status" className="rounded bg-stone-100 px-3 py-2 text-sm text-stone-700" data-testid="report-notice">
        {notice}
      </p>
      {form.can.withdraw && <WithdrawPanel target={{ taskId: form.task.id, periodIndex: form.period.index }} />}
      <ReportFieldsView fields={report.fields} testId="report-fields" />
      <IndicatorValuesView indicators={form.indicators} />
      <AttachmentList uploadUrl={reportUploadUrl({ taskId: form.task.id, periodIndex: form.period.index })} initial={form.attachments} editable={false} />
    </div>
  );
}
