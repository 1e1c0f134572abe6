import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorTable } from "@/components/indicators/indicator-table";
import { requirePageActor } from "@/lib/auth/session";
import { APPROX_TOLERANCE, INDICATOR_PACE_LABEL, PACE_TOLERANCE, type IndicatorPace } from "@/lib/indicators/completion";
import { parseTrackingSearch, trackingQuery } from "@/lib/indicators/filters";
import { taskScopeOf } from "@/lib/policies";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { INDICATOR_ORDER, INDICATOR_SORTS, type IndicatorSort } from "@/lib/indicators/order";
import { type ListLocation, pagingParams, parsePaging } from "@/lib/paging";
import { Pager } from "@/components/ui/pager";
import { scopeNote } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "目标跟踪" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const COUNT_ORDER: IndicatorPace[] = ["behind", "no_value", "on_pace", "ahead", "met"];
const COUNT_STYLE: Record<IndicatorPace, string> = {
  behind: "text-red-700",
  no_value: "text-amber-700",
  on_pace: "text-stone-800",
  ahead: "text-sky-700",
  met: "text-emerald-700",
};

/** A filter's query (`?pace=behind` or "") with the order added when it is not the default. */
function exportQuery(query: string, sort: string | undefined): string {
  if (!sort) return query;
  return query ? `${query}&sort=${sort}` : `?sort=${sort}`;
}

/** 目标跟踪: the confirmed quantitative targets of the user's tasks, against target and 序时进度 — a page at a time, filters and order in the URL. */
export default async function IndicatorsPage({ searchParams }: Search) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const filter = parseTrackingSearch(params);
  const paging = parsePaging(params, INDICATOR_SORTS, INDICATOR_ORDER);
  const tracking = await getIndicatorTracking(actor, filter, { paging });
  const { page } = tracking;
  const at: ListLocation<IndicatorSort> = {
    path: "/indicators",
    filters: [...new URLSearchParams(trackingQuery(filter))],
    paging: { ...paging, page: page.page },
    fallback: INDICATOR_ORDER,
  };
  // The export's order is the page's.
  const order = Object.fromEntries(pagingParams({ ...paging, page: 1 }, INDICATOR_ORDER)).sort;
  const yearEnd = filter.view === "year-end";
  const { counts } = tracking;
  const notMet = counts.tracked - counts.met;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title="目标跟踪">
          <p className="text-sm text-stone-500">
            {tracking.plan ? tracking.coverage : "尚未导入分解表"} · 已确认的量化指标{" "}
            <strong className="text-stone-900" data-testid="tracked-count">
              {counts.tracked}
            </strong>{" "}
            项{scopeNote(taskScopeOf(actor), "任务")}
            {tracking.proposed > 0 && (
              <span data-testid="proposed-count">
                {" "}
                · 另有 <strong className="text-amber-700">{tracking.proposed}</strong> 项从任务文字中识别出的指标待牵头单位确认（在任务详情页确认后开始跟踪）
              </span>
            )}
          </p>
        </PageHeader>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link
            href={`/indicators${trackingQuery(filter, { view: yearEnd ? undefined : "year-end", pace: undefined })}`}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50"
            data-testid="year-end-toggle"
          >
            {yearEnd ? "按序时进度查看" : "年终达标情况"}
          </Link>
          <a
            href={`/api/export/indicators${exportQuery(trackingQuery({ ...filter, view: undefined }), order)}`}
            download
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50"
            data-testid="export-indicators"
          >
            导出（Excel）
          </a>
        </div>
      </div>

      {yearEnd ? (
        <section className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="year-end-summary">
          <p>
            {tracking.yearOver ? `${tracking.plan?.year ?? ""}年度已结束。` : `${tracking.plan?.year ?? ""}年度尚未结束，以下按目前最新填报值判断。`}
            已达标 <strong className="text-emerald-700">{counts.met}</strong> 项，未达标 <strong className="text-red-700">{notMet}</strong> 项
            {counts.no_value > 0 ? `（其中 ${counts.no_value} 项从未填报）` : ""}。
          </p>
        </section>
      ) : (
        <nav aria-label="按状态筛选" className="grid grid-cols-2 gap-2 sm:grid-cols-6" data-testid="indicator-counts">
          <Link
            href={`/indicators${trackingQuery(filter, { pace: undefined })}`}
            className={`rounded border bg-white p-3 hover:bg-stone-50 ${filter.pace ? "border-stone-200" : "border-brand-600"}`}
          >
            <span className="block text-xs text-stone-500">全部</span>
            <span className="text-2xl font-semibold tabular-nums">{counts.tracked}</span>
          </Link>
          {COUNT_ORDER.map((pace) => (
            <Link
              key={pace}
              href={`/indicators${trackingQuery(filter, { pace })}`}
              data-testid={`count-${pace}`}
              className={`rounded border bg-white p-3 hover:bg-stone-50 ${filter.pace === pace ? "border-brand-600" : "border-stone-200"}`}
            >
              <span className="block text-xs text-stone-500">{INDICATOR_PACE_LABEL[pace]}</span>
              <span className={`text-2xl font-semibold tabular-nums ${COUNT_STYLE[pace]}`}>{counts[pace]}</span>
            </Link>
          ))}
        </nav>
      )}

      <IndicatorTable rows={page.rows} yearEnd={yearEnd} caption="量化指标跟踪" at={at} />
      {page.total > 0 && <Pager at={at} page={page.page} pages={page.pages} total={page.total} unit="项" />}

      <details className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-600" data-testid="indicator-legend">
        <summary className="cursor-pointer font-medium text-stone-800">规则说明</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>只跟踪牵头单位确认过的指标；数值取最近一次已报送（含已审核）报告中的填报值。</li>
          <li>累计指标的完成率 =（最新值 − 基数）÷（目标 − 基数），无基数按 0 计；“以上”“达到”在达到目标时达标，“超过”须高于目标。</li>
          <li>“以内”“控制在”“不超过”越低越好：不高于目标即达标；高于目标时完成率 = 目标 ÷ 最新值（有高于目标的基数时，按从基数降到目标走过的比例）。</li>
          <li>“左右”在目标上下 {APPROX_TOLERANCE * 100}% 以内即达标（如 8%左右：7.6%–8.4%）。</li>
          <li>
            序时进度 = 任务时限内已过去的时间比例（自当年 1 月 1 日起，至任务完成时限，未定时限的至年底）。累计指标完成率低于序时进度 {PACE_TOLERANCE}{" "}
            个百分点以上为“滞后序时”，高出 {PACE_TOLERANCE} 个百分点以上为“超序时”；水平指标（增长率、比率等）目前未达到目标即为“滞后序时”。
          </li>
        </ul>
      </details>
    </div>
  );
}
