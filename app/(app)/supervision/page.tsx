import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
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
      <div className="grid gap-4 sm:grid-cols-4">
        {stats.map((s) => (
          <Link key={s.label} href={s.href} className="rounded border border-stone-200 bg-white p-4 hover:border-brand-600">
            <div className="text-sm text-stone-500">{s.label}</div>
            <div className="mt-1 text-3xl font-semibold tabular-nums">{s.value}</div>
          </Link>
        ))}
      </div>
      <section id="review-queue" className="space-y-2">
        <h2 className="font-semibold">待审核的进展报告</h2>
        <div className="overflow-x-auto rounded border border-stone-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-stone-100 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  半月期
                </th>
                <th scope="col" className="px-3 py-2">
                  任务
                </th>
                <th scope="col" className="px-3 py-2">
                  牵头单位
                </th>
                <th scope="col" className="px-3 py-2">
                  进度
                </th>
                <th scope="col" className="px-3 py-2">
                  报送时间
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={`${r.taskId}-${r.periodIndex}`} className="border-t border-stone-100" data-testid="review-row">
                  <td className="whitespace-nowrap px-3 py-2">{plan ? periodOf(plan.year, r.periodIndex).shortLabel : r.periodIndex}</td>
                  <td className="px-3 py-2">
                    <Link href={`/tasks/${r.taskId}/reports/${r.periodIndex}`} className="hover:text-brand-700 hover:underline">
                      {r.seq}. <span className="line-clamp-1 inline">{r.content}</span>
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{r.unitName}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {r.percent ?? "—"}%{r.progressState && ` · ${PROGRESS_STATE_LABEL[r.progressState]}`}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {r.submittedAt ? formatShanghai(r.submittedAt) : "—"}
                    {r.late && <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">逾期</span>}
                  </td>
                </tr>
              ))}
              {queue.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-3 py-6 text-center text-stone-500">
                    没有待审核的报告
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
