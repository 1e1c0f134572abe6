import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { StatCards } from "@/components/ui/stat-cards";
import Link from "next/link";
import { requirePageFor } from "@/lib/page-guard";
import { loadLivePlans } from "@/lib/plans/live";
import { coverageText } from "@/lib/plans/scope";
import { adminHomeCounts } from "@/lib/services/home";

export const metadata: Metadata = { title: "管理首页" };

export default async function AdminHome() {
  const actor = await requirePageFor("admin.manage");
  const plans = await loadLivePlans();
  const counts = await adminHomeCounts(
    actor,
    plans.map((p) => p.id),
  );
  const cards = [
    { label: "重点任务", value: counts.tasks, href: "/tasks" },
    { label: "单位", value: counts.units, href: "/admin/units" },
    { label: "责任领导", value: counts.leaders, href: "/admin/leaders" },
    { label: "启用的账号", value: counts.accounts, href: "/admin/users" },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title="系统管理">
          <p className="text-sm text-stone-500" data-testid="plan-coverage">
            {plans.length ? `执行中的分解表：${plans.map((p) => p.title).join("、")}` : "尚未导入目标任务分解表"}
          </p>
          {plans.length > 0 && <p className="text-xs text-stone-500">重点任务数{coverageText(plans)}</p>}
        </PageHeader>
        <Link href="/admin/import" className="rounded bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800">
          导入分解表
        </Link>
      </div>
      <StatCards cards={cards} />
    </div>
  );
}
