import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { StatCards } from "@/components/ui/stat-cards";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { requirePageFor } from "@/lib/page-guard";
import { formatShanghai, periodOf } from "@/lib/periods";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";
import { searchChoices } from "@/lib/services/choices";
import { reviewQueue } from "@/lib/services/home";
import { listTasksFor } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "督查首页" };

export default async function SupervisionHome() {
  const actor = await requirePageFor("office.read");
  const [{ plan, tasks }, { leaders, units }] = await Promise.all([listTasksFor(actor), searchChoices(actor)]);
  const queue = plan ? await reviewQueue(actor, plan.id) : [];
  const stats = [
    { label: "重点任务", value: tasks.filter((t) => !t.overall).length, href: "/tasks" },
    { label: "责任领导", value: leaders.length, href: "/tasks" },
    { label: "责任单位", value: units.length, href: "/tasks" },
    { label: "待审核报告", value: queue.length, href: "#review-queue" },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="督查室">
        <p className="text-sm text-stone-500">{plan?.title ?? "尚未导入分解表"}</p>
      </PageHeader>
      <StatCards cards={stats} />
      <section id="review-queue" className="space-y-2">
        <h2 className="font-semibold">待审核的进展报告</h2>
        <DataTable columns={["半月期", "任务", "牵头单位", "进度", "报送时间"]} empty={queue.length === 0 && "没有待审核的报告"}>
          {queue.map((r) => (
            <Row key={`${r.taskId}-${r.periodIndex}`} data-testid="review-row">
              <Cell className="whitespace-nowrap">{plan ? periodOf(plan.year, r.periodIndex).shortLabel : r.periodIndex}</Cell>
              <LinkCell href={`/tasks/${r.taskId}/reports/${r.periodIndex}`} quiet>
                {r.seq}. <span className="line-clamp-1 inline">{r.content}</span>
              </LinkCell>
              <Cell className="whitespace-nowrap">{r.unitName}</Cell>
              <Cell className="whitespace-nowrap">
                {r.percent ?? "—"}%{r.progressState && ` · ${PROGRESS_STATE_LABEL[r.progressState]}`}
              </Cell>
              <Cell className="whitespace-nowrap">
                {r.submittedAt ? formatShanghai(r.submittedAt) : "—"}
                {r.late && <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">逾期</span>}
              </Cell>
            </Row>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
