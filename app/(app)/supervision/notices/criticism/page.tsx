import type { Metadata } from "next";
import { FilterActions, FilterForm, FilterSelect, filterControlClass } from "@/components/ui/filter-form";
import Link from "next/link";
import { CriticismForm } from "@/components/notices/criticism-form";
import { requirePageFor } from "@/lib/page-guard";
import { getCriticismChoices } from "@/lib/services/notices";

export const metadata: Metadata = { title: "起草通报批评" };

export default async function CriticismDraftPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const actor = await requirePageFor("notice.manage");
  const raw = (await searchParams).period;
  const requested = typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : null;
  const choices = await getCriticismChoices(actor, requested);
  if (!choices) return <p className="text-stone-500">尚未导入分解表。</p>;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/supervision/notices" className="text-stone-500 hover:text-brand-700 hover:underline">
            通报与整改
          </Link>
        </p>
        <h1 className="text-xl font-semibold">起草通报批评</h1>
        <p className="text-sm text-stone-500" data-testid="plan-coverage">
          {choices.coverage}
        </p>
        <p className="text-sm text-stone-500">选择半月期和被通报单位；草稿中将自动填入这些单位本期逾期、未报送、被退回的报告和督查发现，发布前可修改。</p>
      </div>
      <FilterForm label="选择半月期" className="flex items-end gap-3">
        <FilterSelect
          label="半月期"
          name="period"
          value={choices.periodIndex ?? undefined}
          options={choices.periods.map((p) => ({ value: p.index, label: p.label }))}
          className={`${filterControlClass} bg-white`}
        />
        <FilterActions submit="查看" />
      </FilterForm>
      {choices.periodIndex !== null ? (
        <CriticismForm
          key={choices.periodIndex}
          periodIndex={choices.periodIndex}
          suggested={choices.suggested}
          others={choices.others}
          defaultDueDate={choices.defaultDueDate}
        />
      ) : (
        <p className="text-stone-500">没有可督查的半月期。</p>
      )}
    </div>
  );
}
