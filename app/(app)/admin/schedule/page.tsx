import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { DataTable } from "@/components/ui/table";
import { PeriodDueRow } from "@/components/schedule/period-due-row";
import { PlanScheduleForm } from "@/components/schedule/plan-schedule-form";
import { SignOffToggle } from "@/components/schedule/sign-off-toggle";
import { PlanSwitcher } from "@/components/plans/plan-switcher";
import { requirePageFor } from "@/lib/page-guard";
import { parsePlanChoice } from "@/lib/plans/scope";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { formatDue, formatShanghai } from "@/lib/periods";
import { getScheduleForAdmin } from "@/lib/services/schedule";

export const metadata: Metadata = { title: "报送设置" };

const toLocalInput = (date: Date) => formatShanghai(date).replace(" ", "T");

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("admin.manage");
  // The chosen plan's schedule (`?plan=`); the first live plan by default.
  const choice = parsePlanChoice(await searchParams);
  const scope = await resolvePlanScope(actor, choice.planId !== undefined ? { planId: choice.planId } : {});
  const plan = scope.plans[0];
  if (!plan) return <p className="text-stone-500">尚未导入分解表。</p>;
  const schedule = await getScheduleForAdmin(actor, plan.id);
  return (
    <div className="space-y-6">
      <PageHeader title="报送设置">
        <div className="my-1">
          <PlanSwitcher
            scope={{ ...scope, choice: { planId: plan.id }, coverage: `正在设置：${plan.label}（${schedule.plan.title}）`, years: [] }}
            path="/admin/schedule"
          />
        </div>
        <p className="text-sm text-stone-500">
          {schedule.plan.title}：半月一报告的起始期、截止时间规则、单期截止时间调整，以及哪些单位须经单位负责人审阅后报送。
        </p>
      </PageHeader>
      <section className="rounded border border-stone-200 bg-white p-4">
        <PlanScheduleForm
          initial={{ planId: schedule.plan.id, reportingStartPeriod: schedule.plan.reportingStartPeriod, dueOffsetDays: schedule.plan.dueOffsetDays }}
          periodLabels={schedule.periods.map((p) => p.shortLabel)}
        />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">各半月期截止时间</h2>
        <DataTable columns={["半月期", "按规则截止", "调整为", "说明", { label: <span className="sr-only">操作</span> }]}>
          {schedule.periods.map((p) => (
            <PeriodDueRow
              key={p.index}
              planId={schedule.plan.id}
              periodIndex={p.index}
              label={p.shortLabel}
              ruleDue={formatDue(p.ruleDueAt)}
              overrideLocal={p.override ? toLocalInput(p.override.dueAt) : null}
              reason={p.override?.reason ?? null}
            />
          ))}
        </DataTable>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">须经单位负责人审阅后报送（一把手审阅）</h2>
        <p className="text-sm text-stone-500">勾选的单位，填报人提交的报告须经本单位负责人同意后才算报送；逾期以负责人同意报送的时间为准。</p>
        <div className="grid gap-1 rounded border border-stone-200 bg-white p-4 sm:grid-cols-3">
          {schedule.units.map((u) => (
            <SignOffToggle key={u.id} unitId={u.id} name={u.name} initial={u.requiresSignOff} />
          ))}
        </div>
      </section>
    </div>
  );
}
