import type { IndicatorComparator } from "@/db/schema";
import { targetText } from "@/lib/indicators/format";
import { FLAG_LABEL } from "@/lib/indicators/labels";
import { LOW_CONFIDENCE, type IndicatorFlag } from "@/lib/indicators/types";

export interface ChipIndicator {
  name: string;
  comparator: IndicatorComparator;
  target: number;
  unit: string;
  confidence?: number | null;
  flags?: readonly IndicatorFlag[];
}

/** One target as a chip: 签约项目 ≥20个; an uncertain extraction is marked 待核实 (the reasons in its title). */
export function IndicatorChip({ indicator, testId = "indicator-chip" }: { indicator: ChipIndicator; testId?: string }) {
  const uncertain = indicator.confidence != null && indicator.confidence < LOW_CONFIDENCE;
  const reasons = (indicator.flags ?? []).map((f) => FLAG_LABEL[f]).join("、");
  return (
    <span
      data-testid={testId}
      title={reasons ? `识别说明：${reasons}` : undefined}
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs ${uncertain ? "border-amber-300 bg-amber-50 text-amber-900" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}
    >
      <span>{indicator.name}</span>
      <span className="font-medium tabular-nums">{targetText(indicator)}</span>
      {uncertain && <span className="rounded bg-amber-200 px-1 text-[10px] text-amber-900">待核实</span>}
    </span>
  );
}
