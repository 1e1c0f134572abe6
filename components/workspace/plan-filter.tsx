/** 按分解表筛选: one link per live plan the unit has work in (kept in the URL as `?plan=`), and 全部. */
import Link from "next/link";
import type { WorkspacePlan } from "@/lib/services/workspace";

const chip = (active: boolean) =>
  `rounded-full border px-3 py-1 text-sm ${active ? "border-indigo-600 bg-indigo-600 text-white" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-50"}`;

export function PlanFilter({ plans, chosen, basePath = "/unit" }: { plans: WorkspacePlan[]; chosen: number | null; basePath?: string }) {
  return (
    <nav aria-label="按分解表筛选" className="flex flex-wrap items-center gap-2" data-testid="plan-filter">
      <span className="text-sm text-stone-500">分解表：</span>
      <Link href={basePath} className={chip(chosen === null)} aria-current={chosen === null ? "page" : undefined} data-testid="plan-filter-all">
        全部
      </Link>
      {plans.map((plan) => (
        <Link
          key={plan.id}
          href={`${basePath}?plan=${plan.id}`}
          className={chip(chosen === plan.id)}
          aria-current={chosen === plan.id ? "page" : undefined}
          title={plan.title}
          data-testid="plan-filter-option"
          data-plan={plan.id}
        >
          {plan.label}
          <span className="ml-1 opacity-75">
            （牵头 {plan.counts.lead} · 配合 {plan.counts.cooperating}）
          </span>
        </Link>
      ))}
    </nav>
  );
}
