/** Where a report filed once for linked work counts on another linked task. Pure. */
import { cadenceKeyForHalfMonth, cadencePeriod, type CadenceRule } from "./cadence";

/**
 * The key, under the linked task's cadence, of the period holding the end of the original report's
 * period (a half-month report counts in the month that holds it; a monthly one in its last half month).
 * Null when that day is outside the linked task's plan year: nothing is shared across years.
 */
export function sharedPeriodKey(original: CadenceRule, originalKey: number, linked: CadenceRule): number | null {
  const period = cadencePeriod(original, originalKey);
  if (Number(period.endDate.slice(0, 4)) !== linked.year) return null;
  return cadenceKeyForHalfMonth(linked, period);
}
