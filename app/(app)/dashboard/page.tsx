import type { Metadata } from "next";
import Link from "next/link";
import { CountCards } from "@/components/leader/count-cards";
import { LeaderTable, UnitTable } from "@/components/leader/group-table";
import { DashboardLegend } from "@/components/leader/legend";
import { ProgressChart } from "@/components/leader/progress-chart";
import { PlanSwitcher } from "@/components/plans/plan-switcher";
import { dashboardQuery, parseDashboardQuery } from "@/lib/leader/filters";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getGovernmentDashboard } from "@/lib/services/leader-dashboard";
import { TitledSection } from "@/components/ui/headed-section";
import { Pager } from "@/components/ui/pager";
import { BOARD_ORDER, parseBoardPaging } from "@/lib/leader/task-order";

export const metadata: Metadata = { title: "全局视图" };

/** 全局视图: leaders and lead units side by side, for 王国泉, the administrator and the office. */
export default async function GovernmentDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("leader.read");
  const params = await searchParams;
  const q = parseDashboardQuery(params);
  // The lead units are paged (200 of them at a county's scale); the leaders are few and all shown.
  const unitPaging = parseBoardPaging(params);
  const dash = await orNotFound(getGovernmentDashboard(actor, { choice: { planId: q.plan }, unitPaging }));
  if (!dash) return <p className="text-sm text-stone-500">尚未导入分解表。</p>;
  const scope = await resolvePlanScope(actor, { planId: q.plan });
  const tasksHref = (query: Parameters<typeof dashboardQuery>[0]) => `/dashboard/tasks${dashboardQuery({ plan: q.plan, ...query })}`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold">全局视图</h1>
          <p className="text-sm text-stone-500">
            {dash.plans.length === 1 ? `${dash.plan.title} · ` : ""}重点工作任务{" "}
            <strong className="text-stone-900" data-testid="task-count">
              {dash.counts.tasks}
            </strong>{" "}
            项 · 截至 {formatShanghai(dash.at)}
          </p>
          <PlanSwitcher scope={scope} path="/dashboard" />
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href={`/leader/digest${dashboardQuery({ plan: q.plan })}`} className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50">
            简报（打印）
          </Link>
        </div>
      </div>

      <CountCards counts={dash.counts} hrefFor={(change) => tasksHref(change)} active={{}} />

      <TitledSection id="leaders-heading" title="各责任领导">
        <LeaderTable rows={dash.leaders} hrefFor={(leader, change = {}) => tasksHref({ leader, ...change })} />
      </TitledSection>

      <div className="grid gap-4 lg:grid-cols-2">
        <TitledSection id="units-heading" className="min-w-0 space-y-2" title="各牵头单位（按时报送率低的在前）">
          <UnitTable rows={dash.units.rows} caption="各牵头单位对比" hrefFor={(unit, change = {}) => tasksHref({ unit, ...change })} />
          <Pager
            at={{
              path: "/dashboard",
              filters: [...new URLSearchParams(dashboardQuery({ plan: q.plan }))],
              paging: { ...unitPaging, page: dash.units.page, sort: BOARD_ORDER },
              fallback: BOARD_ORDER,
            }}
            page={dash.units.page}
            pages={dash.units.pages}
            total={dash.units.total}
            unit="个单位"
          />
        </TitledSection>
        <div className="min-w-0 space-y-4">
          <ProgressChart series={dash.series} title="全部任务进度走势" hrefFor={(period) => `/leader/digest${dashboardQuery({ plan: q.plan, period })}`} />
          <DashboardLegend />
        </div>
      </div>
    </div>
  );
}
