import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorSummaryView } from "@/components/indicators/indicator-summary";
import { CountLinks } from "@/components/overview/count-links";
import { OverviewFilterForm } from "@/components/overview/overview-filter-form";
import { OverviewTable } from "@/components/overview/overview-table";
import { overviewQuery, parseOverviewSearch } from "@/lib/overview/filters";
import { OVERVIEW_ORDER, OVERVIEW_SORTS, type OverviewSort } from "@/lib/overview/order";
import { HEAVY_ROW_PAGE_SIZES, type ListLocation, pagingParams, parsePaging } from "@/lib/paging";
import { Pager } from "@/components/ui/pager";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatDue } from "@/lib/periods";
import { searchChoices } from "@/lib/services/choices";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { getPeriodOverview } from "@/lib/services/overview";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { PlanSwitcher } from "@/components/plans/plan-switcher";

export const metadata: Metadata = { title: "督查总览" };

const PATH = "/supervision/overview";

/**
 * 督查总览: one period, a page of its tasks' report states (filters, order and page in the URL),
 * counts of the whole selection that filter, the copy flag, the export of the whole selection.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("supervision.view");
  const params = await searchParams;
  const filter = parseOverviewSearch(params);
  const paging = parsePaging(params, OVERVIEW_SORTS, OVERVIEW_ORDER, HEAVY_ROW_PAGE_SIZES);
  const [overview, { leaders, units }] = await Promise.all([orNotFound(getPeriodOverview(actor, filter, { paging })), searchChoices(actor)]);
  if (!overview) {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">督查总览</h1>
        <p className="text-sm text-stone-500">尚未导入目标任务分解表。</p>
      </div>
    );
  }
  const { period, filter: applied, page } = overview;
  const indicatorFilter = { leader: applied.leaderId, unit: applied.unitId };
  // Only tasks with indicators are read (a few dozen of thousands); the page's rows are marked.
  const [scope, indicators] = await Promise.all([resolvePlanScope(actor, { planId: filter.planId }), getIndicatorTracking(actor, indicatorFilter)]);
  const onPage = new Set(page.rows.map((r) => r.taskId));
  const behindByTask = new Map<number, number>();
  for (const row of indicators.rows) {
    if (row.pace === "behind" && onPage.has(row.task.id)) behindByTask.set(row.task.id, (behindByTask.get(row.task.id) ?? 0) + 1);
  }
  const query = overviewQuery(applied);
  const at: ListLocation<OverviewSort> = {
    path: PATH,
    filters: [...new URLSearchParams(query)],
    paging: { ...overview.paging, page: page.page },
    fallback: OVERVIEW_ORDER,
    sizes: HEAVY_ROW_PAGE_SIZES,
  };
  // Kept when the filter changes (the order and page size), and the export's order.
  const keep = Object.fromEntries(pagingParams({ ...overview.paging, page: 1 }, OVERVIEW_ORDER));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={<>督查总览 · {period.label}</>}>
          <p className="text-sm text-stone-500" data-testid="period-due">
            截止时间：{formatDue(period.dueAt)}
            {period.due ? "（已过截止）" : "（本期，尚未到截止时间）"} · 共 {overview.total} 项任务
          </p>
          <PlanSwitcher scope={{ ...scope, coverage: overview.coverage }} path={PATH} />
          {overview.otherYears.length > 0 && (
            <p className="text-sm text-stone-500" data-testid="other-years">
              另有执行中的分解表不在本期：
              {overview.otherYears.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && "、"}
                  <Link href={`${PATH}?plan=${p.id}`} className="text-brand-700 hover:underline">
                    {p.label}
                  </Link>
                </span>
              ))}
              （
              {overview.otherYears
                .map((p) => p.year)
                .filter((y, i, all) => all.indexOf(y) === i)
                .join("、")}
              年的半月期，点击查看）
            </p>
          )}
        </PageHeader>
        <div className="flex gap-3 text-sm">
          <Link
            href={applied.planId ? `/supervision/matrix?plan=${applied.planId}` : "/supervision/matrix"}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50"
          >
            报送情况矩阵
          </Link>
          <a
            href={`/api/export/overview?${keep.sort ? `${query}&sort=${keep.sort}` : query}`}
            data-testid="export-overview"
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50"
            download
          >
            导出 Excel
          </a>
        </div>
      </div>
      <CountLinks counts={overview.counts} filter={applied} basePath={PATH} />
      <IndicatorSummaryView counts={indicators.counts} filter={indicatorFilter} />
      <OverviewFilterForm action={PATH} filter={applied} periods={overview.periods} leaders={leaders} units={units} keep={keep} />
      <p className="text-sm text-stone-500" data-testid="shown-count">
        符合条件 {page.total} 项
      </p>
      <OverviewTable rows={page.rows} at={at} periodIndex={period.index} indicatorsBehind={behindByTask} />
      <Pager at={at} page={page.page} pages={page.pages} total={page.total} unit="项" />
    </div>
  );
}
