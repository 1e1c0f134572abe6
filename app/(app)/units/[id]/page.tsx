import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { TaskTable } from "@/components/tasks/task-table";
import { Pager } from "@/components/ui/pager";
import type { ListLocation } from "@/lib/paging";
import { parseUnitTaskList, UNIT_TASK_ORDER, type UnitTaskRole } from "@/lib/search-params";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/policies";
import { UNIT_KIND_LABEL } from "@/lib/units";
import { idParam, orNotFound } from "@/lib/page-guard";
import { getUnitPageFor } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "单位" };

const LISTS: { role: UnitTaskRole; label: string }[] = [
  { role: "lead", label: "牵头的任务" },
  { role: "cooperating", label: "配合的任务" },
];

export default async function UnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor();
  const view = parseUnitTaskList(await searchParams);
  const { unit, plan, plans, counts, role, list } = await orNotFound(getUnitPageFor(actor, idParam((await params).id), view));
  const path = `/units/${unit.id}`;
  const at: ListLocation<"seq"> = {
    path,
    filters: role === "lead" ? [] : [["role", role]],
    paging: { ...view.paging, page: list.page },
    fallback: UNIT_TASK_ORDER,
  };
  const label = LISTS.find((l) => l.role === role)!.label;
  return (
    <div className="space-y-6">
      <PageHeader title={unit.name}>
        <p className="text-sm text-stone-500">
          {UNIT_KIND_LABEL[unit.kind]}
          {unit.aliases.length > 0 && ` · 又称 ${unit.aliases.map((a) => a.alias).join("、")}`}
          {unit.groups.length > 0 && ` · 属于 ${unit.groups.map((g) => g.name).join("、")}`}
          {can(actor, "admin.manage") && (
            <Link href={`/admin/units/${unit.id}`} className="ml-2 text-brand-700 hover:underline">
              编辑
            </Link>
          )}
        </p>
      </PageHeader>
      <nav aria-label="任务" className="flex gap-1 border-b border-stone-200 text-sm">
        {LISTS.map((l) => (
          <Link
            key={l.role}
            href={l.role === "lead" ? path : `${path}?role=${l.role}`}
            aria-current={l.role === role ? "page" : undefined}
            className={l.role === role ? "-mb-px border-b-2 border-brand-700 px-3 py-1.5 font-semibold" : "px-3 py-1.5 text-brand-700 hover:bg-stone-100"}
          >
            {l.label}（<span data-testid={`${l.role}-total`}>{counts[l.role]}</span>）
          </Link>
        ))}
      </nav>
      <section className="space-y-2">
        <TaskTable tasks={list.rows} caption={label} year={plan?.year ?? null} showPlans={plans.length > 1} />
        <Pager at={at} page={list.page} pages={list.pages} total={list.total} unit="项" />
      </section>
    </div>
  );
}
