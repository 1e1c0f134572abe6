import type { Metadata } from "next";
import { HEAVY_ROW_PAGE_SIZES } from "@/lib/paging";
import Link from "next/link";
import { LeaderIndicators } from "@/components/indicators/leader-indicators";
import { AttentionBlock } from "@/components/leader/attention";
import { CountCards } from "@/components/leader/count-cards";
import { DashboardTabs } from "@/components/leader/dashboard-tabs";
import { UnitTable } from "@/components/leader/group-table";
import { DashboardLegend } from "@/components/leader/legend";
import { ProgressChart } from "@/components/leader/progress-chart";
import { DashboardTaskList } from "@/components/leader/task-list";
import { BoardSortBar } from "@/components/leader/board-sort-bar";
import { Pager } from "@/components/ui/pager";
import { dashboardQuery, parseDashboardQuery } from "@/lib/leader/filters";
import { BOARD_ORDER, parseBoardPaging } from "@/lib/leader/task-order";
import { PACE_LABEL } from "@/lib/leader/pace";
import { SIGNAL_LABEL } from "@/lib/leader/signal";
import { leaderView, type LeaderView } from "@/lib/leader/views";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { can } from "@/lib/policies";
import { getLeaderDashboard } from "@/lib/services/leader-dashboard";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { PlanSwitcher } from "@/components/plans/plan-switcher";
import { TitledSection } from "@/components/ui/headed-section";

export const metadata: Metadata = { title: "我的任务" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 领导驾驶舱: the leader's tasks (王国泉, the office and the administrator: every task, or ?leader=ID).
 * The first screen answers 「what needs me now」; the task list, the units with the chart and the
 * 量化指标 are tabs (`?view=`), server-rendered.
 */
export default async function LeaderHome({ searchParams }: Search) {
  const actor = await requirePageFor("leader.read");
  const params = await searchParams;
  const q = parseDashboardQuery(params);
  const paging = parseBoardPaging(params);
  const filtered = q.pace || q.signal || q.unit || q.stale || q.requests;
  const view = leaderView(params.view, Boolean(filtered));
  const dash = await orNotFound(
    getLeaderDashboard(actor, {
      leaderId: q.leader,
      choice: { planId: q.plan },
      filter: { pace: q.pace, signal: q.signal, unit: q.unit, stale: q.stale, requests: q.requests },
      paging: view === "tasks" ? paging : undefined,
      unitPaging: view === "units" ? paging : undefined,
    }),
  );
  if (!dash) return <p className="text-sm text-stone-500">尚未导入分解表。</p>;
  const scope = await resolvePlanScope(actor, { planId: q.plan });
  const scopeQuery = { leader: q.leader, plan: q.plan };
  const href = (change: Parameters<typeof dashboardQuery>[1] = {}) => `/leader${dashboardQuery(scopeQuery, change)}`;
  const own = can(actor, "leader.act") && dash.scope.kind === "leader" && dash.scope.leaderId === actor.leaderId;
  const unitName = dash.unitName ?? undefined;
  const scopeText = dashboardQuery(scopeQuery);
  const viewHref = (v: LeaderView) => `/leader${scopeText}${scopeText ? "&" : "?"}view=${v}`;
  // The task list's pages and orders keep the scope, the filter and the view.
  const listAt = {
    path: "/leader",
    filters: [
      ...new URLSearchParams(dashboardQuery({ ...scopeQuery, pace: q.pace, signal: q.signal, unit: q.unit, stale: q.stale, requests: q.requests })),
      ["view", "tasks"] as [string, string],
    ],
    paging: { ...paging, page: dash.tasks.page },
    sizes: HEAVY_ROW_PAGE_SIZES,
    fallback: BOARD_ORDER,
  };
  const unitsAt = {
    path: "/leader",
    filters: [...new URLSearchParams(scopeText), ["view", "units"] as [string, string]],
    paging: { ...paging, page: dash.units.page, sort: BOARD_ORDER },
    fallback: BOARD_ORDER,
    sizes: HEAVY_ROW_PAGE_SIZES,
  };
  const filterWords = [
    unitName && `牵头单位：${unitName}`,
    q.pace && PACE_LABEL[q.pace],
    q.signal && SIGNAL_LABEL[q.signal],
    q.stale && "超过两周未调度",
    q.requests && "有未解决的需协调事项",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="readable space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">
            {own ? `${actor.displayName}，您好` : dash.leaderName ? `${dash.leaderName} 负责的任务` : "全部重点工作任务"}
          </h1>
          <p className="text-sm text-stone-500">
            {dash.plans.length === 1 ? `${dash.plan.title} · ` : ""}
            {own ? "您负责的" : ""}任务{" "}
            <strong data-testid="task-count" className="text-stone-900">
              {dash.counts.tasks}
            </strong>{" "}
            项 · 截至 {formatShanghai(dash.at)}
          </p>
          <PlanSwitcher scope={scope} path="/leader" keep={{ leader: q.leader }} />
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link
            href={`/leader/digest${scopeText}`}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50"
            data-testid="digest-link"
          >
            简报（打印）
          </Link>
          <Link href="/leader/coordination" className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50">
            需协调事项
          </Link>
          {can(actor, "leader.all") && (
            <Link href="/dashboard" className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50" data-testid="government-link">
              全局视图
            </Link>
          )}
        </div>
      </div>

      <DashboardTabs current={view} hrefFor={viewHref} counts={{ tasks: dash.counts.tasks }} />

      {view === "attention" && (
        <>
          <AttentionBlock attention={dash.attention} allRedHref={`${href({ signal: "red" })}#tasks`} />
          <section aria-label="任务概况" className="space-y-2">
            <CountCards counts={dash.counts} hrefFor={(change) => `${href(change)}#tasks`} active={{}} />
          </section>
        </>
      )}

      {view === "tasks" && (
        <>
          <CountCards
            counts={dash.counts}
            hrefFor={(change) => `${href(change)}#tasks`}
            active={{ pace: q.pace, signal: q.signal, stale: q.stale, requests: q.requests }}
          />
          <section id="tasks" aria-labelledby="tasks-heading" className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="tasks-heading" className="font-semibold">
                {filtered ? `筛选：${filterWords}` : "全部任务"}
                <span className="ml-2 text-sm font-normal text-stone-500" data-testid="list-count">
                  共 {dash.tasks.total} 项
                </span>
              </h2>
              {filtered && (
                <Link href={href()} className="text-sm text-brand-700 hover:underline">
                  显示全部
                </Link>
              )}
            </div>
            <BoardSortBar at={listAt} />
            <DashboardTaskList tasks={dash.tasks.rows} year={dash.plan.year} />
            <Pager at={listAt} page={dash.tasks.page} pages={dash.tasks.pages} total={dash.tasks.total} unit="项" />
          </section>
          <DashboardLegend />
        </>
      )}

      {view === "units" && (
        <div className="grid gap-4 lg:grid-cols-2">
          <ProgressChart series={dash.series} hrefFor={(period) => `/leader/digest${dashboardQuery(scopeQuery, { period })}`} />
          <TitledSection id="units-heading" className="min-w-0 space-y-2" title="牵头单位">
            <UnitTable
              rows={dash.units.rows}
              caption="牵头单位按时报送率与进度"
              hrefFor={(unitId, change = {}) => `${href({ unit: unitId, ...change })}#tasks`}
            />
            <Pager at={unitsAt} page={dash.units.page} pages={dash.units.pages} total={dash.units.total} unit="个单位" />
          </TitledSection>
        </div>
      )}

      {view === "indicators" && <LeaderIndicators actor={actor} filter={{ leader: q.leader }} />}
    </div>
  );
}
