/**
 * The history section of a task's page: the progress curve, every period's report (state, percent,
 * on-time mark, submitted date, the submitted text) and the cooperating units' input.
 * Only submitted content; the service decides who may see the task at all.
 */
import Link from "next/link";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { AttachmentLinks } from "@/components/report/attachment-links";
import { SignalBadge, StateBadge } from "@/components/workspace/badges";
import type { Actor } from "@/lib/auth/actor";
import { formatShanghai } from "@/lib/periods";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";
import { getTaskHistory, type HistoryPeriod } from "@/lib/services/history";
import { ProgressCurve } from "./progress-curve";

export async function TaskHistory({ actor, taskId }: { actor: Actor; taskId: number }) {
  const history = await getTaskHistory(actor, taskId);
  if (!history.applicable) {
    return (
      <section className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500" data-testid="task-history">
        全面负责事项不单独报送半月进展报告。
      </section>
    );
  }
  return (
    <section aria-labelledby="history-heading" className="space-y-4" data-testid="task-history">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          半月进展与配合进展
        </h2>
        {history.cooperatingUnits.length > 0 && <p className="text-sm text-stone-500">需报送配合进展的责任单位：{history.cooperatingUnits.join("、")}</p>}
      </div>
      {history.closedAfterPeriod !== null && (
        <p className="rounded bg-stone-100 px-3 py-2 text-sm text-stone-700" data-testid="history-closed">
          本任务已办结销号，{history.closedAfterPeriod > 0 ? `第 ${history.closedAfterPeriod} 个半月期之后` : "此后"}不再报送。
        </p>
      )}
      <ProgressCurve points={history.curve} currentPeriod={history.currentPeriod} />
      {history.periods.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-500">本年度的半月报送尚未开始。</p>
      ) : (
        <DataTable
          columns={[{ label: "半月期", className: "w-32" }, "进展报告", { label: "配合进展", className: "w-2/5" }]}
          caption="各半月期的进展报告与配合进展"
        >
          {history.periods.map((period) => (
            <PeriodRow key={period.index} period={period} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function PeriodRow({ period }: { period: HistoryPeriod }) {
  const { submitted } = period;
  return (
    <Row className="align-top" data-testid="history-period" data-period={period.index} data-state={period.state}>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <div className="font-medium">{period.shortLabel}</div>
        <div className="text-xs text-stone-500">截止 {period.dueLabel}</div>
      </th>
      <Cell className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <StateBadge state={period.state} testId="history-state" />
          <SignalBadge signal={period.signal === "open" ? null : period.signal} />
          {submitted && (
            <>
              <span className="tabular-nums" data-testid="history-percent">
                {submitted.percent}%
              </span>
              <span className="text-stone-500">{PROGRESS_STATE_LABEL[submitted.progressState]}</span>
              <span className="text-xs text-stone-500">
                {formatShanghai(submitted.submittedAt)} 报送
                {submitted.late && <span className="ml-1 rounded bg-orange-100 px-1 text-orange-800">逾期</span>}
              </span>
            </>
          )}
        </div>
        {submitted && (
          <p className="line-clamp-3 whitespace-pre-wrap break-words text-stone-800" data-testid="history-progress">
            {submitted.progress}
          </p>
        )}
        {submitted && <AttachmentLinks items={submitted.attachments} label={`${period.shortLabel}进展报告附件`} empty={null} />}
        {period.reportHref && (
          <Link href={period.reportHref} className="text-xs text-brand-700 hover:underline">
            {period.reportHref.startsWith("/reports/") ? "打开本单位填报页" : "查看报送的各版本"}
          </Link>
        )}
      </Cell>
      <Cell className="space-y-1.5">
        {period.contributions.map((c) => (
          <div key={c.unitName} data-testid="history-contribution">
            <span className="font-medium">{c.unitName}</span>
            {c.late && <span className="ml-1 rounded bg-orange-100 px-1 text-xs text-orange-800">逾期</span>}
            {c.submittedAt && <span className="ml-1 text-xs text-stone-500">{formatShanghai(c.submittedAt)}</span>}
            <p className="whitespace-pre-wrap break-words text-stone-800">{c.content}</p>
            <AttachmentLinks items={c.attachments} label={`${c.unitName}配合进展附件`} empty={null} />
          </div>
        ))}
        {period.missingContributors.length > 0 && (
          <p className="text-xs text-stone-500" data-testid="history-missing">
            未报送：{period.missingContributors.join("、")}
          </p>
        )}
        {period.contributions.length === 0 && period.missingContributors.length === 0 && <span className="text-stone-400">—</span>}
        {period.contributionHref && (
          <Link href={period.contributionHref} className="block text-xs text-brand-700 hover:underline">
            填报本单位配合进展
          </Link>
        )}
      </Cell>
    </Row>
  );
}
