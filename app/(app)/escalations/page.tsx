import type { Metadata } from "next";
import { ExplanationForm } from "@/components/escalation/explanation-form";
import { LedgerSteps } from "@/components/escalation/ledger-steps";
import { StepBadge } from "@/components/escalation/step-badge";
import { StepCounts } from "@/components/escalation/step-counts";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getOwnLedger } from "@/lib/services/escalations";

export const metadata: Metadata = { title: "本单位督办记录" };

/** A unit's own escalation ledger, with a 情况说明 form for each step not yet explained. */
export default async function OwnLedgerPage() {
  const actor = await requirePageFor("unit.act");
  const ledger = await orNotFound(getOwnLedger(actor));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="flex items-center gap-3 text-xl font-semibold">
          {ledger.unit.name} · 督办记录
          <StepBadge step={ledger.highest} />
        </h1>
        <StepCounts counts={ledger.counts} />
        <p className="mt-1 text-sm text-stone-500">督查室对本单位的催办、督办函、约谈、通报批评和问责记录。请对每一项如实报送情况说明。</p>
      </div>
      <LedgerSteps steps={ledger.steps} explain={(s) => <ExplanationForm id={s.id} stepLabel={s.stepLabel} />} />
    </div>
  );
}
