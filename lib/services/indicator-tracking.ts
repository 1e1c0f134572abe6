/**
 * 目标跟踪: every confirmed indicator of the tasks the user may see, with its latest submitted value,
 * completion against the target and against 序时进度, counts by standing, a year-end view and XLSX.
 * The task scope is the task table's (listTasksFor): a leader their tasks, a unit its tasks, the
 * office, the administrator and 王国泉 every task.
 */
import writeXlsxFile, { type Row } from "write-excel-file/node";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { countProposedIndicators, latestByIndicator, listSubmittedValues, listTaskDueDates, listTrackedIndicators } from "@/lib/data/indicator-values";
import { INDICATOR_PACE_LABEL } from "@/lib/indicators/completion";
import { COMPARATOR_TEXT } from "@/lib/indicators/labels";
import type { TrackingFilter } from "@/lib/indicators/filters";
import { targetText } from "@/lib/indicators/format";
import { countByPace, trackingRows, type IndicatorCounts, type IndicatorRow, type TrackedTask } from "@/lib/indicators/tracking";
import { formatShanghai, periodOf } from "@/lib/periods";
import { timeProgress } from "@/lib/reporting/time-progress";
import { escapeSpreadsheetText } from "./export";
import { listTasksFor } from "./tasks";

export interface IndicatorTracking {
  plan: { id: number; year: number; title: string } | null;
  /** 覆盖：… — the live plans whose tasks' indicators are counted. */
  coverage: string;
  /** The moment looked at (the app clock), and whether the plan's year is over. */
  at: Date;
  yearOver: boolean;
  counts: IndicatorCounts;
  /** Extracted indicators of these tasks still waiting for the lead unit's confirmation (not tracked). */
  proposed: number;
  /** The rows the filter keeps. */
  rows: IndicatorRow[];
}

const EMPTY: IndicatorCounts = { tracked: 0, met: 0, ahead: 0, on_pace: 0, behind: 0, no_value: 0 };

export async function getIndicatorTracking(
  actor: Actor,
  filter: TrackingFilter = {},
  options: { taskIds?: readonly number[] } = {},
): Promise<IndicatorTracking> {
  const at = now();
  const { plan, tasks, scope } = await listTasksFor(actor, { leaderId: filter.leader, unitId: filter.unit, withIndicators: true });
  if (!plan) return { plan: null, coverage: scope.coverage, at, yearOver: false, counts: EMPTY, proposed: 0, rows: [] };
  // Every live plan's tasks; each task's 序时进度 runs over its own plan's year.
  const yearOf = new Map(tasks.map((t) => [t.id, t.planYear]));
  const wanted = options.taskIds ? new Set(options.taskIds) : null;
  const scoped = tasks.filter((t) => !t.overall && (!wanted || wanted.has(t.id)));
  const ids = scoped.map((t) => t.id);
  const [indicators, dueDates, proposed] = await Promise.all([listTrackedIndicators(db, ids), listTaskDueDates(db, ids), countProposedIndicators(db, ids)]);
  const latest = latestByIndicator(
    await listSubmittedValues(
      db,
      indicators.map((i) => i.id),
    ),
  );
  const taskMap = new Map<number, TrackedTask>(
    scoped.map((t) => [t.id, { id: t.id, seq: t.seq, content: t.content, leaders: t.leaders, leadUnits: t.leadUnits }]),
  );
  const all = trackingRows(
    indicators,
    taskMap,
    latest,
    (taskId) => timeProgress(yearOf.get(taskId) ?? plan.year, dueDates.get(taskId) ?? null, at),
    (i) => periodOf(plan.year, i).label,
  );
  const yearOver = timeProgress(plan.year, null, at) >= 100;
  const rows = filter.pace ? all.filter((r) => r.pace === filter.pace) : all;
  return { plan: { id: plan.id, year: plan.year, title: plan.title }, coverage: scope.coverage, at, yearOver, counts: countByPace(all), proposed, rows };
}

export const INDICATOR_COLUMNS = [
  "序号",
  "重点工作任务",
  "责任领导",
  "牵头单位",
  "指标",
  "目标",
  "比较",
  "累计/水平",
  "基数",
  "最新值",
  "填报期次",
  "完成率（%）",
  "序时进度（%）",
  "状态",
  "是否达标",
] as const;

/** The tracking rows as XLSX, with the page's filters; cells are values, never formulas. */
export async function exportIndicatorTracking(actor: Actor, filter: TrackingFilter): Promise<{ filename: string; content: Buffer; rows: number }> {
  const tracking = await getIndicatorTracking(actor, filter);
  const text = (value: string) => ({ type: String, value: escapeSpreadsheetText(value), wrap: true }) as const;
  const num = (value: number | null) => (value === null ? { type: String, value: "" } : { type: Number, value });
  const header: Row = INDICATOR_COLUMNS.map((title) => ({ value: title, fontWeight: "bold" as const, backgroundColor: "#F5F5F4" }));
  const body: Row[] = tracking.rows.map((r) => [
    { type: Number, value: r.task.seq },
    text(r.task.content),
    text(r.task.leaders.join("、")),
    text(r.task.leadUnits.join("、")),
    text(r.indicator.name),
    text(targetText(r.indicator)),
    text(COMPARATOR_TEXT[r.indicator.comparator].column),
    text(r.indicator.measure === "cumulative" ? "累计" : "水平"),
    num(r.indicator.baseline),
    num(r.latest?.value ?? null),
    text(r.latest?.periodLabel ?? "未填报"),
    num(r.completion),
    { type: Number, value: r.expected },
    text(INDICATOR_PACE_LABEL[r.pace]),
    text(r.met ? "是" : "否"),
  ]);
  const content = (await writeXlsxFile([header, ...body], {
    sheet: "目标跟踪",
    columns: INDICATOR_COLUMNS.map((c) => ({ width: c === "重点工作任务" ? 50 : c === "指标" ? 24 : 12 })),
    stickyRowsCount: 1,
  }).toBuffer()) as Buffer;
  const stamp = formatShanghai(tracking.at).slice(0, 10);
  return { filename: `目标跟踪-${tracking.plan?.year ?? ""}-${stamp}.xlsx`, content, rows: body.length };
}
