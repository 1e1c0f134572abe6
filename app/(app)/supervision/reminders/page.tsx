import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { OwedTable } from "@/components/escalation/owed-table";
import { PeriodSelect } from "@/components/escalation/period-select";
import { RemindButton } from "@/components/escalation/remind-button";
import { ReminderHistory } from "@/components/escalation/reminder-history";
import { requirePageFor } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { getReminderPage } from "@/lib/services/reminders";
import { TitledSection } from "@/components/ui/headed-section";

export const metadata: Metadata = { title: "催办" };

export default async function RemindersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const raw = (await searchParams).period;
  const requested = Number(Array.isArray(raw) ? raw[0] : raw);
  const page = await getReminderPage(actor, { periodIndex: Number.isInteger(requested) ? requested : undefined });
  if (!page.plan) return <p className="text-stone-500">尚未导入分解表。</p>;
  const { period } = page;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <PageHeader title="催办">
          <p className="text-sm text-stone-500">
            仍未报送本期进展报告的牵头单位、仍未报送配合进展的责任单位，一键催办；已逾期的事项记入问责台账，未到截止时间的提醒不记入。
          </p>
          <p className="text-xs text-stone-500" data-testid="covered">
            覆盖：{page.covered.join("、")}（按各任务的报送频次：每月报送的事项只在下半月应报）
          </p>
        </PageHeader>
        {page.periods.length > 0 && <PeriodSelect periods={page.periods} value={period?.index ?? null} />}
      </div>

      {!period ? (
        <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-600">本年度半月报送尚未开始，暂无可催办的期次。</p>
      ) : (
        <>
          {page.previous && (
            <p className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800" data-testid="previous-owed">
              上一期 {page.previous.label} 仍有 {page.previous.units} 个单位、{page.previous.items} 项未报送。
              <Link href={`/supervision/reminders?period=${page.previous.index}`} className="ml-2 font-medium underline">
                查看并催办上一期
              </Link>
            </p>
          )}
          <section aria-labelledby="owed-heading" className="space-y-3">
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <h2 id="owed-heading" className="text-lg font-semibold">
                {period.label}
                {period.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">本期</span>}
              </h2>
              <span className="text-sm text-stone-600">截止时间：{period.dueLabel}</span>
              <span className="text-sm text-stone-600" data-testid="owed-count">
                仍欠报 {page.owed.length} 个单位、{page.itemCount} 项
              </span>
            </div>
            {page.lastReminder && (
              <p className="text-sm text-stone-600" data-testid="last-reminder">
                本期最近一次催办：{page.lastReminder.atLabel}
                {page.lastReminder.tooSoon && "（10 分钟内不能重复催办）"}
              </p>
            )}
            {can(actor, "office.write") && (
              <RemindButton
                periodIndex={period.index}
                periodLabel={period.label}
                units={page.owed.length}
                items={page.itemCount}
                disabled={page.lastReminder?.tooSoon}
              />
            )}
            <OwedTable units={page.owed} />
          </section>
        </>
      )}

      <TitledSection id="history-heading" title="催办记录">
        <ReminderHistory entries={page.history} />
      </TitledSection>
    </div>
  );
}
