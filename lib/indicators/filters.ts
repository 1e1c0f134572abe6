/** The 目标跟踪 page's and export's filters, from the query string. Unknown values are dropped. */
import { z } from "zod";
import { INDICATOR_PACE_LABEL, type IndicatorPace } from "./completion";
import { firstParam, type SearchParams } from "@/lib/query-params";

const PACES = Object.keys(INDICATOR_PACE_LABEL) as [IndicatorPace, ...IndicatorPace[]];
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const trackingFilterSchema = z.object({
  pace: z.enum(PACES).optional().catch(undefined),
  leader: id.optional().catch(undefined),
  unit: id.optional().catch(undefined),
  /** 年终: met or not, whatever the pace. */
  view: z.enum(["year-end"]).optional().catch(undefined),
});
export type TrackingFilter = z.infer<typeof trackingFilterSchema>;

export function parseTrackingSearch(params: SearchParams): TrackingFilter {
  const get = (key: string) => firstParam(params, key);
  return trackingFilterSchema.parse({
    pace: get("pace") || undefined,
    leader: get("leader") || undefined,
    unit: get("unit") || undefined,
    view: get("view") || undefined,
  });
}

export function trackingQuery(filter: TrackingFilter, change: Partial<TrackingFilter> = {}): string {
  const merged = { ...filter, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
