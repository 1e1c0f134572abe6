/**
 * 减负 warning before publishing: the monthly load the affected units would carry after a change
 * (a plan made 执行中, a 督办事项 registered), and which of them would pass the 提醒线. Pure: the
 * current loads and the new duties come in as arguments.
 */
import { addDuty, dutyInMonth, emptyLoad, type Duty, type UnitLoad } from "./load";
import { monthLabel, type BurdenMonth } from "./month";
import type { BurdenThresholds } from "./thresholds";
import { ConflictError } from "@/lib/errors";
import { type BurdenWarning, type ProjectedUnit, warningText } from "./warning";

export type { BurdenWarning, ProjectedUnit } from "./warning";
export { burdenWarningOf } from "./warning";

/**
 * For each month, each unit's load now plus the new duties; the units the new duties would push past
 * the 提醒线 on items owed (a unit already past it that gets more is named too). One line per unit, its
 * worst month. Null when no limit is set or nobody passes it.
 */
export function projectBurden(input: {
  months: readonly BurdenMonth[];
  currentLoads: ReadonlyMap<string, ReadonlyMap<number, UnitLoad>>;
  added: readonly Duty[];
  thresholds: BurdenThresholds;
}): BurdenWarning | null {
  const limit = input.thresholds.maxOwed;
  if (limit === null || input.added.length === 0) return null;
  const worst = new Map<number, ProjectedUnit>();
  for (const month of input.months) {
    const label = monthLabel(month);
    const loads = input.currentLoads.get(label) ?? new Map<number, UnitLoad>();
    const after = new Map<number, UnitLoad>();
    const before = new Map<number, number>();
    for (const duty of input.added) {
      const current = after.get(duty.unitId) ?? loads.get(duty.unitId) ?? emptyLoad(duty.unitId, duty.unitName);
      if (!before.has(duty.unitId)) before.set(duty.unitId, current.owed);
      after.set(duty.unitId, addDuty(current, dutyInMonth(duty, month)));
    }
    for (const [unitId, load] of after) {
      const was = before.get(unitId) ?? 0;
      const added = load.owed - was;
      if (added <= 0 || load.owed <= limit) continue;
      const found = worst.get(unitId);
      if (!found || load.owed > found.after) worst.set(unitId, { unitId, unitName: load.unitName, month: label, before: was, added, after: load.owed, limit });
    }
  }
  if (worst.size === 0) return null;
  const units = [...worst.values()].sort((a, b) => b.after - a.after || a.unitId - b.unitId);
  return { message: warningText(units), units };
}

/**
 * Before 催办: the units reminded whose reminders this month would pass the 提醒线 on reminders.
 * `current` is each unit's reminders received this month so far. Null without that line or when nobody passes it.
 */
export function projectReminders(input: {
  month: BurdenMonth;
  current: ReadonlyMap<number, number>;
  reminded: readonly { unitId: number; unitName: string }[];
  thresholds: BurdenThresholds;
}): BurdenWarning | null {
  const limit = input.thresholds.maxReminders;
  if (limit === null) return null;
  const units: ProjectedUnit[] = input.reminded
    .map((u) => {
      const before = input.current.get(u.unitId) ?? 0;
      return {
        measure: "reminders" as const,
        unitId: u.unitId,
        unitName: u.unitName,
        month: monthLabel(input.month),
        before,
        added: 1,
        after: before + 1,
        limit,
      };
    })
    .filter((u) => u.after > limit)
    .sort((a, b) => b.after - a.after || a.unitId - b.unitId);
  return units.length === 0 ? null : { message: warningText(units), units };
}

/**
 * The refusal a publish gets while it would pass the 提醒线 and was not confirmed: a conflict whose
 * `current` carries the warning, so the form shows it and submits again with the confirmation.
 */
export class BurdenWarningError extends ConflictError<{ burdenWarning: BurdenWarning }> {
  constructor(warning: BurdenWarning) {
    super(`${warning.message}。如确需发布，请勾选确认后再次提交`, { burdenWarning: warning });
  }
}
