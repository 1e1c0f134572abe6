/**
 * 比对, beside a submitted version: what changed since the task's previous report (a field-by-field
 * text diff), the progress delta and the 套话/照抄 flag. Server-rendered; the diff is the report
 * form's own (components/report/diff.ts).
 */
import { CopyFlagBadge } from "@/components/overview/copy-flag";
import { diffVersions, type VersionFields } from "@/components/report/diff";
import { DiffList } from "@/components/report/version-list";
import { compareReports, formatPercentDelta, formatSimilarity } from "@/lib/overview/similarity";

export interface PreviousForComparison extends VersionFields {
  periodIndex: number;
  periodLabel: string;
  number: number;
}

export function ReportComparison({ previous, version }: { previous: PreviousForComparison | null; version: VersionFields & { number: number } }) {
  if (!previous) {
    return (
      <p className="rounded bg-stone-50 px-3 py-2 text-sm text-stone-500" data-testid="comparison">
        比对：此前没有已报送的报告，无可比对。
      </p>
    );
  }
  const comparison = compareReports(previous, version)!;
  const rows = diffVersions(previous, version).filter((row) => row.changed);
  return (
    <details
      className={`rounded border px-3 py-2 text-sm ${comparison.flag ? "border-rose-300 bg-rose-50" : "border-stone-200 bg-stone-50"}`}
      data-testid="comparison"
      data-flag={comparison.flag ?? ""}
      open={comparison.flag !== null}
    >
      <summary className="cursor-pointer">
        <span className="font-medium">与上次报告比对</span>（{previous.periodLabel} 第 {previous.number} 版）：本期工作进展相似度{" "}
        <strong data-testid="similarity" title="不计空白、标点和数字的差别">
          {formatSimilarity(comparison.similarity)}
        </strong>
        <span className="text-xs text-stone-500">（不计数字）</span> · 完成进度{" "}
        <strong data-testid="percent-delta">{formatPercentDelta(comparison.percentDelta)}</strong> 个百分点（{previous.percent}% → {version.percent}%）{" "}
        <CopyFlagBadge flag={comparison.flag} />
      </summary>
      <div className="mt-2 border-t border-stone-200 pt-2">
        {rows.length === 0 ? <p className="text-stone-600">与上次报告内容完全相同。</p> : <DiffList rows={rows} />}
      </div>
    </details>
  );
}
