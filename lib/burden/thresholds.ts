/**
 * 负担提醒线: the limits the office sets on a unit's monthly load (settings key "burden.thresholds"),
 * and which units pass them. Unset (null) = no limit; with no limit set nothing ever warns. Pure.
 */
import type { UnitLoad } from "./load";

export const BURDEN_THRESHOLDS_KEY = "burden.thresholds";

export interface BurdenThresholds {
  /** At most this many reports and inputs owed per unit per month. */
  maxOwed: number | null;
  /** At most this many reminders (催办) received per unit per month. */
  maxReminders: number | null;
}

export const NO_THRESHOLDS: BurdenThresholds = { maxOwed: null, maxReminders: null };

const limitOf = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null);

/** The stored setting read defensively: anything unreadable is "no limit". */
export function readThresholds(value: unknown): BurdenThresholds {
  if (!value || typeof value !== "object") return NO_THRESHOLDS;
  const v = value as Record<string, unknown>;
  return { maxOwed: limitOf(v.maxOwed), maxReminders: limitOf(v.maxReminders) };
}

export const hasThresholds = (t: BurdenThresholds) => t.maxOwed !== null || t.maxReminders !== null;

/** Which limits a unit's load passes (strictly above the line). */
export function breachesOf(load: Pick<UnitLoad, "owed" | "reminders">, t: BurdenThresholds): ("owed" | "reminders")[] {
  const out: ("owed" | "reminders")[] = [];
  if (t.maxOwed !== null && load.owed > t.maxOwed) out.push("owed");
  if (t.maxReminders !== null && load.reminders > t.maxReminders) out.push("reminders");
  return out;
}
