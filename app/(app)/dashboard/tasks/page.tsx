import type { Metadata } from "next";
import { HEAVY_ROW_PAGE_SIZES } from "@/lib/paging";
import Link from "next/link";
import { BoardSortBar } from "@/components/leader/board-sort-bar";
import { DashboardTaskList } from "@/components/leader/task-list";
import { Pager } from "@/components/ui/pager";
import { dashboardQuery, parseDashboardQuery } from "@/lib/leader/filters";
import { BOARD_ORDER, parseBoardPaging } from "@/lib/leader/task-order";
import { PACE_LABEL } from "@/lib/leader/pace";
import { SIGNAL_LABEL } from "@/lib/leader/signal";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { listDashboardTasks } from "@/lib/services/leader-dashboard";

export const metadata: Metadata = { title: "任务明细" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The tasks behind a number of the dashboards (a leader: only their own). */
export default async function DashboardTasksPage({ searchParams }: Search) {
  const actor = await requirePageFor("leader.read");
  const params = await searchParams;
  const q = parseDashboardQuery(params);
  const paging = parseBoardPaging(params);
  const result = await orNotFound(listDashboardTasks(actor, q, { choice: { planId: q.plan }, paging }));
  if (!result) return <p className="text-sm text-stone-500">尚未导入分解表。</p>;
  const unitName = q.unit ? (result.unitName ?? "（无任务）") : undefined;
  const listAt = {
    path: "/dashboard/tasks",
    filters: [...new URLSearchParams(dashboardQuery({ ...q, period: undefined }))],
    paging: { ...paging, page: result.tasks.page },
    fallback: BOARD_ORDER,
    sizes: HEAVY_ROW_PAGE_SIZES,
  };
  const words = [
    result.leaderName && `责任领导：${result.leaderName}`,
    unitName && `牵头单位：${unitName}`,
    q.pace && PACE_LABEL[q.pace],
    q.signal && SIGNAL_LABEL[q.signal],
    q.stale && "超过两周未调度",
    q.requests && "有未解决的需协调事项",
  ].filter(Boolean);
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm">
          <Link href={q.plan ? `/dashboard?plan=${q.plan}` : "/dashboard"} className="text-brand-700 hover:underline">
            ← 全局视图
          </Link>
        </p>
        <h1 className="text-xl font-semibold">任务明细</h1>
        <p className="text-sm text-stone-500" data-testid="drill-filter">
          {words.length > 0 ? words.join(" · ") : "全部任务"} · 共{" "}
          <strong className="text-stone-900" data-testid="list-count">
            {result.tasks.total}
          </strong>{" "}
          项
        </p>
        <p className="text-sm text-stone-500" data-testid="plan-coverage">
          {result.coverage}
        </p>
      </div>
      <BoardSortBar at={listAt} />
      <DashboardTaskList tasks={result.tasks.rows} year={result.plan.year} />
      <Pager at={listAt} page={result.tasks.page} pages={result.tasks.pages} total={result.tasks.total} unit="项" />
    </div>
  );
}
