import type { Metadata } from "next";
import Link from "next/link";
import { LedgerSteps } from "@/components/escalation/ledger-steps";
import { StepBadge } from "@/components/escalation/step-badge";
import { StepCounts } from "@/components/escalation/step-counts";
import { StepForm } from "@/components/escalation/step-form";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getUnitLedgerForOffice } from "@/lib/services/escalations";
import { TitledSection } from "@/components/ui/headed-section";

export const metadata: Metadata = { title: "单位问责台账" };

export default async function UnitLedgerPage({ params }: { params: Promise<{ unitId: string }> }) {
  const actor = await requirePageFor("office.read");
  const unitId = idParam((await params).unitId);
  const ledger = await orNotFound(getUnitLedgerForOffice(actor, unitId));
  const suggested = ledger.suggestion && ledger.suggestion.step !== "criticism" ? ledger.suggestion.step : null;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/supervision/escalations" className="text-sm text-stone-500 hover:underline">
          ← 问责台账
        </Link>
        <h1 className="mt-1 flex items-center gap-3 text-xl font-semibold">
          {ledger.unit.name}
          <StepBadge step={ledger.highest} />
        </h1>
        <StepCounts counts={ledger.counts} />
      </div>

      <section aria-labelledby="suggestion-heading" className="rounded border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="suggestion">
        <h2 id="suggestion-heading" className="font-semibold text-amber-900">
          建议的下一步
        </h2>
        {ledger.suggestion ? (
          <p className="mt-1 text-amber-900">
            <strong>{ledger.suggestion.label}</strong>：{ledger.suggestion.reason}
            {ledger.suggestion.step === "criticism" && (
              <Link href="/supervision/notices" className="ml-2 underline">
                前往通报起草通报批评
              </Link>
            )}
          </p>
        ) : (
          <p className="mt-1 text-amber-900">暂无。由督查室根据实际情况决定。</p>
        )}
      </section>

      {ledger.canRecord && (
        <section aria-labelledby="record-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
          <h2 id="record-heading" className="font-semibold">
            记录下一步
          </h2>
          <p className="text-xs text-stone-500">催办由「一键催办」记入，通报批评由发布的通报批评记入，此处记录督办函、约谈和问责。</p>
          <StepForm unitId={ledger.unit.id} suggested={suggested} facts="" />
        </section>
      )}

      <TitledSection id="steps-heading" title="台账记录">
        <LedgerSteps steps={ledger.steps} />
      </TitledSection>
    </div>
  );
}
