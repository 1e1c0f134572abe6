/**
 * The progress state the public page shows for a task (政务公开). Pure. The words are the app's own
 * (lib/reporting/schemas.ts PROGRESS_STATE_LABEL): the state the lead unit gave in its latest submitted
 * report, 已完成 once the task is closed (办结销号) or reported complete, 暂无报告 before any report.
 */
import type { ProgressState } from "@/db/schema";
import { PROGRESS_STATE_LABEL } from "@/lib/reporting/schemas";

export const PUBLIC_STATES = ["on_track", "lagging", "blocked", "completed", "unreported"] as const;
export type PublicState = (typeof PUBLIC_STATES)[number];

export const PUBLIC_STATE_LABEL: Readonly<Record<PublicState, string>> = { ...PROGRESS_STATE_LABEL, unreported: "暂无报告" };

export function isPublicState(value: unknown): value is PublicState {
  return typeof value === "string" && (PUBLIC_STATES as readonly string[]).includes(value);
}

export interface PublicStateFacts {
  /** 办结销号. */
  closed: boolean;
  /** The latest submitted (or accepted) report: its state and percent; null before any. */
  latest: { progressState: ProgressState | null; percent: number | null } | null;
}

export function publicStateOf(facts: PublicStateFacts): PublicState {
  if (facts.closed) return "completed";
  if (!facts.latest) return "unreported";
  if (facts.latest.percent === 100 || facts.latest.progressState === "completed") return "completed";
  return facts.latest.progressState ?? "on_track";
}
