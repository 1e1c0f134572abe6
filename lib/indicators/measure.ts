/**
 * How a newly extracted indicator is proposed to be tracked: a rate or a growth (8%, 失业率, 比重, 增长…) is a
 * level (水平: the current value is reported as is); anything counted (公里, 个, 亿元) is cumulative (累计).
 * The lead unit can change it when confirming. Pure.
 */
import type { IndicatorMeasure } from "@/db/schema";

export const MEASURE_LABEL: Record<IndicatorMeasure, string> = { cumulative: "累计", level: "水平" };

export function suggestMeasure(indicator: { name: string; unit: string }): IndicatorMeasure {
  if (/^(?:%|‰|个百分点|百分点|倍)$/.test(indicator.unit)) return "level";
  if (/(?:率|比重|比例|占比|增长|增速|下降|提高)$/.test(indicator.name)) return "level";
  return "cumulative";
}
