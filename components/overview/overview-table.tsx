/** One page of the period's tasks: each report's compliance, progress, time of submission and copy flag; headers that sort. */
import Link from "next/link";
import { ClampedText } from "@/components/ui/clamped-text";
import { SortHeader } from "@/components/ui/sort-header";
import type { OverviewSort } from "@/lib/overview/order";
import type { ListLocation } from "@/lib/paging";
import { PlanLabel } from "@/components/plans/plan-switcher";
import { formatPercentDelta } from "@/lib/overview/similarity";
import { formatShanghai } from "@/lib/periods";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";
import type { OverviewRow } from "@/lib/services/overview";
import { ComplianceBadge } from "./compliance-badge";
import { CopyFlagBadge } from "./copy-flag";
import { Cell, DataTable, LinkCell, NamesCell, Row } from "@/components/ui/table";
import { TASK_COLUMNS } from "@/components/tasks/task-columns";

const PROGRESS_STATE_CLASS: Record<string, string> = {
  lagging: "text-orange-700 font-medium",
  blocked: "text-red-700 font-medium",
  completed: "text-green-700",
  on_track: "text-stone-700",
};

/**
 * `at`: where the list is (its headers sort it); `indicatorsBehind`: per task of the page, how many of
 * its 量化指标 trail 序时进度 (flagged under the progress).
 */
export function OverviewTable({
  rows,
  at,
  periodIndex,
  indicatorsBehind,
}: {
  rows: readonly OverviewRow[];
  at: ListLocation<OverviewSort>;
  periodIndex: number;
  indicatorsBehind?: ReadonlyMap<number, number>;
}) {
  return (
    <DataTable
      columns={[
        { ...TASK_COLUMNS.number, label: <SortHeader at={at} sortKey="seq" label="序号" /> },
        TASK_COLUMNS.text,
        TASK_COLUMNS.leaders,
        { ...TASK_COLUMNS.leadUnit, label: <SortHeader at={at} sortKey="unit" label="牵头单位" /> },
        { label: <SortHeader at={at} sortKey="state" label="报送情况" />, className: "w-24" },
        { label: "进度", className: "w-24" },
        { label: "进展状态", className: "w-20" },
        { label: <SortHeader at={at} sortKey="submitted" label="报送时间" startDescending />, className: "w-36" },
        { label: "比对", className: "w-24" },
        { label: <span className="sr-only">报告</span>, className: "w-16" },
      ]}
      caption="本期各项任务的报送情况"
      empty={rows.length === 0 && "没有符合条件的任务"}
    >
      {rows.map((row) => (
        <Row key={row.taskId} className="align-top hover:bg-stone-50" data-testid="overview-row" data-seq={row.seq} data-state={row.compliance}>
          <Cell className="tabular-nums">{row.seq}</Cell>
          <Cell>
            <ClampedText>{row.content}</ClampedText>
            <PlanLabel label={row.planLabel} />
          </Cell>
          <NamesCell names={row.leaders.map((n) => n.name)} />
          <NamesCell names={row.leadUnits.map((n) => n.name)} data-testid="lead-units" />
          <Cell>
            <ComplianceBadge compliance={row.compliance} />
            {row.compliance === "returned" && row.returnReason && (
              <span className="mt-1 block text-xs text-purple-800">
                <ClampedText>{row.returnReason}</ClampedText>
              </span>
            )}
          </Cell>
          <Cell className="whitespace-nowrap tabular-nums">
            {row.percent === null ? <span className="text-stone-400">—</span> : `${row.percent}%`}
            {row.comparison && row.percent !== null && (
              <span className="ml-1 text-xs text-stone-500" title="较上次报告（百分点）">
                {formatPercentDelta(row.comparison.percentDelta)}
              </span>
            )}
            {(indicatorsBehind?.get(row.taskId) ?? 0) > 0 && (
              <Link href={`/tasks/${row.taskId}#indicators`} className="mt-1 block text-xs text-red-700 hover:underline" data-testid="indicators-behind">
                指标滞后 {indicatorsBehind?.get(row.taskId)}
              </Link>
            )}
          </Cell>
          <Cell className={`whitespace-nowrap ${row.progressState ? PROGRESS_STATE_CLASS[row.progressState] : ""}`}>
            {row.progressState ? PROGRESS_STATE_LABEL[row.progressState] : <span className="text-stone-400">—</span>}
          </Cell>
          <Cell className="whitespace-nowrap tabular-nums">
            {row.submittedAt ? formatShanghai(row.submittedAt) : <span className="text-stone-400">—</span>}
          </Cell>
          <Cell>
            <CopyFlagBadge flag={row.copyFlag} similarity={row.comparison?.similarity} />
          </Cell>
          <LinkCell href={`/tasks/${row.taskId}/reports/${periodIndex}`} className="whitespace-nowrap">
            查看<span className="sr-only">第 {row.seq} 项的报告</span>
          </LinkCell>
        </Row>
      ))}
    </DataTable>
  );
}
