import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listLeaderOptions } from "@/lib/data/leaders";
import { listUnitOptions } from "@/lib/data/units";
import { listTasksFor } from "@/lib/services/tasks";

export const metadata: Metadata = { title: "督查首页" };

export default async function SupervisionHome() {
  const actor = await requirePageActor("supervisor", "admin");
  const [{ plan, tasks }, leaders, units] = await Promise.all([listTasksFor(actor), listLeaderOptions(), listUnitOptions()]);
  const stats = [
    { label: "重点任务", value: tasks.filter((t) => !t.overall).length, href: "/tasks" },
    { label: "责任领导", value: leaders.length, href: "/tasks" },
    { label: "责任单位", value: units.length, href: "/tasks" },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">督查室</h1>
        <p className="text-sm text-stone-500">{plan?.title ?? "尚未导入分解表"}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <Link key={s.label} href={s.href} className="rounded border border-stone-200 bg-white p-4 hover:border-brand-600">
            <div className="text-sm text-stone-500">{s.label}</div>
            <div className="mt-1 text-3xl font-semibold tabular-nums">{s.value}</div>
          </Link>
        ))}
      </div>
    </div>
  );
}
