/** Search parameters of the items list (/items?source=meeting&state=overdue&year=2022), parsed and bounded. Pure. */
import { z } from "zod";
import { type Paging, parsePaging, type SortOrder } from "@/lib/paging";
import type { SearchParams } from "@/lib/query-params";
import { WORK_SOURCES } from "@/lib/plans/sources";
import { ITEM_STATES } from "./item-state";

const blank = (v: unknown) => (v === "" ? undefined : v);

const itemSearchSchema = z.object({
  source: z.preprocess(blank, z.enum(WORK_SOURCES).optional()).catch(undefined),
  state: z.preprocess(blank, z.enum(ITEM_STATES).optional()).catch(undefined),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
});

export function parseItemSearch(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return itemSearchSchema.parse({ source: first(params.source), state: first(params.state), year: first(params.year) });
}

/** The orders of the register: 立项号 (latest first by default), 完成时限, 牵头单位 (拼音). */
export const ITEM_SORTS = ["seq", "due", "lead"] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];
export const ITEM_ORDER: SortOrder<ItemSort> = { key: "seq", descending: true };

export function parseItemPaging(params: SearchParams): Paging<ItemSort> {
  return parsePaging(params, ITEM_SORTS, ITEM_ORDER);
}

/** The search as URL parameters (absent ones left out), for the pager's and the headers' links. */
export function itemSearchParams(search: { year?: number; source?: string; state?: string }): [string, string][] {
  const out: [string, string][] = [];
  if (search.year !== undefined) out.push(["year", String(search.year)]);
  if (search.source) out.push(["source", search.source]);
  if (search.state) out.push(["state", search.state]);
  return out;
}
