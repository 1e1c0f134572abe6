/**
 * 目标跟踪's row orders, kept in the URL (`sort=`): by task 序号 (the default, the rows' own order),
 * by 完成率 (no value last) and by standing (滞后序时 first). Pure.
 */
import { byOrder, type SortOrder } from "@/lib/paging";
import type { IndicatorPace } from "./completion";
import type { IndicatorRow } from "./tracking";

export const INDICATOR_SORTS = ["task", "completion", "pace"] as const;
export type IndicatorSort = (typeof INDICATOR_SORTS)[number];
export const INDICATOR_ORDER: SortOrder<IndicatorSort> = { key: "task", descending: false };

/** The standing that needs a look first comes first. */
const PACE_RANK: Record<IndicatorPace, number> = { behind: 0, no_value: 1, on_pace: 2, ahead: 3, met: 4 };

/** The rows (in task order) in an order; any other than 序号 is stable, so ties stay in task order. */
export function sortIndicatorRows<T extends Pick<IndicatorRow, "completion" | "pace">>(rows: readonly T[], sort: SortOrder<IndicatorSort>): T[] {
  if (sort.key === "task") return sort.descending ? [...rows].reverse() : [...rows];
  return [...rows].sort(byOrder<T, IndicatorSort>(sort, { task: () => 0, completion: (row) => row.completion, pace: (row) => PACE_RANK[row.pace] }));
}
