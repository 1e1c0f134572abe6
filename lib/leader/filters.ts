/** The dashboards' drill-down filters, from the query string (validated with zod; unknown values dropped). */
import { z } from "zod";
import type { BoardFilter } from "./board";
import { PACE_STATUSES, type PaceStatus } from "./pace";
import { firstParam, type SearchParams } from "@/lib/query-params";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const boardFilterSchema = z.object({
  pace: z
    .enum(PACE_STATUSES as [PaceStatus, ...PaceStatus[]])
    .optional()
    .catch(undefined),
  signal: z.enum(["red", "amber", "green"]).optional().catch(undefined),
  leader: id.optional().catch(undefined),
  unit: id.optional().catch(undefined),
  stale: z.literal("1").optional().catch(undefined),
  requests: z.literal("1").optional().catch(undefined),
  period: z.coerce.number().int().min(1).max(24).optional().catch(undefined),
  plan: id.optional().catch(undefined),
});

export interface DashboardQuery extends BoardFilter {
  period?: number;
  /** One plan (`?plan=`); every live plan by default. */
  plan?: number;
}

export function parseDashboardQuery(params: SearchParams): DashboardQuery {
  const get = (key: string) => {
    const first = firstParam(params, key);
    return first === "" ? undefined : first;
  };
  const parsed = boardFilterSchema.parse(Object.fromEntries(Object.keys(boardFilterSchema.shape).map((k) => [k, get(k)])));
  return {
    pace: parsed.pace,
    signal: parsed.signal,
    leader: parsed.leader,
    unit: parsed.unit,
    stale: parsed.stale === "1" ? true : undefined,
    requests: parsed.requests === "1" ? true : undefined,
    period: parsed.period,
    plan: parsed.plan,
  };
}

/** A query string for a filter (keys in a fixed order), `?…` or empty. */
export function dashboardQuery(filter: DashboardQuery, change: Partial<DashboardQuery> = {}): string {
  const merged = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const key of ["plan", "leader", "unit", "pace", "signal", "stale", "requests", "period"] as const) {
    const value = merged[key];
    if (value === undefined || value === false) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
