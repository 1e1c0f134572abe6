import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { listDispatchesFor } from "@/lib/services/dispatches";

export const metadata: Metadata = { title: "调度记录" };

/** A leader's dispatch records (王国泉, the administrator and the office: all), newest meeting first. */
export default async function DispatchesPage() {
  const actor = await requirePageFor("leader.read");
  const { rows, canRecord, showLeader } = await orNotFound(listDispatchesFor(actor));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="调度记录">
          <p className="text-sm text-stone-500">每周一调度：调度会的问题、议定事项和交办给责任单位的调度事项。</p>
        </PageHeader>
        {canRecord && (
          <Link href="/leader/dispatches/new" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
            记录调度
          </Link>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">尚无调度记录。</p>
      ) : (
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="min-w-full text-sm" data-testid="dispatch-list">
            <caption className="sr-only">调度记录</caption>
            <thead className="bg-stone-100 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  日期
                </th>
                {showLeader && (
                  <th scope="col" className="px-3 py-2">
                    责任领导
                  </th>
                )}
                <th scope="col" className="px-3 py-2">
                  调度任务
                </th>
                <th scope="col" className="px-3 py-2">
                  地点
                </th>
                <th scope="col" className="px-3 py-2">
                  调度事项
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-stone-100" data-testid="dispatch-row">
                  <td className="px-3 py-2 tabular-nums">
                    <Link href={`/leader/dispatches/${r.id}`} className="text-brand-700 hover:underline">
                      {r.heldOn}
                    </Link>
                  </td>
                  {showLeader && <td className="px-3 py-2">{r.leaderName}</td>}
                  <td className="px-3 py-2">{r.taskSeqs.map((s) => `第 ${s} 项`).join("、")}</td>
                  <td className="px-3 py-2">{r.location || "—"}</td>
                  <td className="px-3 py-2">
                    {r.followUps === 0 ? (
                      <span className="text-stone-400">—</span>
                    ) : (
                      <span data-testid="dispatch-open-count">
                        共 {r.followUps} 项{r.openFollowUps > 0 ? `，办理中 ${r.openFollowUps} 项` : "，均已办结"}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
