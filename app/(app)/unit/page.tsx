import type { Metadata } from "next";
import { TaskTable } from "@/components/tasks/task-table";
import { requirePageActor } from "@/lib/auth/session";
import { getUnit } from "@/lib/data/units";
import { listUnitTasks } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "本单位工作台" };

export default async function UnitHome() {
  const actor = await requirePageActor("unit");
  const unitId = actor.unitId!;
  const [unit, { plan, lead, cooperating }] = await Promise.all([getUnit(unitId), listUnitTasks(actor, unitId)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{unit?.name}</h1>
        <p className="text-sm text-stone-500">
          {plan?.title ?? "尚未导入分解表"} · 牵头 <strong data-testid="lead-count" className="text-stone-900">{lead.length}</strong> 项 · 配合{" "}
          <strong data-testid="cooperating-count" className="text-stone-900">{cooperating.length}</strong> 项
        </p>
      </div>
      <section className="space-y-2">
        <h2 className="font-semibold">本单位牵头的任务</h2>
        <TaskTable tasks={lead} caption="本单位牵头的任务" />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">本单位配合的任务</h2>
        <TaskTable tasks={cooperating} caption="本单位配合的任务" />
      </section>
    </div>
  );
}
