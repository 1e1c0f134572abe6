/**
 * 目标跟踪: every confirmed indicator of the tasks the user may see, with its latest submitted value,
 * completion against the target and against 序时进度, counts by standing, a year-end view and XLSX.
 * The task scope is the task table's (listTasksFor): a leader their tasks, a unit its tasks, the
 * office, the administrator and 王国泉 every task.
 */
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
import { cellText, streamXlsx, type XlsxRow } from "./xlsx-stream";
import { INDICATOR_ORDER, sortIndicatorRows, type IndicatorSort } from "@/lib/indicators/order";
import { DEFAULT_PAGE_SIZE, type PageOf, type Paging, slicePage } from "@/lib/paging";
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
  /** The rows the filter keeps, in the order asked for. */
  rows: IndicatorRow[];
  /** The page of `rows` shown; only these go to the renderer. */
  page: PageOf<IndicatorRow>;
}

const FIRST_PAGE: Paging<IndicatorSort> = { page: 1, size: DEFAULT_PAGE_SIZE, sort: INDICATOR_ORDER };

const EMPTY: IndicatorCounts = { tracked: 0, met: 0, ahead: 0, on_pace: 0, behind: 0, no_value: 0 };

export async function getIndicatorTracking(
  actor: Actor,
  filter: TrackingFilter = {},
  options: { taskIds?: readonly number[]; paging?: Paging<IndicatorSort> } = {},
): Promise<IndicatorTracking> {
  const at = now();
  const { plan, tasks, scope } = await listTasksFor(actor, { leaderId: filter.leader, unitId: filter.unit, withIndicators: true });
  const paging = options.paging ?? FIRST_PAGE;
  if (!plan) return { plan: null, coverage: scope.coverage, at, yearOver: false, counts: EMPTY, proposed: 0, rows: [], page: slicePage([], paging) };
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
  const rows = sortIndicatorRows(filter.pace ? all.filter((r) => r.pace === filter.pace) : all, paging.sort);
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title },
    coverage: scope.coverage,
    at,
    yearOver,
    counts: countByPace(all),
    proposed,
    rows,
    page: slicePage(rows, paging),
  };
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

const BATCH = 500;

function exportRow(r: IndicatorRow): XlsxRow {
  const text = (value: string) => cellText(escapeSpreadsheetText(value));
  return [
    r.task.seq,
    text(r.task.content),
    text(r.task.leaders.join("、")),
    text(r.task.leadUnits.join("、")),
    text(r.indicator.name),
    text(targetText(r.indicator)),
    COMPARATOR_TEXT[r.indicator.comparator].column,
    r.indicator.measure === "cumulative" ? "累计" : "水平",
    r.indicator.baseline,
    r.latest?.value ?? null,
    r.latest?.periodLabel ?? "未填报",
    r.completion,
    r.expected,
    INDICATOR_PACE_LABEL[r.pace],
    r.met ? "是" : "否",
  ];
}

/** The whole selection (every page) of tracking rows, with the page's filters and order, as a streamed XLSX; cells are values, never formulas. */
export async function exportIndicatorTracking(
  actor: Actor,
  filter: TrackingFilter,
  options: { sort?: Paging<IndicatorSort>["sort"] } = {},
): Promise<{ filename: string; stream: ReadableStream<Uint8Array>; rows: number }> {
  const tracking = await getIndicatorTracking(actor, filter, { paging: { ...FIRST_PAGE, sort: options.sort ?? INDICATOR_ORDER } });
  const rows = tracking.rows;
  async function* batches() {
    for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH).map(exportRow);
  }
  const columns = INDICATOR_COLUMNS.map((header) => ({ header, width: header === "重点工作任务" ? 50 : header === "指标" ? 24 : 12 }));
  const stamp = formatShanghai(tracking.at).slice(0, 10);
  return {
    filename: `目标跟踪-${tracking.plan?.year ?? ""}-${stamp}.xlsx`,
    rows: rows.length,
    stream: streamXlsx([{ name: "目标跟踪", columns, rows: batches() }], "indicators"),
  };
}
