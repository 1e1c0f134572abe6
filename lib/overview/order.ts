/**
 * The overview's row orders, kept in the URL (`sort=`): 序号 (the default), 牵头单位 (拼音), 状态
 * (worst first: 未报, 被退回, 逾期, 未到截止, 按时, 已销号) and 报送时间 (not filed last). Pure.
 */
import { byOrder, type SortOrder } from "@/lib/paging";
import type { Compliance } from "@/lib/reporting/compliance";
import { SEVERITY } from "./matrix";

export const OVERVIEW_SORTS = ["seq", "unit", "state", "submitted"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
export const OVERVIEW_ORDER: SortOrder<OverviewSort> = { key: "seq", descending: false };

export interface OrderableRow {
  leadUnits: readonly { name: string }[];
  compliance: Compliance;
  submittedAt: Date | null;
}

/**
 * The rows in an order. They come in 序号 order (plan by plan): 序号 keeps or turns that order
 * around; any other order is stable, so ties stay in 序号 order.
 */
export function sortOverviewRows<T extends OrderableRow>(rows: readonly T[], sort: SortOrder<OverviewSort>): T[] {
  if (sort.key === "seq") return sort.descending ? [...rows].reverse() : [...rows];
  return [...rows].sort(
    byOrder<OrderableRow, OverviewSort>(sort, {
      seq: () => 0,
      unit: (row) => row.leadUnits[0]?.name ?? null,
      // Worst first (the matrix's severity): what the office chases comes to the top.
      state: (row) => -SEVERITY[row.compliance],
      submitted: (row) => row.submittedAt?.getTime() ?? null,
    }),
  );
}
