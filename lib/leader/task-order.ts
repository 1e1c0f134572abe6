/**
 * The orders of a dashboard's task list (`?sort=`): needing attention first (the default: red, then
 * the furthest behind 序时进度, then by 序号), by 序号, or by 完成时限 (tasks without one last). Pure.
 */
import { byOrder, HEAVY_ROW_PAGE_SIZES, parsePaging, type Paging, type SortOrder } from "@/lib/paging";
import type { SearchParams } from "@/lib/query-params";
import { byAttention, type BoardTask } from "./board";

export const BOARD_SORTS = ["attention", "seq", "due"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_ORDER: SortOrder<BoardSort> = { key: "attention", descending: false };

export function parseBoardPaging(params: SearchParams): Paging<BoardSort> {
  return parsePaging(params, BOARD_SORTS, BOARD_ORDER, HEAVY_ROW_PAGE_SIZES);
}

const keyOf = { seq: (t: BoardTask) => t.seq, due: (t: BoardTask) => t.dueOn };

/** The tasks in the order asked for; ties (the same 序号 in two plans, the same 完成时限) by attention. */
export function sortBoard<T extends BoardTask>(tasks: T[], sort: SortOrder<BoardSort>): T[] {
  if (sort.key === "attention") return tasks.sort(sort.descending ? (a, b) => byAttention(b, a) : byAttention);
  const primary = byOrder<BoardTask, "seq" | "due">({ key: sort.key, descending: sort.descending }, keyOf);
  return tasks.sort((a, b) => primary(a, b) || byAttention(a, b) || a.id - b.id);
}
