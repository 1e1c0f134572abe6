/**
 * Paging and sorting of every list page, kept in the URL: `page` (from 1), `size` (one of
 * PAGE_SIZES) and `sort` (a column key the list names; `-key` sorts descending). Parsing never
 * throws: a value that does not parse falls back to the list's default. Pure.
 */
import { z } from "zod";
import { firstParam, type SearchParams } from "@/lib/query-params";
import { compareZh } from "@/lib/zh-order";

/** The page sizes a user may choose; the first page of a list shows DEFAULT_PAGE_SIZE rows unless the list says otherwise. */
export const PAGE_SIZES = [20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;
/**
 * The sizes of a list whose rows are heavy (a task with its leaders, units, states and progress; a
 * unit's 24 periods): 100 such rows would pass the page budget of 300 KB and 3,000 nodes.
 */
export const HEAVY_ROW_PAGE_SIZES: readonly PageSize[] = [20, 50];

export interface SortOrder<K extends string = string> {
  key: K;
  descending: boolean;
}

export interface Paging<K extends string = string> {
  page: number;
  size: PageSize;
  sort: SortOrder<K>;
}

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const sizeSchema = (sizes: readonly PageSize[], fallback: PageSize) =>
  z.coerce
    .number()
    .int()
    .refine((n): n is PageSize => (sizes as readonly number[]).includes(n))
    .catch(fallback);

/** `sort=-due` → { key: "due", descending: true }; a key the list does not know → its default. */
export function parseSort<K extends string>(value: string | undefined, keys: readonly K[], fallback: SortOrder<K>): SortOrder<K> {
  if (!value) return fallback;
  const descending = value.startsWith("-");
  const key = (descending ? value.slice(1) : value) as K;
  return keys.includes(key) ? { key, descending } : fallback;
}

export function sortParam(sort: SortOrder): string {
  return sort.descending ? `-${sort.key}` : sort.key;
}

/**
 * The paging of a list from its URL; `sorts` are the keys it can sort by, `fallback` its order when
 * none is asked, `sizes` the page sizes it offers (HEAVY_ROW_PAGE_SIZES for heavy rows) and
 * `defaultSize` the rows of its first page.
 */
export function parsePaging<K extends string>(
  params: SearchParams,
  sorts: readonly K[],
  fallback: SortOrder<K>,
  sizes: readonly PageSize[] = PAGE_SIZES,
  defaultSize: PageSize = DEFAULT_PAGE_SIZE,
): Paging<K> {
  const page = firstParam(params, "page");
  const size = firstParam(params, "size");
  return {
    page: page === undefined ? 1 : pageSchema.parse(page),
    size: size === undefined ? defaultSize : sizeSchema(sizes, defaultSize).parse(size),
    sort: parseSort(firstParam(params, "sort"), sorts, fallback),
  };
}

/** The paging's own URL parameters, defaults left out; `fallback` is the list's default order, `defaultSize` its default size. */
export function pagingParams(paging: Paging, fallback: SortOrder, page = paging.page, defaultSize: PageSize = DEFAULT_PAGE_SIZE): [string, string][] {
  const out: [string, string][] = [];
  if (page > 1) out.push(["page", String(page)]);
  if (paging.size !== defaultSize) out.push(["size", String(paging.size)]);
  if (paging.sort.key !== fallback.key || paging.sort.descending !== fallback.descending) out.push(["sort", sortParam(paging.sort)]);
  return out;
}

export function pageCount(total: number, pageSize: number = DEFAULT_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** One page of a selection: the page asked for, moved back to the last page when the selection has fewer. */
export interface PageOf<T> {
  rows: T[];
  /** Rows in the whole selection. */
  total: number;
  page: number;
  pages: number;
  size: PageSize;
}

/** The page actually shown and its offset, for a selection of `total` rows. */
export function pageBounds(total: number, paging: Pick<Paging, "page" | "size">): { page: number; pages: number; offset: number; limit: number } {
  const pages = pageCount(total, paging.size);
  const page = Math.min(paging.page, pages);
  return { page, pages, offset: (page - 1) * paging.size, limit: paging.size };
}

/** A page cut from rows already in memory (a list computed whole, e.g. one that is counted per period). */
export function slicePage<T>(rows: readonly T[], paging: Pick<Paging, "page" | "size">): PageOf<T> {
  const { page, pages, offset, limit } = pageBounds(rows.length, paging);
  return { rows: rows.slice(offset, offset + limit), total: rows.length, page, pages, size: paging.size };
}

/** The page numbers to show: the first, the last, and two either side of the current one; null is a gap (…). */
export function pageWindow(current: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** A comparison of two rows by one key, for lists sorted in memory; ties keep their order (Array.prototype.sort is stable). */
export function byOrder<T, K extends string>(sort: SortOrder<K>, keyOf: Record<K, (row: T) => string | number | null>): (a: T, b: T) => number {
  const read = keyOf[sort.key];
  const sign = sort.descending ? -1 : 1;
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === y) return 0;
    // Rows without a value go last in either direction.
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === "string" && typeof y === "string") return sign * compareZh(x, y);
    return sign * (x < y ? -1 : 1);
  };
}

/** Where a list page is: its path, its filters as URL parameters, its paging and its default order. */
export interface ListLocation<K extends string = string> {
  path: string;
  filters: readonly [string, string][];
  paging: Paging<K>;
  fallback: SortOrder<K>;
  /** The page sizes offered (PAGE_SIZES unless the list's rows are heavy). */
  sizes?: readonly PageSize[];
  /** The rows of the first page (DEFAULT_PAGE_SIZE unless the list says otherwise). */
  defaultSize?: PageSize;
}

/**
 * The URL of a list page with one thing changed. A new size or order goes back to page 1 (the
 * rows on page 7 of another order are other rows); filters are always kept.
 */
export function listHref<K extends string>(at: ListLocation<K>, change: { page?: number; size?: PageSize; sort?: SortOrder<K> } = {}): string {
  const paging: Paging = {
    page: change.size !== undefined || change.sort !== undefined ? 1 : (change.page ?? at.paging.page),
    size: change.size ?? at.paging.size,
    sort: change.sort ?? at.paging.sort,
  };
  const params = new URLSearchParams([...at.filters, ...pagingParams(paging, at.fallback, paging.page, at.defaultSize)]);
  const query = params.toString();
  return query ? `${at.path}?${query}` : at.path;
}

/** The order a column header's link asks for: the same column turns around, another column starts ascending (or as it says). */
export function nextSort<K extends string>(current: SortOrder<K>, key: K, startDescending = false): SortOrder<K> {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: startDescending };
}
