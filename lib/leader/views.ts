/**
 * The leader dashboard's views (tabs, `?view=`): 需要您关注 first; the full task list, the units
 * with the progress chart, and the 量化指标 one click away. A filtered link (a count, a unit) opens
 * the task list. Unknown values fall back to the default.
 */
import { z } from "zod";

export const LEADER_VIEWS = ["attention", "tasks", "units", "indicators"] as const;
export type LeaderView = (typeof LEADER_VIEWS)[number];

export const LEADER_VIEW_LABEL: Record<LeaderView, string> = { attention: "需要您关注", tasks: "全部任务", units: "牵头单位与走势", indicators: "量化指标" };

const viewSchema = z.enum(LEADER_VIEWS).optional().catch(undefined);

export function leaderView(raw: unknown, filtered: boolean): LeaderView {
  const first = Array.isArray(raw) ? raw[0] : raw;
  return viewSchema.parse(first) ?? (filtered ? "tasks" : "attention");
}
