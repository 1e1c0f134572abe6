import { ESCALATION_STEPS, type EscalationStep, STEP_LABEL } from "@/lib/escalation/labels";

/** Under a unit's ledger title: how many steps of each kind (催办 … 问责) it has. */
export function StepCounts({ counts }: { counts: Record<EscalationStep, number> }) {
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-stone-600">
      {ESCALATION_STEPS.map((s) => (
        <span key={s}>
          {STEP_LABEL[s]} <strong className="tabular-nums text-stone-900">{counts[s]}</strong>
        </span>
      ))}
    </p>
  );
}
