import type { Metadata } from "next";
import Link from "next/link";
import { DashboardTaskList } from "@/components/leader/task-list";
import { parseDashboardQuery } from "@/lib/leader/filters";
import { PACE_LABEL } from "@/lib/leader/pace";
import { SIGNAL_LABEL } from "@/lib/leader/signal";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { listDashboardTasks } from "@/lib/services/leader-dashboard";

export const metadata: Metadata = { title: "任务明细" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The tasks behind a number of the dashboards (a leader: only their own). */
export default async function DashboardTasksPage({ searchParams }: Search) {
  const actor = await requirePageFor("leader.read");
  const q = parseDashboardQuery(await searchParams);
  const result = await orNotFound(listDashboardTasks(actor, q, { choice: { planId: q.plan } }));
  if (!result) return <p className="text-sm text-stone-500">尚未导入分解表。</p>;
  const unitName = q.unit ? (result.tasks.flatMap((t) => t.leadUnits).find((u) => u.id === q.unit)?.name ?? "（无任务）") : undefined;
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
            {result.tasks.length}
          </strong>{" "}
          项（需要关注的在前）
        </p>
        <p className="text-sm text-stone-500" data-testid="plan-coverage">
          {result.coverage}
        </p>
      </div>
      <DashboardTaskList tasks={result.tasks} year={result.plan.year} />
    </div>
  );
}
