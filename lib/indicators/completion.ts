/**
 * How far a quantitative target (目标) is: completion against the target and against pace (序时进度).
 * Pure: no clock, no database. The rules, as the UI's legend states them:
 *
 * - 累计 (cumulative) indicators count up from the baseline (0 when none): completion is
 *   (value − baseline) ÷ (target − baseline). 以上 (≥) and a bare number (=) are met at the target, 超过 (>)
 *   only above it.
 * - 以内 / 控制在 (≤, <) are lower-is-better: met at or under the target; above it, completion is
 *   target ÷ value (or, from a baseline above the target, how much of the way down has been gone).
 * - 左右 (≈) is met within ±{@link APPROX_TOLERANCE} of the target (relative), e.g. 8%左右: 7.6%–8.4%.
 * - Against pace: a cumulative indicator is behind when its completion trails 序时进度 by more than
 *   {@link PACE_TOLERANCE} points; a level (a rate, an average: 增长8%) is behind when it does not meet its
 *   target now, since a level is not accumulated over the year.
 */
import type { IndicatorComparator, IndicatorMeasure } from "@/db/schema";

/** 左右: within 5% of the target, either way. */
export const APPROX_TOLERANCE = 0.05;
/** Points of completion an indicator may trail 序时进度 before it counts as behind. */
export const PACE_TOLERANCE = 5;

export interface IndicatorSpec {
  comparator: IndicatorComparator;
  target: number;
  baseline: number | null;
  measure: IndicatorMeasure;
}

export type IndicatorPace = "met" | "ahead" | "on_pace" | "behind" | "no_value";

export const INDICATOR_PACE_LABEL: Record<IndicatorPace, string> = {
  met: "已达标",
  ahead: "超序时",
  on_pace: "达序时",
  behind: "滞后序时",
  no_value: "未填报",
};

export interface IndicatorStanding {
  /** 0–100 (rounded to one decimal; over 100 when a ≥ target is exceeded); null without a value. */
  completion: number | null;
  met: boolean;
  pace: IndicatorPace;
}

const lowerIsBetter = (c: IndicatorComparator) => c === "<=" || c === "<";

/** Whether the value meets the target, as the comparator reads. */
export function meetsTarget(spec: Pick<IndicatorSpec, "comparator" | "target">, value: number): boolean {
  const { comparator, target } = spec;
  switch (comparator) {
    case ">=":
    case "=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
    case "<":
      return value < target;
    case "≈":
      // The epsilon keeps 7.6 inside 8 ± 5% despite binary fractions.
      return Math.abs(value - target) <= Math.abs(target) * APPROX_TOLERANCE + 1e-9;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Completion in percent (0 … ≥100), see the module's rules. */
export function completionOf(spec: IndicatorSpec, value: number): number {
  const { comparator, target } = spec;
  if (lowerIsBetter(comparator)) {
    if (meetsTarget(spec, value)) return 100;
    const baseline = spec.baseline;
    if (baseline !== null && baseline > target) return round1(Math.max(0, ((baseline - value) / (baseline - target)) * 100));
    return value <= 0 ? 100 : round1(Math.max(0, Math.min(100, (target / value) * 100)));
  }
  const base = spec.baseline ?? 0;
  const span = target - base;
  if (span === 0) return value >= target ? 100 : 0;
  const raw = ((value - base) / span) * 100;
  if (comparator === "≈" && meetsTarget(spec, value)) return 100;
  return round1(Math.max(0, raw));
}

/**
 * The indicator's standing at a moment whose 序时进度 is `expected` (0–100), from its latest value
 * (null when none has been reported yet).
 */
export function standingOf(spec: IndicatorSpec, value: number | null, expected: number): IndicatorStanding {
  if (value === null) return { completion: null, met: false, pace: "no_value" };
  const completion = completionOf(spec, value);
  const met = meetsTarget(spec, value);
  if (met) return { completion, met, pace: "met" };
  if (spec.measure === "level") return { completion, met, pace: "behind" };
  if (completion >= expected + PACE_TOLERANCE) return { completion, met, pace: "ahead" };
  if (completion >= expected - PACE_TOLERANCE) return { completion, met, pace: "on_pace" };
  return { completion, met, pace: "behind" };
}
