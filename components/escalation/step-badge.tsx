import { STEP_LABEL, type EscalationStep } from "@/lib/escalation/labels";

const STEP_CLASS: Record<EscalationStep, string> = {
  reminder: "bg-stone-100 text-stone-700",
  supervision_letter: "bg-amber-100 text-amber-900",
  interview: "bg-orange-100 text-orange-900",
  criticism: "bg-red-100 text-red-800",
  accountability: "bg-red-700 text-white",
};

export function StepBadge({ step }: { step: EscalationStep | null }) {
  if (!step) return <span className="text-xs text-stone-400">—</span>;
  return (
    <span data-testid="step-badge" data-step={step} className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STEP_CLASS[step]}`}>
      {STEP_LABEL[step]}
    </span>
  );
}
