/**
 * The 操作日志 filters — who (an account, or 「未登录」), which action (one, or a group of the
 * catalog), from and to which day (Shanghai dates, both included), free text on the record and the
 * address — and the page, kept in the URL. Parsing never throws: what does not parse is not applied. Pure.
 */
import { z } from "zod";
import { dateMidnight } from "@/lib/periods";
import { auditActionGroup } from "./labels";
import { firstParam, type SearchParams } from "@/lib/query-params";
import { type PageSize, parsePaging } from "@/lib/paging";

/** The log's one order: newest first. */
export const AUDIT_ORDER = { key: "time", descending: true } as const;
/** 「未登录」: events with no signed-in actor (failed sign-ins, refusals of the signed out, the seed). */
export const ANONYMOUS = "anonymous";
const GROUP_PREFIX = "group:";

export type AuditActorFilter = { kind: "user"; userId: number } | { kind: "anonymous" };
export type AuditActionFilter = { kind: "action"; action: string } | { kind: "group"; group: string };

export interface AuditFilter {
  actor?: AuditActorFilter;
  action?: AuditActionFilter;
  /** `YYYY-MM-DD`, Shanghai, included. */
  from?: string;
  /** `YYYY-MM-DD`, Shanghai, included. */
  to?: string;
  text?: string;
}

export interface AuditSearch {
  filter: AuditFilter;
  page: number;
  /** Rows per page (PAGE_SIZES). */
  size: PageSize;
}

const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema.optional()).catch(undefined);

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return y! >= 2000 && y! <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate);

export const auditSearchSchema = z.object({
  user: optional(z.union([z.literal(ANONYMOUS), z.coerce.number().int().positive().max(2_147_483_647)])),
  action: optional(
    z
      .string()
      .trim()
      .max(80)
      .regex(/^(group:)?[a-z_]+(\.[a-z_]+)*$/),
  ),
  from: optional(day),
  to: optional(day),
  q: optional(z.string().trim().max(100)),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});

export function parseAuditSearch(params: SearchParams): AuditSearch {
  const get = (key: string) => firstParam(params, key);
  const parsed = auditSearchSchema.parse({ user: get("user"), action: get("action"), from: get("from"), to: get("to"), q: get("q"), page: get("page") });
  const filter: AuditFilter = {};
  if (parsed.user === ANONYMOUS) filter.actor = { kind: "anonymous" };
  else if (typeof parsed.user === "number") filter.actor = { kind: "user", userId: parsed.user };
  if (parsed.action?.startsWith(GROUP_PREFIX)) {
    const group = parsed.action.slice(GROUP_PREFIX.length);
    if (auditActionGroup(group)) filter.action = { kind: "group", group };
  } else if (parsed.action) {
    filter.action = { kind: "action", action: parsed.action };
  }
  if (parsed.from) filter.from = parsed.from;
  if (parsed.to) filter.to = parsed.to;
  if (parsed.q) filter.text = parsed.q;
  return { filter, page: parsed.page ?? 1, size: parsePaging(params, [], AUDIT_ORDER).size };
}

/** The value of the action select for a filter (`report.submit`, `group:auth`). */
export function actionParam(action: AuditActionFilter | undefined): string {
  if (!action) return "";
  return action.kind === "group" ? `${GROUP_PREFIX}${action.group}` : action.action;
}

export function groupParam(group: string): string {
  return `${GROUP_PREFIX}${group}`;
}

/** The query string of a filter and page (page 1 left out), for links and the export. */
export function auditQuery(filter: AuditFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set("user", filter.actor.kind === "anonymous" ? ANONYMOUS : String(filter.actor.userId));
  if (filter.action) params.set("action", actionParam(filter.action));
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.text) params.set("q", filter.text);
  if (page > 1) params.set("page", String(page));
  return params.toString();
}

/** The instants a day range covers: from the start of `from` to the start of the day after `to`. */
export function auditTimeRange(filter: Pick<AuditFilter, "from" | "to">): { since?: Date; before?: Date } {
  const range: { since?: Date; before?: Date } = {};
  if (filter.from) range.since = dateMidnight(filter.from);
  if (filter.to) range.before = new Date(dateMidnight(filter.to).getTime() + 24 * 60 * 60 * 1000);
  return range;
}
