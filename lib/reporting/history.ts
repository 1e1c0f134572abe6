/**
 * A task's reports as the counting pages read them (no text): each period's facts, every report
 * whose percent counts, and the latest of those. `historyUpTo` cuts a history at a period, so a
 * digest of 6月上半月 shows what was known of that half month and earlier, not a later report. Pure.
 */
import type { ProgressState } from "@/db/schema";
import type { ReportFacts } from "./compliance";

/** A submitted (or accepted) report with a percent: what counts as progress. */
export interface CountedReport {
  periodIndex: number;
  percent: number;
  progressState: ProgressState | null;
  late: boolean;
}

export interface ReportHistory {
  /** By period key: what classifyReport reads (status, late, a time of submission). */
  facts: (ReportFacts | undefined)[];
  /** The counted report of the latest period; null when none counts. */
  latest: CountedReport | null;
  /** Every counted report, in no particular order. */
  counted: CountedReport[];
}

/** The history up to and including period key `lastKey` (keys of one cadence are in time order). */
export function historyUpTo(history: ReportHistory, lastKey: number): ReportHistory {
  const facts: (ReportFacts | undefined)[] = [];
  history.facts.forEach((f, key) => {
    if (key <= lastKey) facts[key] = f;
  });
  const counted = history.counted.filter((r) => r.periodIndex <= lastKey);
  let latest: CountedReport | null = null;
  for (const r of counted) if (!latest || r.periodIndex > latest.periodIndex) latest = r;
  return { facts, latest, counted };
}
