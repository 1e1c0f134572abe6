import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { Cell, DataTable, Row } from "@/components/ui/table";
import Link from "next/link";
import { StepBadge } from "@/components/escalation/step-badge";
import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { ESCALATION_STEPS, STEP_LABEL } from "@/lib/escalation/labels";
import { LEDGER_ORDER, ledgerFilterParams, parseLedgerSearch } from "@/lib/escalation/ledger-query";
import { requirePageFor } from "@/lib/page-guard";
import { DEFAULT_PAGE_SIZE, listHref, sortParam } from "@/lib/paging";
import { formatShanghai } from "@/lib/periods";
import { getLedgerPage } from "@/lib/services/escalations";

export const metadata: Metadata = { title: "问责台账" };

export default async function EscalationsOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const search = parseLedgerSearch(await searchParams);
  const ledger = await getLedgerPage(actor, search);
  const { filter, paging } = search;
  const at = { path: "/supervision/escalations", filters: ledgerFilterParams(filter), paging: { ...paging, page: ledger.page }, fallback: LEDGER_ORDER };
  const toggleAll = listHref({ ...at, filters: ledgerFilterParams({ ...filter, all: !filter.all }) }, { page: 1 });
  const sortable = (key: "unit" | "step" | "latest", label: string, startDescending = false) => ({
    label: <SortHeader at={at} sortKey={key} label={label} startDescending={startDescending} />,
  });
  return (
    <div className="space-y-6">
      <PageHeader title="问责台账">
        <p className="text-sm text-stone-500">催办 → 督办函 → 约谈 → 通报批评 → 问责：各单位已到哪一步，事实依据、情况说明和建议的下一步。</p>
      </PageHeader>
      <dl className="grid gap-3 sm:grid-cols-5" aria-label="已到各步骤的单位数">
        {ESCALATION_STEPS.map((step) => (
          <div key={step} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-500">当前在「{STEP_LABEL[step]}」</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`reached-${step}`}>
              {ledger.reached[step]}
            </dd>
          </div>
        ))}
      </dl>
      <FilterForm action="/supervision/escalations" label="筛选台账">
        <FilterSelect
          label="当前步骤"
          name="step"
          value={filter.step ?? ""}
          all="全部"
          options={ESCALATION_STEPS.map((s) => ({ value: s, label: STEP_LABEL[s] }))}
        />
        <HiddenFields
          values={{
            all: filter.all ? "1" : undefined,
            size: paging.size === DEFAULT_PAGE_SIZE ? undefined : paging.size,
            sort: paging.sort.key === LEDGER_ORDER.key && paging.sort.descending === LEDGER_ORDER.descending ? undefined : sortParam(paging.sort),
          }}
        />
        <FilterActions clear={filter.step ? { href: listHref({ ...at, filters: ledgerFilterParams({ all: filter.all }) }, { page: 1 }) } : null} />
      </FilterForm>
      <div className="flex items-center justify-between text-sm">
        <span className="text-stone-600" data-testid="ledger-count">
          {filter.all ? `全部 ${ledger.units} 个单位` : "有记录的单位"}
          {filter.step ? `，当前在「${STEP_LABEL[filter.step]}」` : ""}：{ledger.total} 个
        </span>
        <Link href={toggleAll} className="text-brand-700 hover:underline">
          {filter.all ? "只看有记录的单位" : "显示全部单位"}
        </Link>
      </div>
      <DataTable
        columns={[
          sortable("unit", "单位"),
          sortable("step", "当前步骤", true),
          ...ESCALATION_STEPS.map((s) => ({ label: STEP_LABEL[s], className: "text-right" })),
          "待情况说明",
          sortable("latest", "最近一步", true),
          "建议下一步",
        ]}
        empty={ledger.rows.length === 0 && "台账中暂无记录"}
      >
        {ledger.rows.map((r) => (
          <Row key={r.unitId} data-testid="ledger-row" data-unit={r.unitName}>
            <Cell className="whitespace-nowrap">
              <Link href={`/supervision/escalations/${r.unitId}`} className="font-medium hover:text-brand-700 hover:underline">
                {r.unitName}
              </Link>
            </Cell>
            <Cell>
              <StepBadge step={r.highest} />
            </Cell>
            {ESCALATION_STEPS.map((s) => (
              <Cell key={s} className="text-right tabular-nums">
                {r.counts[s] || <span className="text-stone-300">0</span>}
              </Cell>
            ))}
            <Cell className="tabular-nums">{r.awaitingExplanation > 0 ? <span className="text-amber-800">{r.awaitingExplanation}</span> : ""}</Cell>
            <Cell className="whitespace-nowrap text-stone-600">{r.latestAt ? formatShanghai(r.latestAt) : ""}</Cell>
            <Cell data-testid="suggestion">
              {r.suggestion && (
                <span title={r.suggestion.reason} className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200">
                  建议{r.suggestion.label}
                </span>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
      <Pager at={at} page={ledger.page} pages={ledger.pages} total={ledger.total} unit="个单位" />
    </div>
  );
}
