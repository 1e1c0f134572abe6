import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { IndicatorSummaryView } from "@/components/indicators/indicator-summary";
import { CountLinks } from "@/components/overview/count-links";
import { OverviewFilterForm } from "@/components/overview/overview-filter-form";
import { OverviewTable } from "@/components/overview/overview-table";
import { overviewQuery, parseOverviewSearch } from "@/lib/overview/filters";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatDue } from "@/lib/periods";
import { searchChoices } from "@/lib/services/choices";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { getPeriodOverview } from "@/lib/services/overview";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { PlanSwitcher } from "@/components/plans/plan-switcher";

export const metadata: Metadata = { title: "督查总览" };

const PATH = "/supervision/overview";

/** 督查总览: one period, every task's report state, counts that filter, the copy flag, the export. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("supervision.view");
  const filter = parseOverviewSearch(await searchParams);
  const [overview, { leaders, units }] = await Promise.all([orNotFound(getPeriodOverview(actor, filter)), searchChoices(actor)]);
  if (!overview) {
    return (
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">督查总览</h1>
        <p className="text-sm text-stone-500">尚未导入目标任务分解表。</p>
      </div>
    );
  }
  const { period, filter: applied } = overview;
  const scope = await resolvePlanScope(actor, { planId: filter.planId });
  const indicatorFilter = { leader: applied.leaderId, unit: applied.unitId };
  const indicators = await getIndicatorTracking(actor, indicatorFilter);
  const behindByTask = new Map<number, number>();
  for (const row of indicators.rows) if (row.pace === "behind") behindByTask.set(row.task.id, (behindByTask.get(row.task.id) ?? 0) + 1);
  const query = overviewQuery(applied);
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
            href={`/api/export/overview?${query}`}
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
      <OverviewFilterForm action={PATH} filter={applied} periods={overview.periods} leaders={leaders} units={units} />
      <p className="text-sm text-stone-500" data-testid="shown-count">
        显示 {overview.rows.length} 项
      </p>
      <OverviewTable rows={overview.rows} periodIndex={period.index} indicatorsBehind={behindByTask} />
    </div>
  );
}
