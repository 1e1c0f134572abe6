"use client";
/**
 * The report form's 量化指标: one number per confirmed indicator of the task, started from the last
 * submitted value, with the target beside it. The editor owns the values; this only shows them
 * (each input named `indicator-<id>`, so the values post with the form without JavaScript too).
 */
import { targetText } from "@/lib/indicators/format";
import type { ReportIndicator } from "@/lib/services/report-indicators";
import { inputClass } from "@/components/ui/form";

export function IndicatorInputs({
  items,
  inputs,
  errors,
  onChange,
}: {
  items: readonly ReportIndicator[];
  inputs: Record<number, string>;
  errors: Record<number, string>;
  onChange: (id: number, value: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <fieldset className="space-y-3 rounded border border-stone-200 bg-white p-4 text-sm" data-testid="indicator-inputs">
      <legend className="px-1 font-medium text-stone-700">
        量化指标
        <span className="ml-0.5 text-red-600" aria-hidden="true">
          *
        </span>
        <span className="ml-2 font-normal text-stone-500">报送时每项必填：累计指标填年初以来的累计数，水平指标填当前水平</span>
      </legend>
      {items.map((item) => {
        const id = `indicator-${item.id}`;
        const error = errors[item.id];
        return (
          <div key={item.id} className="grid gap-1 sm:grid-cols-[1fr_12rem] sm:items-center" data-testid="indicator-input">
            <label htmlFor={id} className="text-stone-800">
              {item.name}
              <span className="ml-2 text-stone-500">
                目标 {targetText(item)} · {item.measure === "cumulative" ? "累计" : "水平"}
                {item.last ? ` · ${item.last.periodLabel} ${item.last.value.toLocaleString("zh-CN")}${item.unit}` : ""}
                {item.prefilled ? "（已按上期数值预填，请按本期实际修改）" : ""}
              </span>
            </label>
            <div>
              <div className="flex items-center gap-1">
                <input
                  id={id}
                  name={id}
                  inputMode="decimal"
                  className={`${inputClass} max-w-40`}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${id}-error` : undefined}
                  value={inputs[item.id] ?? ""}
                  onChange={(e) => onChange(item.id, e.target.value)}
                />
                <span className="text-stone-600">{item.unit}</span>
              </div>
              {error && (
                <p id={`${id}-error`} className="mt-1 text-red-600">
                  {error}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
