/**
 * 考核得分: a unit's score under a rubric, from its facts (./facts.ts), every point with the records
 * behind it. Pure.
 *
 * - A share item scores points × (done well ÷ owed), rounded to 0.01. A unit that owed nothing under an
 *   item (no report due, no task led, no confirmed indicator, no report decided on) gets the item's full
 *   points, marked 无应报事项: it cannot be faulted for what it was never asked to do.
 * - A deduction or addition counts its occurrences × points each, held to its cap when one is set.
 * - The office's adjustments (with their reasons) are added last. The total is rounded to 0.01.
 */
import type { PaceStatus } from "@/lib/leader/pace";
import { PACE_LABEL } from "@/lib/leader/pace";
import { COPY_FLAG_LABEL } from "@/lib/overview/similarity";
import { COMPLIANCE_LABEL } from "@/lib/reporting/compliance";
import type { QualityState, UnitFacts } from "./facts";
import { isAdditionKind, RUBRIC_LABEL, round2, type CountItem, type Rubric, type RubricKind, type ShareItem } from "./rubric";

/** One record behind a point: what it is, where to see it, and whether it counted for or against. */
export interface Evidence {
  text: string;
  href: string;
  /** true: counted as done well (or an addition); false: against. */
  good: boolean;
}

export interface ItemScore {
  kind: RubricKind;
  label: string;
  /** Share items: their points; counted items: the cap (null: none). */
  max: number | null;
  points: number;
  /** Share items: done well and owed; counted items: occurrences. */
  numerator: number;
  denominator: number | null;
  /** A share item where nothing was owed (full points). */
  noneOwed: boolean;
  /** Reports waiting for the office's review, not counted under 报送质量. */
  notCounted: number;
  evidence: Evidence[];
}

export interface AdjustmentFact {
  id: number;
  points: number;
  reason: string;
  createdAt: Date;
}

export interface UnitScore {
  unitId: number;
  unitName: string;
  items: ItemScore[];
  /** The sum of the items, before adjustments. */
  computed: number;
  adjustments: AdjustmentFact[];
  adjustment: number;
  total: number;
}

const QUALITY_LABEL: Record<QualityState, string> = { clean: "一次审核通过", returned: "曾被退回", copied: "照抄/套话", pending: "待审核（不计）" };

const reportHref = (taskId: number, periodIndex: number) => `/tasks/${taskId}/reports/${periodIndex}`;
const noticeHref = (id: number) => `/notices/${id}`;

function shareScore(item: ShareItem, good: number, owed: number, evidence: Evidence[], notCounted = 0): ItemScore {
  const noneOwed = owed === 0;
  return {
    kind: item.kind,
    label: RUBRIC_LABEL[item.kind],
    max: item.points,
    points: noneOwed ? item.points : round2((item.points * good) / owed),
    numerator: good,
    denominator: owed,
    noneOwed,
    notCounted,
    evidence,
  };
}

function countScore(item: CountItem, evidence: Evidence[]): ItemScore {
  const raw = evidence.length * item.pointsEach;
  const held = item.cap === null ? raw : Math.min(raw, item.cap);
  const sign = isAdditionKind(item.kind) ? 1 : -1;
  return {
    kind: item.kind,
    label: RUBRIC_LABEL[item.kind],
    max: item.cap,
    points: round2(sign * held) + 0,
    numerator: evidence.length,
    denominator: null,
    noneOwed: false,
    notCounted: 0,
    evidence,
  };
}

function itemScore(item: Rubric[number], facts: UnitFacts): ItemScore {
  switch (item.kind) {
    case "on_time":
      return shareScore(
        item,
        facts.owed.filter((o) => o.onTime).length,
        facts.owed.length,
        facts.owed.map((o) => ({
          text: `${o.owes === "report" ? "进展报告" : "配合进展"} 第${o.seq}项 ${o.periodLabel}：${COMPLIANCE_LABEL[o.compliance]}`,
          href: o.owes === "report" ? reportHref(o.taskId, o.periodIndex) : `/tasks/${o.taskId}`,
          good: o.onTime,
        })),
      );
    case "on_pace":
      return shareScore(
        item,
        facts.paces.filter((p) => p.atOrAhead).length,
        facts.paces.length,
        facts.paces.map((p) => ({ text: paceText(p.seq, p.status, p.percent, p.expected), href: `/tasks/${p.taskId}`, good: p.atOrAhead })),
      );
    case "targets_met":
      return shareScore(
        item,
        facts.indicators.filter((i) => i.met).length,
        facts.indicators.length,
        facts.indicators.map((i) => ({
          text: `第${i.seq}项 ${i.name}（目标 ${i.target}）：${i.value === null ? "未填报" : `${i.value}`}${i.met ? "，已达标" : "，未达标"}`,
          href: `/tasks/${i.taskId}/indicators`,
          good: i.met,
        })),
      );
    case "quality": {
      const decided = facts.quality.filter((q) => q.state !== "pending");
      return shareScore(
        item,
        decided.filter((q) => q.state === "clean").length,
        decided.length,
        facts.quality.map((q) => ({
          text: `第${q.seq}项 ${q.periodLabel}：${q.state === "copied" && q.copyFlag ? COPY_FLAG_LABEL[q.copyFlag] : QUALITY_LABEL[q.state]}`,
          href: reportHref(q.taskId, q.periodIndex),
          good: q.state === "clean",
        })),
        facts.quality.length - decided.length,
      );
    }
    case "criticism":
      return countScore(
        item,
        facts.criticisms.map((n) => ({ text: `${n.numberText}《${n.title}》`, href: noticeHref(n.noticeId), good: false })),
      );
    case "overdue_rectification":
      return countScore(
        item,
        facts.overdueRectifications.map((r) => ({
          text: `${r.numberText} 整改报告${r.submittedAt ? "逾期报送" : "逾期未报送"}`,
          href: noticeHref(r.noticeId),
          good: false,
        })),
      );
    case "commendation":
      return countScore(
        item,
        facts.commendations.map((n) => ({ text: `${n.numberText}《${n.title}》`, href: noticeHref(n.noticeId), good: true })),
      );
  }
}

function paceText(seq: number, status: PaceStatus, percent: number | null, expected: number): string {
  const reported = percent === null ? "无报告" : `报告进度 ${percent}%`;
  return `第${seq}项：${PACE_LABEL[status]}（${reported}，序时进度 ${expected}%）`;
}

export function scoreUnit(rubric: Rubric, facts: UnitFacts, adjustments: readonly AdjustmentFact[] = []): UnitScore {
  const items = rubric.map((item) => itemScore(item, facts));
  const computed = round2(items.reduce((sum, i) => sum + i.points, 0));
  const adjustment = round2(adjustments.reduce((sum, a) => sum + a.points, 0));
  return { unitId: facts.unitId, unitName: facts.unitName, items, computed, adjustments: [...adjustments], adjustment, total: round2(computed + adjustment) };
}

/** Every unit's score, highest first (ties by name as given); `rank` counts ties as equal. */
export function scoreTable(
  rubric: Rubric,
  units: readonly UnitFacts[],
  adjustments: ReadonlyMap<number, readonly AdjustmentFact[]>,
): (UnitScore & { rank: number })[] {
  const scores = units.map((u) => scoreUnit(rubric, u, adjustments.get(u.unitId) ?? []));
  const sorted = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s.total - a.s.total || a.i - b.i);
  let rank = 0;
  let previous: number | null = null;
  return sorted.map(({ s }, i) => {
    if (previous === null || s.total !== previous) rank = i + 1;
    previous = s.total;
    return { ...s, rank };
  });
}
