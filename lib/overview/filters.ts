/**
 * The period overview's filters (督查总览): period, leader, lead unit and state, kept in the URL.
 * Parsing never throws: a value that does not parse is simply not applied. Pure.
 */
import { z } from "zod";
import type { ProgressState } from "@/db/schema";
import { COMPLIANCE_LABEL, type Compliance } from "@/lib/reporting/compliance";
import type { CopyFlag } from "./similarity";
import { firstParam, type SearchParams } from "@/lib/query-params";

/** A compliance state, a progress state (滞后 / 受阻) or the copy flag (照抄). */
export const OVERVIEW_STATES = ["on_time", "late", "missing", "returned", "open", "closed", "lagging", "blocked", "copied"] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];

export const OVERVIEW_STATE_LABEL: Record<OverviewState, string> = { ...COMPLIANCE_LABEL, lagging: "滞后", blocked: "受阻", copied: "疑似照抄" };

const blankIsAbsent = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const id = z.preprocess(blankIsAbsent, z.coerce.number().int().positive().max(2_147_483_647).optional()).catch(undefined);

export const overviewSearchSchema = z.object({
  period: z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(24).optional()).catch(undefined),
  leader: id,
  unit: id,
  state: z.preprocess(blankIsAbsent, z.enum(OVERVIEW_STATES).optional()).catch(undefined),
  plan: id,
});

export interface OverviewFilter {
  periodIndex?: number;
  leaderId?: number;
  unitId?: number;
  state?: OverviewState;
  /** One plan (`?plan=`); every live plan by default. */
  planId?: number;
}

export function parseOverviewSearch(params: SearchParams): OverviewFilter {
  const get = (key: string) => firstParam(params, key);
  const parsed = overviewSearchSchema.parse({ period: get("period"), leader: get("leader"), unit: get("unit"), state: get("state"), plan: get("plan") });
  const out: OverviewFilter = {};
  if (parsed.period !== undefined) out.periodIndex = parsed.period;
  if (parsed.leader !== undefined) out.leaderId = parsed.leader;
  if (parsed.unit !== undefined) out.unitId = parsed.unit;
  if (parsed.state !== undefined) out.state = parsed.state;
  if (parsed.plan !== undefined) out.planId = parsed.plan;
  return out;
}

/** The query string of a filter (`period=11&unit=5`), for links and the export. */
export function overviewQuery(filter: OverviewFilter): string {
  const params = new URLSearchParams();
  if (filter.planId !== undefined) params.set("plan", String(filter.planId));
  if (filter.periodIndex !== undefined) params.set("period", String(filter.periodIndex));
  if (filter.leaderId !== undefined) params.set("leader", String(filter.leaderId));
  if (filter.unitId !== undefined) params.set("unit", String(filter.unitId));
  if (filter.state !== undefined) params.set("state", filter.state);
  return params.toString();
}

/** What a row needs for filtering. */
export interface FilterableRow {
  leaders: readonly { id: number }[];
  leadUnits: readonly { id: number }[];
  compliance: Compliance;
  progressState: ProgressState | null;
  copyFlag: CopyFlag | null;
}

/** The leader and lead-unit filters (the scope the counts are taken over). */
export function inScope(row: FilterableRow, filter: Pick<OverviewFilter, "leaderId" | "unitId">): boolean {
  if (filter.leaderId !== undefined && !row.leaders.some((l) => l.id === filter.leaderId)) return false;
  if (filter.unitId !== undefined && !row.leadUnits.some((u) => u.id === filter.unitId)) return false;
  return true;
}

/** The state filter, counted as countCompliance counts: a closed task is neither lagging nor blocked. */
export function hasState(row: FilterableRow, state: OverviewState | undefined): boolean {
  switch (state) {
    case undefined:
      return true;
    case "lagging":
    case "blocked":
      return row.compliance !== "closed" && row.progressState === state;
    case "copied":
      return row.copyFlag !== null;
    default:
      return row.compliance === state;
  }
}

export function applyOverviewFilter<T extends FilterableRow>(rows: readonly T[], filter: OverviewFilter): { scoped: T[]; shown: T[] } {
  const scoped = rows.filter((row) => inScope(row, filter));
  return { scoped, shown: scoped.filter((row) => hasState(row, filter.state)) };
}
