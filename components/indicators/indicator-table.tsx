import Link from "next/link";
import { ClampedText } from "@/components/ui/clamped-text";
import { SortHeader } from "@/components/ui/sort-header";
import { Cell, HeaderCells } from "@/components/ui/table";
import type { IndicatorSort } from "@/lib/indicators/order";
import type { ListLocation } from "@/lib/paging";
import { targetText } from "@/lib/indicators/format";
import type { IndicatorRow } from "@/lib/indicators/tracking";
import { IndicatorPaceBadge } from "./pace-badge";

/** Completion as a bar with the 序时进度 mark on it. Fixed size: no layout shift. */
function CompletionBar({ completion, expected }: { completion: number | null; expected: number }) {
  const width = Math.min(100, completion ?? 0);
  return (
    <div className="relative h-2 w-28 rounded bg-stone-200" aria-hidden="true">
      <div className="absolute inset-y-0 left-0 rounded bg-brand-600" style={{ width: `${width}%` }} />
      <div className="absolute -inset-y-1 w-0.5 bg-stone-800" style={{ left: `${Math.min(100, expected)}%` }} title={`序时进度 ${expected}%`} />
    </div>
  );
}

/** Tracked indicators with their latest value, completion, 序时进度 and standing; with `at` (a paged list) the headers sort it. */
export function IndicatorTable({
  rows,
  showTask = true,
  yearEnd = false,
  caption,
  at,
}: {
  rows: readonly IndicatorRow[];
  showTask?: boolean;
  yearEnd?: boolean;
  caption: string;
  at?: ListLocation<IndicatorSort>;
}) {
  const header = (key: IndicatorSort, label: string) => (at ? <SortHeader at={at} sortKey={key} label={label} /> : label);
  if (rows.length === 0) return <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">没有符合条件的已确认指标。</p>;
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm" data-testid="indicator-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50 text-left text-stone-600">
          <tr>
            <HeaderCells
              columns={[
                showTask && { label: header("task", "任务") },
                "指标",
                "目标",
                "最新值",
                { label: header("completion", "完成率 / 序时进度") },
                { label: header("pace", "状态") },
              ]}
              cellClassName="px-3 py-2 font-medium"
            />
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r) => (
            <tr key={r.indicator.id} data-testid="indicator-row" data-pace={r.pace} className={r.pace === "behind" && !yearEnd ? "bg-red-50/40" : undefined}>
              {showTask && (
                <Cell className="max-w-md align-top">
                  <Link href={`/tasks/${r.task.id}`} className="hover:text-brand-700 hover:underline">
                    <span className="mr-1 tabular-nums text-stone-500">{r.task.seq}</span>
                    <ClampedText>{r.task.content}</ClampedText>
                  </Link>
                  <span className="text-xs text-stone-500">{r.task.leadUnits.join("、")}</span>
                </Cell>
              )}
              <Cell className="align-top">
                {r.indicator.name}
                <span className="ml-1 text-xs text-stone-500">{r.indicator.measure === "cumulative" ? "累计" : "水平"}</span>
              </Cell>
              <Cell className="whitespace-nowrap align-top tabular-nums">{targetText(r.indicator)}</Cell>
              <Cell className="whitespace-nowrap align-top tabular-nums">
                {r.latest ? (
                  <>
                    {r.latest.value.toLocaleString("zh-CN")}
                    {r.indicator.unit}
                    <span className="block text-xs text-stone-500">{r.latest.periodLabel}</span>
                  </>
                ) : (
                  <span className="text-stone-400">—</span>
                )}
              </Cell>
              <Cell className="whitespace-nowrap align-top">
                <div className="flex items-center gap-2">
                  <CompletionBar completion={r.completion} expected={r.expected} />
                  <span className="tabular-nums" data-testid="indicator-completion">
                    {r.completion === null ? "—" : `${r.completion}%`}
                  </span>
                </div>
                <span className="text-xs text-stone-500">序时进度 {r.expected}%</span>
              </Cell>
              <Cell className="align-top">
                <IndicatorPaceBadge pace={r.pace} yearEnd={yearEnd} met={r.met} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
