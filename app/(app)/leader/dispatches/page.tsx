import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
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
        <DataTable columns={["日期", showLeader && "责任领导", "调度任务", "地点", "调度事项"]} caption="调度记录" testId="dispatch-list">
          {rows.map((r) => (
            <Row key={r.id} data-testid="dispatch-row">
              <LinkCell href={`/leader/dispatches/${r.id}`} className="tabular-nums">
                {r.heldOn}
              </LinkCell>
              {showLeader && <Cell>{r.leaderName}</Cell>}
              <Cell>{r.taskSeqs.map((s) => `第 ${s} 项`).join("、")}</Cell>
              <Cell>{r.location || "—"}</Cell>
              <Cell>
                {r.followUps === 0 ? (
                  <span className="text-stone-400">—</span>
                ) : (
                  <span data-testid="dispatch-open-count">
                    共 {r.followUps} 项{r.openFollowUps > 0 ? `，办理中 ${r.openFollowUps} 项` : "，均已办结"}
                  </span>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </div>
  );
}
