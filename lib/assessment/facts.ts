/**
 * From the rows the assessment reads (lib/data/assessment-facts.ts) to each unit's facts, every fact
 * with the record behind it. Pure: the schedule rules (lib/reporting/deadlines.ts), compliance
 * (lib/reporting/compliance.ts), pace against 序时进度 (lib/leader/pace.ts), indicator targets
 * (lib/indicators/completion.ts) and copy flags (lib/overview/similarity.ts) are the ones the rest of
 * the app judges by.
 *
 * Rules:
 * - Owed (按时报送): every report period of a task the unit leads, and every input period of a task it
 *   cooperates on (not also leading it), whose period ends in the span and whose due time has passed
 *   (`at`, the clock). On time = filed (submitted/accepted) and not late, by the server's stamp at filing.
 * - On pace (进度达标): each ordinary task the unit leads, judged at the span's end (or now, before it
 *   ends: lib/assessment/period.ts judgedAt) by its latest report submitted by then against 序时进度
 *   then; 已完成 / 超进度 / 达进度 count.
 * - Targets met (目标完成): each confirmed indicator of a task the unit leads, by its latest value
 *   reported by that same instant (the data module reads it so); met as lib/indicators reads the comparator.
 * - Quality (报送质量): each report of a task it leads whose period is owed in the span and that the
 *   office has decided on (accepted, or returned at least once); clean = accepted at its first
 *   submission and its text not flagged 照抄/疑似套话 against the task's previous report. Reports still
 *   waiting for review are listed but not counted.
 * - Criticism / commendation: each published notice of that kind (not a correction) naming the unit,
 *   published in the span. Overdue 整改: each rectification of the unit due in the span (and already
 *   due) not submitted by its due time.
 */
import type { CadenceValue, IndicatorComparator, IndicatorMeasure, ProgressState, ReportStatus } from "@/db/schema";
import { meetsTarget } from "@/lib/indicators/completion";
import { paceOf, type PaceStatus } from "@/lib/leader/pace";
import { formatNoticeNumber } from "@/lib/notices/format";
import { dateMidnight } from "@/lib/periods";
import { copyFlagOf, type CopyFlag } from "@/lib/overview/similarity";
import { classifyReport, type Compliance } from "@/lib/reporting/compliance";
import { owedPeriodIndexes, periodWithDue } from "@/lib/reporting/deadlines";
import { scheduleOf, type PlanTiming } from "@/lib/reporting/plan-schedule";
import { timeProgress } from "@/lib/reporting/time-progress";
import { type AssessmentSpan, judgedAt } from "./period";

// ── What the data module reads ───────────────────────────────────────────────

export interface FactTask {
  id: number;
  seq: number;
  content: string;
  cadence: CadenceValue | null;
  dueOn: string | null;
  closedAfterPeriod: number | null;
  reportingStartPeriod: number | null;
  leadUnitIds: number[];
  cooperatingUnitIds: number[];
}

export interface FactReport {
  id: number;
  taskId: number;
  periodIndex: number;
  status: ReportStatus;
  late: boolean | null;
  submittedAt: Date | null;
  percent: number | null;
  progressState: ProgressState | null;
  submissions: number;
  /** The latest submitted version's 本期工作进展, and the task's previous submitted report's (null: none). */
  progress: string | null;
  previousProgress: string | null;
}

export interface FactContribution {
  taskId: number;
  unitId: number;
  periodIndex: number;
  status: "draft" | "submitted";
  late: boolean | null;
  submittedAt: Date | null;
}

export interface FactIndicator {
  id: number;
  taskId: number;
  name: string;
  comparator: IndicatorComparator;
  target: number;
  unit: string;
  baseline: number | null;
  measure: IndicatorMeasure;
  /** The latest value reported by the judging instant, and its period. */
  value: number | null;
  valuePeriodIndex: number | null;
}

export interface FactNotice {
  id: number;
  kind: "criticism" | "commendation";
  year: number;
  number: number;
  title: string;
  publishedAt: Date;
  unitIds: number[];
}

export interface FactRectification {
  id: number;
  noticeId: number;
  noticeKind: "criticism";
  noticeYear: number;
  noticeNumber: number | null;
  unitId: number;
  dueAt: Date;
  submittedAt: Date | null;
}

export interface AssessmentRawFacts {
  plan: PlanTiming & { id: number };
  units: { id: number; name: string }[];
  tasks: FactTask[];
  taskOverrides: ReadonlyMap<number, ReadonlyMap<number, Date>>;
  reports: FactReport[];
  contributions: FactContribution[];
  indicators: FactIndicator[];
  notices: FactNotice[];
  rectifications: FactRectification[];
}

// ── Each unit's facts ────────────────────────────────────────────────────────

export interface OwedFact {
  owes: "report" | "contribution";
  taskId: number;
  seq: number;
  periodIndex: number;
  periodLabel: string;
  dueAt: Date;
  compliance: Compliance;
  onTime: boolean;
}

export interface PaceFact {
  taskId: number;
  seq: number;
  status: PaceStatus;
  percent: number | null;
  expected: number;
  atOrAhead: boolean;
}

export interface IndicatorFact {
  indicatorId: number;
  taskId: number;
  seq: number;
  name: string;
  target: string;
  value: number | null;
  met: boolean;
}

export type QualityState = "clean" | "returned" | "copied" | "pending";

export interface QualityFact {
  reportId: number;
  taskId: number;
  seq: number;
  periodIndex: number;
  periodLabel: string;
  state: QualityState;
  copyFlag: CopyFlag | null;
}

export interface NoticeFact {
  noticeId: number;
  numberText: string;
  title: string;
}

export interface RectificationFact {
  rectificationId: number;
  noticeId: number;
  numberText: string;
  dueAt: Date;
  submittedAt: Date | null;
}

export interface UnitFacts {
  unitId: number;
  unitName: string;
  owed: OwedFact[];
  paces: PaceFact[];
  indicators: IndicatorFact[];
  quality: QualityFact[];
  criticisms: NoticeFact[];
  overdueRectifications: RectificationFact[];
  commendations: NoticeFact[];
}

const COMPARATOR_TEXT: Record<IndicatorComparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "≈": "≈", "=": "=" };

const inSpan = (instant: Date, span: AssessmentSpan) => instant.getTime() >= span.start.getTime() && instant.getTime() < span.end.getTime();
const counted = (status: ReportStatus) => status === "submitted" || status === "accepted";

/** Every given unit's facts, in the order of `raw.units`; `at` is the clock. */
export function buildUnitFacts(raw: AssessmentRawFacts, span: AssessmentSpan, at: Date): UnitFacts[] {
  const judged = judgedAt(span, at);
  const byUnit = new Map<number, UnitFacts>(
    raw.units.map((u) => [
      u.id,
      { unitId: u.id, unitName: u.name, owed: [], paces: [], indicators: [], quality: [], criticisms: [], overdueRectifications: [], commendations: [] },
    ]),
  );
  const reportOf = new Map(raw.reports.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  const contributionOf = new Map(raw.contributions.map((c) => [`${c.taskId}:${c.unitId}:${c.periodIndex}`, c]));
  const taskOf = new Map(raw.tasks.map((t) => [t.id, t]));

  for (const task of raw.tasks) {
    const schedule = scheduleOf(raw.plan, { ...task, planId: raw.plan.id }, raw.taskOverrides.get(task.id));
    const periods = owedPeriodIndexes(schedule)
      .map((index) => periodWithDue(schedule, index))
      .filter((p) => inSpan(dateMidnight(p.endDate), span) && p.dueAt.getTime() < at.getTime())
      .map((p) => ({ index: p.index, label: p.label, dueAt: p.dueAt }));

    for (const period of periods) {
      const report = reportOf.get(`${task.id}:${period.index}`) ?? null;
      const compliance = classifyReport(report, period.dueAt, at);
      for (const unitId of task.leadUnitIds) {
        byUnit
          .get(unitId)
          ?.owed.push({
            owes: "report",
            taskId: task.id,
            seq: task.seq,
            periodIndex: period.index,
            periodLabel: period.label,
            dueAt: period.dueAt,
            compliance,
            onTime: compliance === "on_time",
          });
      }
      for (const unitId of task.cooperatingUnitIds) {
        if (task.leadUnitIds.includes(unitId)) continue;
        const input = contributionOf.get(`${task.id}:${unitId}:${period.index}`);
        const filed = input?.status === "submitted" && input.submittedAt !== null && input.submittedAt.getTime() <= at.getTime();
        const compliance: Compliance = filed ? (input.late ? "late" : "on_time") : "missing";
        byUnit
          .get(unitId)
          ?.owed.push({
            owes: "contribution",
            taskId: task.id,
            seq: task.seq,
            periodIndex: period.index,
            periodLabel: period.label,
            dueAt: period.dueAt,
            compliance,
            onTime: compliance === "on_time",
          });
      }
      // Quality: the lead units' report of this period, once the office has decided on it.
      if (report && report.submissions > 0 && report.submittedAt !== null) {
        const returned = report.submissions > 1 || report.status === "returned";
        const copy = report.progress !== null && report.previousProgress !== null ? copyFlagOf(report.previousProgress, report.progress).flag : null;
        let state: QualityState;
        if (returned) state = "returned";
        else if (report.status !== "accepted") state = "pending";
        else state = copy ? "copied" : "clean";
        for (const unitId of task.leadUnitIds) {
          byUnit
            .get(unitId)
            ?.quality.push({
              reportId: report.id,
              taskId: task.id,
              seq: task.seq,
              periodIndex: period.index,
              periodLabel: period.label,
              state,
              copyFlag: copy,
            });
        }
      }
    }

    // Pace at the judging instant, by the latest report submitted by then.
    const latest = raw.reports
      .filter((r) => r.taskId === task.id && counted(r.status) && r.submittedAt !== null && r.submittedAt.getTime() <= judged.getTime() && r.percent !== null)
      .sort((a, b) => b.periodIndex - a.periodIndex)[0];
    const closed = isClosedBy(task, raw.reports, judged);
    const pace = paceOf(
      { percent: latest?.percent ?? null, progressState: latest?.progressState ?? null, closed },
      timeProgress(raw.plan.year, task.dueOn, judged),
    );
    for (const unitId of task.leadUnitIds) {
      byUnit
        .get(unitId)
        ?.paces.push({
          taskId: task.id,
          seq: task.seq,
          status: pace.status,
          percent: pace.percent,
          expected: pace.expected,
          atOrAhead: pace.status === "completed" || pace.status === "ahead" || pace.status === "on_pace",
        });
    }
  }

  for (const indicator of raw.indicators) {
    const task = taskOf.get(indicator.taskId);
    if (!task) continue;
    const met = indicator.value !== null && meetsTarget(indicator, indicator.value);
    for (const unitId of task.leadUnitIds) {
      byUnit
        .get(unitId)
        ?.indicators.push({
          indicatorId: indicator.id,
          taskId: task.id,
          seq: task.seq,
          name: indicator.name,
          target: `${COMPARATOR_TEXT[indicator.comparator]} ${indicator.target}${indicator.unit}`,
          value: indicator.value,
          met,
        });
    }
  }

  for (const notice of raw.notices) {
    if (!inSpan(notice.publishedAt, span)) continue;
    const fact: NoticeFact = { noticeId: notice.id, numberText: formatNoticeNumber(notice.kind, notice.year, notice.number), title: notice.title };
    for (const unitId of new Set(notice.unitIds)) {
      const unit = byUnit.get(unitId);
      if (!unit) continue;
      (notice.kind === "criticism" ? unit.criticisms : unit.commendations).push(fact);
    }
  }

  for (const r of raw.rectifications) {
    if (!inSpan(r.dueAt, span) || r.dueAt.getTime() >= at.getTime()) continue;
    const onTime = r.submittedAt !== null && r.submittedAt.getTime() <= r.dueAt.getTime();
    if (onTime) continue;
    byUnit
      .get(r.unitId)
      ?.overdueRectifications.push({
        rectificationId: r.id,
        noticeId: r.noticeId,
        numberText: r.noticeNumber === null ? "（未编号）" : formatNoticeNumber(r.noticeKind, r.noticeYear, r.noticeNumber),
        dueAt: r.dueAt,
        submittedAt: r.submittedAt,
      });
  }

  for (const unit of byUnit.values()) {
    unit.owed.sort((a, b) => (a.owes === b.owes ? a.seq - b.seq || a.periodIndex - b.periodIndex : a.owes === "report" ? -1 : 1));
    unit.paces.sort((a, b) => a.seq - b.seq);
    unit.indicators.sort((a, b) => a.seq - b.seq || a.indicatorId - b.indicatorId);
    unit.quality.sort((a, b) => a.seq - b.seq || a.periodIndex - b.periodIndex);
  }
  return [...byUnit.values()];
}

/** A closed task (办结销号) counts as completed when its closing period's report was in by the judging instant. */
function isClosedBy(task: FactTask, reports: readonly FactReport[], at: Date): boolean {
  if (task.closedAfterPeriod === null) return false;
  const closing = reports.find((r) => r.taskId === task.id && r.periodIndex === task.closedAfterPeriod);
  return !closing?.submittedAt || closing.submittedAt.getTime() <= at.getTime();
}
