/**
 * Tracking rows for confirmed indicators: the latest submitted value, completion, pace and whether the
 * target was met. Pure: the service gives it the rows, the values and the 序时进度 of each task.
 */
import type { IndicatorComparator, IndicatorMeasure } from "@/db/schema";
import { standingOf, type IndicatorPace, type IndicatorStanding } from "./completion";

/** A confirmed (tracked) indicator as lib/data reads it. */
export interface TrackedIndicator {
  id: number;
  taskId: number;
  name: string;
  comparator: IndicatorComparator;
  target: number;
  unit: string;
  baseline: number | null;
  measure: IndicatorMeasure;
  position: number;
}

export interface TrackedTask {
  id: number;
  seq: number;
  content: string;
  leaders: string[];
  leadUnits: string[];
}

export interface IndicatorRow extends IndicatorStanding {
  indicator: TrackedIndicator;
  task: TrackedTask;
  /** 序时进度 of the task at the moment looked at, 0–100. */
  expected: number;
  latest: { periodIndex: number; periodLabel: string; value: number } | null;
}

export interface IndicatorCounts {
  tracked: number;
  met: number;
  ahead: number;
  on_pace: number;
  behind: number;
  no_value: number;
}

export function trackingRows(
  indicators: readonly TrackedIndicator[],
  tasks: ReadonlyMap<number, TrackedTask>,
  latest: ReadonlyMap<number, { periodIndex: number; value: number }>,
  expectedOf: (taskId: number) => number,
  labelOf: (periodIndex: number) => string,
): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const indicator of indicators) {
    const task = tasks.get(indicator.taskId);
    if (!task) continue;
    const value = latest.get(indicator.id) ?? null;
    const expected = expectedOf(indicator.taskId);
    rows.push({
      indicator,
      task,
      expected,
      latest: value ? { ...value, periodLabel: labelOf(value.periodIndex) } : null,
      ...standingOf(indicator, value?.value ?? null, expected),
    });
  }
  return rows.sort((a, b) => a.task.seq - b.task.seq || a.indicator.position - b.indicator.position || a.indicator.id - b.indicator.id);
}

export function countByPace(rows: readonly { pace: IndicatorPace }[]): IndicatorCounts {
  const counts: IndicatorCounts = { tracked: rows.length, met: 0, ahead: 0, on_pace: 0, behind: 0, no_value: 0 };
  for (const row of rows) counts[row.pace] += 1;
  return counts;
}
