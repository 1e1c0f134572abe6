import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { Cell, DataTable, Row } from "@/components/ui/table";
import Link from "next/link";
import { StepBadge } from "@/components/escalation/step-badge";
import { ESCALATION_STEPS, STEP_LABEL } from "@/lib/escalation/labels";
import { requirePageFor } from "@/lib/page-guard";
import { formatShanghai } from "@/lib/periods";
import { getLedgerOverview } from "@/lib/services/escalations";

export const metadata: Metadata = { title: "问责台账" };

export default async function EscalationsOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const showAll = (await searchParams).all === "1";
  const { rows, reached } = await getLedgerOverview(actor);
  const shown = showAll ? rows : rows.filter((r) => r.total > 0 || r.suggestion);
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
              {reached[step]}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex items-center justify-between text-sm">
        <span className="text-stone-600">{showAll ? `全部 ${rows.length} 个单位` : `有记录的单位 ${shown.length} 个`}</span>
        <Link href={showAll ? "/supervision/escalations" : "/supervision/escalations?all=1"} className="text-brand-700 hover:underline">
          {showAll ? "只看有记录的单位" : "显示全部单位"}
        </Link>
      </div>
      <DataTable
        columns={[
          "单位",
          "当前步骤",
          ...ESCALATION_STEPS.map((s) => ({ label: STEP_LABEL[s], className: "text-right" })),
          "待情况说明",
          "最近一步",
          "建议下一步",
        ]}
        empty={shown.length === 0 && "台账中暂无记录"}
      >
        {shown.map((r) => (
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
    </div>
  );
}
