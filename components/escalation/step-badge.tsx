import { STEP_LABEL, type EscalationStep } from "@/lib/escalation/labels";
import { Badge } from "@/components/ui/badge";

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
    <Badge tone={STEP_CLASS[step]} data-testid="step-badge" data-step={step}>
      {STEP_LABEL[step]}
    </Badge>
  );
}
