import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { TaskTable } from "@/components/tasks/task-table";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/policies";
import { UNIT_KIND_LABEL } from "@/lib/units";
import { idParam, orNotFound } from "@/lib/page-guard";
import { getUnitPageFor } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "单位" };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { unit, plan, lead, cooperating } = await orNotFound(getUnitPageFor(actor, idParam((await params).id)));
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
      <section className="space-y-2">
        <h2 className="font-semibold">牵头的任务（{lead.length}）</h2>
        <TaskTable tasks={lead} caption="牵头的任务" year={plan?.year ?? null} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">配合的任务（{cooperating.length}）</h2>
        <TaskTable tasks={cooperating} caption="配合的任务" year={plan?.year ?? null} />
      </section>
    </div>
  );
}
