/**
 * The task table's URL: its search (text, leader, unit, plan or year) and its paging (page, size,
 * sort by 序号, 完成时限 or 牵头单位), parsed and bounded. Never throws: a value that does not parse
 * is not applied. Pure.
 */
import { z } from "zod";
import { PAGE_SIZES, type PageSize, type Paging, parsePaging, type SortOrder } from "@/lib/paging";
import { firstParam, type SearchParams } from "@/lib/query-params";

const id = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);
const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);

export const taskSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  leader: z.preprocess(blankIsAbsent, id),
  unit: z.preprocess(blankIsAbsent, id),
  plan: z.preprocess(blankIsAbsent, id),
  year: z.preprocess(blankIsAbsent, z.coerce.number().int().min(2000).max(2100).optional()).catch(undefined),
});

export interface TaskSearch {
  text?: string;
  leaderId?: number;
  unitId?: number;
  /** One plan (any state the user may see); every live plan by default. */
  planId?: number;
  /** A year's plans (an earlier year read-only, or one just imported). */
  year?: number;
  /** Only tasks with an indicator (目标跟踪 reads no other); not a URL parameter. */
  withIndicators?: boolean;
}

/** The orders of the task table: 序号 (plan order, then 序号), 完成时限, 牵头单位. */
export const TASK_SORTS = ["seq", "due", "lead"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export const TASK_ORDER: SortOrder<TaskSort> = { key: "seq", descending: false };

export function parseTaskSearch(params: SearchParams): TaskSearch {
  const get = (key: string) => firstParam(params, key);
  const parsed = taskSearchSchema.parse({ q: get("q"), leader: get("leader"), unit: get("unit"), plan: get("plan"), year: get("year") });
  return {
    text: parsed.q || undefined,
    leaderId: parsed.leader,
    unitId: parsed.unit,
    planId: parsed.plan,
    year: parsed.plan === undefined ? parsed.year : undefined,
  };
}

/** The search and the paging of the task table from its URL. */
/**
 * The task table's first page: 20 rows. A task's text runs to 200 characters, sent once as HTML and
 * once in the page's data, so 50 rows would make the table several times heavier than the screen
 * shows at once; 50 and 100 are a click away.
 */
export const TASK_PAGE_SIZE: PageSize = 20;

export function parseTaskList(params: SearchParams): { search: TaskSearch; paging: Paging<TaskSort> } {
  return { search: parseTaskSearch(params), paging: parsePaging(params, TASK_SORTS, TASK_ORDER, PAGE_SIZES, TASK_PAGE_SIZE) };
}

/** The search as URL parameters (absent ones left out), for the pager's links and the export. */
export function taskSearchParams(search: TaskSearch): [string, string][] {
  const out: [string, string][] = [];
  if (search.text) out.push(["q", search.text]);
  if (search.leaderId !== undefined) out.push(["leader", String(search.leaderId)]);
  if (search.unitId !== undefined) out.push(["unit", String(search.unitId)]);
  if (search.planId !== undefined) out.push(["plan", String(search.planId)]);
  if (search.year !== undefined) out.push(["year", String(search.year)]);
  return out;
}

/** A unit's page lists one of its two lists at a time: the tasks it leads (the default) or those it cooperates on. */
export const UNIT_TASK_ROLES = ["lead", "cooperating"] as const;
export type UnitTaskRole = (typeof UNIT_TASK_ROLES)[number];
const SEQ_ONLY = ["seq"] as const;
export const UNIT_TASK_ORDER: SortOrder<"seq"> = { key: "seq", descending: false };

export function parseUnitTaskList(params: SearchParams): { role: UnitTaskRole; paging: Paging<"seq"> } {
  const role = z
    .enum(UNIT_TASK_ROLES)
    .catch("lead")
    .parse(firstParam(params, "role") ?? "lead");
  // Plan order, then 序号: the one order of a unit's lists.
  return { role, paging: { ...parsePaging(params, SEQ_ONLY, UNIT_TASK_ORDER), sort: UNIT_TASK_ORDER } };
}
