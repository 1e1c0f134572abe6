/** How a target reads in the UI (≥300公里, ≤4%, ≈8%), and the form's number parsing. Pure. */
import type { IndicatorComparator } from "@/db/schema";
import { COMPARATOR_TEXT } from "./labels";

export function targetText(i: { comparator: IndicatorComparator; target: number; unit: string }): string {
  return `${COMPARATOR_TEXT[i.comparator].sign}${i.target.toLocaleString("zh-CN")}${i.unit}`;
}

/** A value as typed in the report form: `""` is not filled; else a finite number (thousands separators allowed). */
export function parseIndicatorInputs(ids: readonly number[], inputs: Record<number, string>, requireAll: boolean) {
  const values: { indicatorId: number; value: number }[] = [];
  const errors: Record<number, string> = {};
  for (const id of ids) {
    const raw = (inputs[id] ?? "").trim().replace(/[,，]/g, "");
    if (raw === "") {
      if (requireAll) errors[id] = "请填写本期数值";
      continue;
    }
    const value = Number(raw);
    if (!Number.isFinite(value)) errors[id] = "须为数字";
    else values.push({ indicatorId: id, value });
  }
  return { values, errors };
}
