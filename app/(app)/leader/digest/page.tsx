import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";
import type { Metadata } from "next";
import Link from "next/link";
import { DIGEST_PRINT_CSS, DigestTable } from "@/components/leader/digest-table";
import { PrintButton } from "@/components/ui/print-button";
import { dashboardQuery, parseDashboardQuery } from "@/lib/leader/filters";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { taskScopeOf } from "@/lib/policies";
import { getLeaderDigest } from "@/lib/services/leader-dashboard";

export const metadata: Metadata = { title: "领导简报" };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 领导简报 (?period=N, and ?leader=ID for 王国泉, the office and the administrator): one printable page. */
export default async function LeaderDigestPage({ searchParams }: Search) {
  const actor = await requirePageFor("leader.read");
  const q = parseDashboardQuery(await searchParams);
  const digest = await orNotFound(getLeaderDigest(actor, { leaderId: q.leader, periodIndex: q.period, choice: { planId: q.plan } }));
  if (!digest) return <p className="text-sm text-stone-500">尚未导入分解表。</p>;
  const choice = digest.periods.find((p) => p.index === digest.period.index)!;
  const c = digest.counts;
  const who = digest.leaderName ?? (taskScopeOf(actor).kind === "leader" ? actor.displayName : "全部任务");
  return (
    <div className="space-y-3">
      <style>{DIGEST_PRINT_CSS}</style>
      <div className="digest-toolbar flex flex-wrap items-end gap-3 print:hidden">
        <Link href={`/leader${dashboardQuery({ leader: q.leader, plan: q.plan })}`} className="text-sm text-brand-700 hover:underline">
          ← 返回
        </Link>
        <FilterForm className="flex flex-wrap items-end gap-2 text-sm">
          <HiddenFields values={{ leader: q.leader, plan: q.plan }} />
          <FilterSelect
            label="期次"
            name="period"
            value={digest.period.index}
            options={digest.periods.map((p) => ({ value: p.index, label: p.label }))}
            className="rounded border border-stone-300 bg-white px-2 py-1.5"
          />
          <FilterActions submit="查看" />
        </FilterForm>
        <PrintButton testId="print-digest" />
      </div>
      <article className="digest mx-auto max-w-[210mm] rounded border border-stone-200 bg-white p-4" data-testid="digest">
        <header className="mb-2 border-b-2 border-brand-700 pb-2 text-center">
          <h1 className="text-lg font-bold">领导简报 · {who}</h1>
          <p className="text-xs text-stone-600">
            {digest.period.label} · 生成于 {formatShanghai(digest.at)}
          </p>
          <p className="text-xs text-stone-600" data-testid="plan-coverage">
            {digest.coverage}
          </p>
        </header>
        <p className="mb-2 text-xs" data-testid="digest-summary">
          任务 {c.tasks} 项：超进度 {c.pace.ahead}、达进度 {c.pace.on_pace}、欠进度 {c.pace.behind}、已完成 {c.pace.completed}、未报送 {c.pace.unreported}；红灯{" "}
          {c.signal.red}、黄灯 {c.signal.amber}、绿灯 {c.signal.green}；未解决需协调事项 {c.openCoordinationRequests} 项；超过两周未调度 {c.staleDispatch} 项。
        </p>
        <DigestTable rows={digest.rows} due={choice.due} />
        <p className="mt-2 text-[10px] text-stone-500">
          进度为本期报告所报；带 * 的为本期未报、取最近一次已报送的进度。序时进度、进度状态与红黄绿灯的规则见领导驾驶舱“图例与规则说明”。
        </p>
      </article>
    </div>
  );
}
