import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { ActivatePlanForm } from "@/components/plans/activate-plan-form";
import { ArchivePlanButton } from "@/components/plans/archive-plan-button";
import { requirePageFor } from "@/lib/page-guard";
import { PLAN_STATE_LABEL } from "@/lib/plans/plan-state";
import { formatDue, periodOf } from "@/lib/periods";
import { dueAtOf } from "@/lib/reporting/deadlines";
import { listPlansFor } from "@/lib/services/plans";
import { WORK_SOURCE_LABEL } from "@/lib/plans/sources";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";

export const metadata: Metadata = { title: "分解表" };

const STATE_CLASS = { draft: "bg-amber-100 text-amber-800", active: "bg-green-100 text-green-800", archived: "bg-stone-200 text-stone-700" } as const;

export default async function PlansPage() {
  const actor = await requirePageFor("plan.manage");
  const plans = await listPlansFor(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="分解表">
        <p className="text-sm text-stone-500">
          导入的分解表先是“草稿”，只有督查室和管理员能看到；开始执行后，各牵头单位从选定的半月期起报送，各单位和责任领导才能看到；归档后只能查看。
        </p>
      </PageHeader>
      <ul className="space-y-3">
        {plans.map((plan) => (
          <li key={plan.id} data-testid="plan-row" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline gap-3">
              <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_CLASS[plan.state]}`}>{PLAN_STATE_LABEL[plan.state]}</span>
              <Link href={plan.kind === "items" ? "/items" : `/tasks?plan=${plan.id}`} className="font-medium text-brand-700 hover:underline">
                {plan.title}
              </Link>
              <span className="text-sm text-stone-500">
                {plan.year} 年 · {plan.kind === "items" ? "督办事项" : WORK_SOURCE_LABEL[plan.source]} · {plan.tasks} {plan.kind === "items" ? "件" : "项任务"}
                {plan.documentNumber ? ` · ${plan.documentNumber}` : ""}
                {plan.kind === "table" && plan.cadence !== "half_monthly" ? ` · ${CADENCE_LABEL[plan.cadence]}` : ""}
                {plan.state === "active" ? ` · 从${periodOf(plan.year, plan.reportingStartPeriod).label}起报送` : ""}
              </span>
            </div>
            {plan.state !== "draft" && (
              <Link href={`/plans/${plan.id}/carry-over`} className="text-sm text-brand-700 hover:underline">
                跨年度结转未完成任务
              </Link>
            )}
            {plan.state === "active" && <ArchivePlanButton planId={plan.id} title={plan.title} />}
            {plan.activation && (
              <ActivatePlanForm
                planId={plan.id}
                title={plan.title}
                firstPeriod={plan.activation.firstPeriod}
                leadUnits={plan.activation.leadUnits}
                leadUnitNames={plan.activation.leadUnitNames}
                tasks={plan.activation.tasks}
                periods={Array.from({ length: 24 - plan.activation.firstPeriod + 1 }, (_, i) => plan.activation!.firstPeriod + i).map((index) => ({
                  index,
                  label: periodOf(plan.year, index).label,
                  due: formatDue(dueAtOf({ year: plan.year, reportingStartPeriod: index, dueOffsetDays: plan.dueOffsetDays, overrides: new Map() }, index)),
                }))}
              />
            )}
          </li>
        ))}
      </ul>
      {plans.length === 0 && <p className="text-sm text-stone-500">尚未导入分解表。</p>}
    </div>
  );
}
