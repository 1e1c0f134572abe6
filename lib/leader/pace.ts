/**
 * 进度状态 of a task against its 序时进度, in the words offices use. Pure: the caller passes the
 * latest submitted report's facts and the expected progress (lib/reporting/time-progress.ts).
 *
 *   已完成  reported 100%, or progress state 已完成, or the task is closed (办结销号)
 *   超进度  reported ≥ 序时进度 + PACE_TOLERANCE
 *   达进度  within PACE_TOLERANCE of 序时进度 (either side, edges included)
 *   欠进度  reported < 序时进度 − PACE_TOLERANCE
 *   未报送  no submitted report yet: nothing to judge by
 */
import type { ProgressState } from "@/db/schema";
import { timeProgress } from "@/lib/reporting/time-progress";

export type PaceStatus = "completed" | "ahead" | "on_pace" | "behind" | "unreported";

export const PACE_STATUSES: readonly PaceStatus[] = ["ahead", "on_pace", "behind", "completed", "unreported"];

export const PACE_LABEL: Record<PaceStatus, string> = { completed: "已完成", ahead: "超进度", on_pace: "达进度", behind: "欠进度", unreported: "未报送" };

/** Percentage points either side of 序时进度 that still count as 达进度. */
export const PACE_TOLERANCE = 5;

export interface PaceFacts {
  /** The latest submitted report's percent (0–100), null when none has been submitted. */
  percent: number | null;
  progressState: ProgressState | null;
  /** 办结销号. */
  closed: boolean;
}

export interface Pace {
  status: PaceStatus;
  /** The reported percent it was judged by (null: no report). */
  percent: number | null;
  /** 序时进度 at the instant, 0–100. */
  expected: number;
  /** Reported minus expected, one decimal; null without a report. */
  gap: number | null;
}

/** 序时进度 of a task: the elapsed share of its span (plan year start → 完成时限 or year end). */
export function expectedProgress(planYear: number, dueOn: string | null, at: Date): number {
  return timeProgress(planYear, dueOn, at);
}

export function paceStatus(facts: PaceFacts, expected: number): PaceStatus {
  if (facts.closed || facts.percent === 100 || facts.progressState === "completed") return "completed";
  if (facts.percent === null) return "unreported";
  if (facts.percent >= expected + PACE_TOLERANCE) return "ahead";
  if (facts.percent < expected - PACE_TOLERANCE) return "behind";
  return "on_pace";
}

export function paceOf(facts: PaceFacts, expected: number): Pace {
  const gap = facts.percent === null ? null : Math.round((facts.percent - expected) * 10) / 10;
  return { status: paceStatus(facts, expected), percent: facts.percent, expected, gap };
}

export type PaceCounts = Record<PaceStatus, number>;

export function countPaces(statuses: Iterable<PaceStatus>): PaceCounts {
  const counts: PaceCounts = { completed: 0, ahead: 0, on_pace: 0, behind: 0, unreported: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}
