/**
 * 红黄绿灯 of a task for its leader: one pure rule weighing pace, lateness, open coordination
 * requests and criticism, returning the colour AND the reasons (Chinese), so the page can explain
 * every light. The legend on the dashboard prints SIGNAL_RULES, so the words and the rule agree.
 *
 * 红灯 when any of:
 *   - 欠进度 by SIGNAL_RULES.behindRedGap points or more;
 *   - SIGNAL_RULES.missingRed or more of the last SIGNAL_RULES.recentPeriods periods 未报送;
 *   - a coordination request unanswered (待批示) for SIGNAL_RULES.requestRedDays days or more;
 *   - the lead unit criticised (通报批评, published) SIGNAL_RULES.criticismRed times or more.
 * 黄灯 otherwise, when any of: 欠进度 (by less), no report yet, one period 未报送, a late report or a
 *   returned one not filed again in those periods, an unresolved coordination request, one criticism.
 * 绿灯 otherwise. A closed task (办结销号) is green.
 */
import { PACE_TOLERANCE, type Pace } from "./pace";

export type Signal = "red" | "amber" | "green";

export const SIGNAL_LABEL: Record<Signal, string> = { red: "红灯", amber: "黄灯", green: "绿灯" };

export const SIGNAL_RULES = {
  /** 欠进度 by this many points or more is red (less, but more than PACE_TOLERANCE, is amber). */
  behindRedGap: 15,
  /** Lateness is weighed over the last this many periods whose due time has passed. */
  recentPeriods: 4,
  /** This many 未报送 periods among them is red; one is amber. */
  missingRed: 2,
  /** A request waiting this many days for an instruction (批示) is red. */
  requestRedDays: 14,
  /** This many published criticisms of the lead unit are red; one is amber. */
  criticismRed: 2,
} as const;

export interface SignalFacts {
  pace: Pace;
  closed: boolean;
  /** Compliance counts over the recent periods (lib/reporting/compliance.ts classifies them). */
  recent: { late: number; missing: number; returned: number };
  requests: {
    /** 待批示 or 已批示 (not yet 已解决). */
    unresolved: number;
    /** Days the oldest 待批示 request has waited; null when none waits. */
    oldestUnansweredDays: number | null;
    /** Days since the oldest unresolved request was raised; null when none. */
    oldestUnresolvedDays: number | null;
  };
  /** Published 通报批评 naming a lead unit of the task, this plan. */
  criticisms: number;
}

export interface SignalReason {
  level: Exclude<Signal, "green">;
  text: string;
}

export interface SignalResult {
  signal: Signal;
  /** Red reasons first; empty for green. */
  reasons: SignalReason[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from an instant to another (0 within the first day, never negative). */
export function daysSince(from: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - from.getTime()) / DAY_MS));
}

export function taskSignal(facts: SignalFacts): SignalResult {
  if (facts.closed) return { signal: "green", reasons: [] };
  const reasons: SignalReason[] = [];
  const add = (level: SignalReason["level"], text: string) => reasons.push({ level, text });
  const { pace, recent, requests } = facts;
  const n = SIGNAL_RULES.recentPeriods;

  if (pace.status === "behind" && pace.gap !== null) {
    const behind = Math.round(-pace.gap * 10) / 10;
    add(behind >= SIGNAL_RULES.behindRedGap ? "red" : "amber", `欠进度 ${behind} 个百分点（已报 ${pace.percent}%，序时进度 ${pace.expected}%）`);
  } else if (pace.status === "unreported") {
    add("amber", "尚无已报送的进度，无法判断是否达到序时进度");
  }

  if (recent.missing >= SIGNAL_RULES.missingRed) add("red", `近 ${n} 期有 ${recent.missing} 期未报送`);
  else if (recent.missing > 0) add("amber", `近 ${n} 期有 ${recent.missing} 期未报送`);
  if (recent.late > 0) add("amber", `近 ${n} 期逾期报送 ${recent.late} 次`);
  if (recent.returned > 0) add("amber", `近 ${n} 期被退回未重报 ${recent.returned} 次`);

  if (requests.oldestUnansweredDays !== null && requests.oldestUnansweredDays >= SIGNAL_RULES.requestRedDays) {
    add("red", `需协调事项已 ${requests.oldestUnansweredDays} 天未批示`);
  } else if (requests.unresolved > 0) {
    add(
      "amber",
      `需协调事项 ${requests.unresolved} 项未解决${requests.oldestUnresolvedDays !== null ? `（最早的已 ${requests.oldestUnresolvedDays} 天）` : ""}`,
    );
  }

  if (facts.criticisms >= SIGNAL_RULES.criticismRed) add("red", `牵头单位被通报批评 ${facts.criticisms} 次`);
  else if (facts.criticisms > 0) add("amber", `牵头单位被通报批评 ${facts.criticisms} 次`);

  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === "red" ? -1 : 1));
  const signal: Signal = reasons.some((r) => r.level === "red") ? "red" : reasons.length > 0 ? "amber" : "green";
  return { signal, reasons };
}

/** The legend's lines, from the same constants the rule reads. */
export function signalLegend(): { signal: Signal; text: string }[] {
  const r = SIGNAL_RULES;
  return [
    {
      signal: "red",
      text: `欠进度 ${r.behindRedGap} 个百分点及以上；或近 ${r.recentPeriods} 期有 ${r.missingRed} 期及以上未报送；或需协调事项 ${r.requestRedDays} 天及以上未批示；或牵头单位被通报批评 ${r.criticismRed} 次及以上。`,
    },
    {
      signal: "amber",
      text: `欠进度（低于序时进度 ${PACE_TOLERANCE} 个百分点以上、不到 ${r.behindRedGap} 个百分点）；或尚无已报送的进度；或近 ${r.recentPeriods} 期有 1 期未报送、逾期报送或被退回未重报；或有未解决的需协调事项；或牵头单位被通报批评 1 次。`,
    },
    { signal: "green", text: "以上情况均没有；已办结销号的任务为绿灯。" },
  ];
}
