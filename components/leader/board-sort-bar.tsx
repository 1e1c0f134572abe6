/** The orders of a dashboard's task list (a card list, no column headers): 需要关注 / 序号 / 完成时限, as links. */
import { SortHeader } from "@/components/ui/sort-header";
import type { ListLocation } from "@/lib/paging";
import type { BoardSort } from "@/lib/leader/task-order";

export function BoardSortBar({ at }: { at: ListLocation<BoardSort> }) {
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm text-stone-600" data-testid="board-sort">
      排序：
      <SortHeader at={at} sortKey="attention" label="需要关注在前" />
      <SortHeader at={at} sortKey="seq" label="序号" />
      <SortHeader at={at} sortKey="due" label="完成时限" />
    </p>
  );
}
