/**
 * The inbox's URL: which messages (`state`: all, unread, read), the page, the size and the order by
 * time (`sort=date` oldest first; newest first by default). Parsing never throws. Pure.
 */
import { z } from "zod";
import { parsePaging, type Paging, type SortOrder } from "@/lib/paging";
import { firstParam, type SearchParams } from "@/lib/query-params";

export const INBOX_STATES = ["all", "unread", "read"] as const;
export type InboxState = (typeof INBOX_STATES)[number];
export const INBOX_SORTS = ["date"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
/** Newest first. */
export const INBOX_ORDER: SortOrder<InboxSort> = { key: "date", descending: true };

const stateSchema = z.enum(INBOX_STATES).catch("all");

export interface InboxSearch {
  state: InboxState;
  paging: Paging<InboxSort>;
}

export function parseInboxSearch(params: SearchParams): InboxSearch {
  // `filter=unread` is the parameter the page has always had.
  return { state: stateSchema.parse(firstParam(params, "filter") ?? "all"), paging: parsePaging(params, INBOX_SORTS, INBOX_ORDER) };
}

/** The state as URL parameters (none for all). */
export function inboxFilterParams(state: InboxState): [string, string][] {
  return state === "all" ? [] : [["filter", state]];
}
