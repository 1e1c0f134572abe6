/**
 * The notice lists' URL (a unit's or leader's /notices, the office's published notices): 类别, 年度,
 * 签收 (a recipient's list only), the page, the size and the order by 发布时间 (newest first by
 * default; `sort=date` oldest first). Parsing never throws: what does not parse is not applied. Pure.
 */
import { z } from "zod";
import { parsePaging, type Paging, type SortOrder } from "@/lib/paging";
import { firstParam, type SearchParams } from "@/lib/query-params";
import type { NoticeKind } from "./format";

export const NOTICE_SORTS = ["date"] as const;
export type NoticeSort = (typeof NOTICE_SORTS)[number];
/** Newest first. */
export const NOTICE_ORDER: SortOrder<NoticeSort> = { key: "date", descending: true };

export type AcknowledgementState = "pending" | "acknowledged";

export interface NoticeListFilter {
  kind?: NoticeKind;
  year?: number;
  /** A recipient's list: 未签收 or 已签收. */
  state?: AcknowledgementState;
}

const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);
const filterSchema = z.object({
  kind: z.preprocess(blankIsAbsent, z.enum(["progress", "criticism"]).optional()).catch(undefined),
  year: z.preprocess(blankIsAbsent, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
  state: z.preprocess(blankIsAbsent, z.enum(["pending", "acknowledged"]).optional()).catch(undefined),
});

export interface NoticeListSearch {
  filter: NoticeListFilter;
  paging: Paging<NoticeSort>;
}

export function parseNoticeListSearch(params: SearchParams): NoticeListSearch {
  const filter = filterSchema.parse({ kind: firstParam(params, "kind"), year: firstParam(params, "year"), state: firstParam(params, "state") });
  return { filter: { kind: filter.kind, year: filter.year, state: filter.state }, paging: parsePaging(params, NOTICE_SORTS, NOTICE_ORDER) };
}

/** The filter as URL parameters, in a fixed order, the absent left out. */
export function noticeFilterParams(filter: NoticeListFilter): [string, string][] {
  const out: [string, string][] = [];
  if (filter.kind) out.push(["kind", filter.kind]);
  if (filter.year !== undefined) out.push(["year", String(filter.year)]);
  if (filter.state) out.push(["state", filter.state]);
  return out;
}
