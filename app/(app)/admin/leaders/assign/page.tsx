import { PageHeader } from "@/components/ui/page-header";
import { FilterActions, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import type { Metadata } from "next";
import Link from "next/link";
import { LeaderAssignmentBoard } from "@/components/admin/leader-assignment-board";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getLeaderAssignment } from "@/lib/services/leader-assignment";
import { taskNumber } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "指定责任领导" };

function planParam(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const id = Number(text);
  return text && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export default async function AssignLeadersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("admin.manage");
  const view = await orNotFound(getLeaderAssignment(actor, planParam((await searchParams).plan)));
  const { plan } = view;

  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/admin/leaders", label: "责任领导" }} title="指定责任领导">
        <p className="mt-1 text-sm text-stone-500">
          有些分解表没有“责任领导”一栏。这里按牵头单位列出尚未指定责任领导的任务，可按单位的分管领导一次指定；只会为没有责任领导的任务指定，不会改动已有的。单个任务也可在任务页面指定。
        </p>
      </PageHeader>
      {view.plans.length > 1 && (
        <FilterForm className="flex items-end gap-2 text-sm">
          <FilterSelect label="分解表" name="plan" value={plan?.id} options={view.plans.map((p) => ({ value: p.id, label: p.title }))} />
          <FilterActions submit="查看" />
        </FilterForm>
      )}
      {!plan ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">尚未导入目标任务分解表</p>
      ) : (
        <>
          <p className="text-sm" data-testid="leaderless-total">
            {plan.title}：
            {view.total > 0 ? (
              <>
                共 <strong className="tabular-nums">{view.total}</strong> 项任务尚未指定责任领导
              </>
            ) : (
              "所有任务都已指定责任领导"
            )}
          </p>
          {view.groups.length > 0 && (
            <LeaderAssignmentBoard
              planId={plan.id}
              leaders={view.leaders}
              groups={view.groups.map((g) => ({
                unit: {
                  id: g.unit.id,
                  name: g.unit.name,
                  active: g.unit.active,
                  supervisingLeaderId: g.unit.supervisingLeaderId,
                  supervisingLeaderName: g.unit.supervisingLeaderName,
                },
                tasks: g.tasks.map((t) => ({ id: t.id, number: taskNumber(t), content: t.content })),
              }))}
            />
          )}
          {view.withoutLeadUnit.length > 0 && (
            <section aria-labelledby="without-lead-unit" className="space-y-2 rounded border border-stone-200 bg-white p-4">
              <h2 id="without-lead-unit" className="font-medium">
                没有直接牵头单位的任务（{view.withoutLeadUnit.length}）
              </h2>
              <p className="text-sm text-stone-500">这些任务由集合单位牵头或未写牵头单位，请在任务页面逐项指定。</p>
              <ul className="space-y-1 text-sm">
                {view.withoutLeadUnit.map((t) => (
                  <li key={t.id} className="flex gap-2">
                    <span className="w-10 shrink-0 tabular-nums text-stone-500">{taskNumber(t)}</span>
                    <Link href={`/tasks/${t.id}`} className="text-brand-700 hover:underline">
                      {t.content}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
