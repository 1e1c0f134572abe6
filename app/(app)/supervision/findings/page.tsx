import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { DeleteFindingButton } from "@/components/escalation/delete-finding-button";
import { FindingForm } from "@/components/escalation/finding-form";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { FilterActions, FilterForm, FilterSelect, filterControlClass, HiddenFields } from "@/components/ui/filter-form";
import { labelledChoices, namedChoices } from "@/components/ui/options";
import { RATING_LABEL } from "@/lib/escalation/labels";
import { requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getFindingsPage } from "@/lib/services/findings";
import { PlanLabel, PlanSwitcher } from "@/components/plans/plan-switcher";
import { parsePlanChoice } from "@/lib/plans/scope";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { TitledSection } from "@/components/ui/headed-section";

export const metadata: Metadata = { title: "督查发现" };

const RATINGS = ["good", "fair", "poor"] as const;
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()).catch(undefined);
const filterSchema = z.object({
  period: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(24).optional()).catch(undefined),
  rating: z.enum(RATINGS).optional().catch(undefined),
  task: optionalId,
  unit: optionalId,
});

const RATING_CLASS = { good: "bg-green-50 text-green-800", fair: "bg-amber-50 text-amber-800", poor: "bg-red-50 text-red-700" } as const;

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = filterSchema.parse({ period: first(params.period), rating: first(params.rating), task: first(params.task), unit: first(params.unit) });
  const choice = parsePlanChoice(params);
  const page = await getFindingsPage(actor, { periodIndex: filter.period, rating: filter.rating, taskId: filter.task, unitId: filter.unit }, { choice });
  if (!page) return <p className="text-stone-500">尚未导入分解表。</p>;
  const filtered = filter.period !== undefined || filter.rating !== undefined || filter.task !== undefined || filter.unit !== undefined;
  return (
    <div className="space-y-6">
      <PageHeader title="督查发现">
        <p className="text-sm text-stone-500">督查中对任务或单位的发现和评价（好 / 一般 / 差），起草工作进展通报和通报批评时引用。</p>
        <PlanSwitcher scope={await resolvePlanScope(actor, choice)} path="/supervision/findings" />
      </PageHeader>

      {page.canRecord && page.currentPeriod !== null && (
        <section aria-labelledby="new-finding" className="space-y-2 rounded border border-stone-200 bg-white p-4">
          <h2 id="new-finding" className="font-semibold">
            记录督查发现
          </h2>
          <FindingForm periods={page.periods} defaultPeriod={filter.period ?? page.currentPeriod} tasks={page.tasks} units={page.units} />
        </section>
      )}

      <TitledSection id="list-heading" className="space-y-3" title={<>督查发现（{page.findings.length}）</>}>
        <FilterForm label="筛选督查发现" className="flex flex-wrap items-end gap-3 text-sm">
          <HiddenFields values={{ plan: choice.planId, year: choice.year }} />
          <FilterSelect
            label="半月期"
            name="period"
            value={filter.period ?? ""}
            all="全部"
            options={[...page.periods].reverse().map((p) => ({ value: p.index, label: p.label }))}
          />
          <FilterSelect label="评价" name="rating" value={filter.rating ?? ""} all="全部" options={labelledChoices(RATINGS, RATING_LABEL)} />
          <FilterSelect
            label="任务"
            name="task"
            value={filter.task ?? ""}
            all="全部"
            options={page.tasks.map((t) => ({
              value: t.id,
              label: `${page.tasks.some((o) => o.planId !== t.planId) ? `${t.planLabel} ` : ""}${t.seq}. ${t.content.slice(0, 24)}`,
            }))}
            className={`${filterControlClass} w-56`}
          />
          <FilterSelect label="单位" name="unit" value={filter.unit ?? ""} all="全部" options={namedChoices(page.units)} />
          <FilterActions clear={filtered ? { href: "/supervision/findings" } : null} />
        </FilterForm>
        <DataTable columns={["半月期", "任务 / 单位", "评价", "督查发现", "记录"]} empty={page.findings.length === 0 && "暂无督查发现"}>
          {page.findings.map((f) => (
            <Row key={f.id} className="align-top" data-testid="finding-row">
              <Cell className="whitespace-nowrap">{f.periodLabel}</Cell>
              <Cell>
                {f.taskId !== null && (
                  <Link href={`/tasks/${f.taskId}`} title={f.taskContent ?? ""} className="block hover:underline">
                    第{f.taskSeq}项 {(f.taskContent ?? "").slice(0, 20)}
                  </Link>
                )}
                <PlanLabel label={f.planLabel} />
                {f.unitName && <span className="text-stone-700">{f.unitName}</span>}
              </Cell>
              <Cell>
                <span className={`rounded px-1.5 py-0.5 text-xs ${RATING_CLASS[f.rating]}`}>{RATING_LABEL[f.rating]}</span>
              </Cell>
              <Cell className="max-w-xl whitespace-pre-wrap break-words">{f.text}</Cell>
              <Cell className="whitespace-nowrap text-xs text-stone-500">
                {f.createdByName} · {formatShanghai(f.createdAt)}
                {f.mine && page.canRecord && (
                  <div className="mt-1">
                    <DeleteFindingButton id={f.id} />
                  </div>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      </TitledSection>
    </div>
  );
}
