import type { ReportIndicator } from "@/lib/services/report-indicators";
import { targetText } from "@/lib/indicators/format";

/** A submitted (or waiting) report's 量化指标 values, read-only. */
export function IndicatorValuesView({ indicators }: { indicators: readonly ReportIndicator[] }) {
  const shown = indicators.filter((i) => !i.prefilled);
  if (shown.length === 0) return null;
  return (
    <section aria-label="量化指标" className="text-sm" data-testid="indicator-values">
      <h3 className="font-medium text-stone-700">量化指标</h3>
      <ul className="mt-1 space-y-0.5">
        {shown.map((i) => (
          <li key={i.id}>
            {i.name}：<strong className="tabular-nums">{i.value === null ? "—" : `${i.value.toLocaleString("zh-CN")}${i.unit}`}</strong>
            <span className="ml-2 text-stone-500">目标 {targetText(i)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
