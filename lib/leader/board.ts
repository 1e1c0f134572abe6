/**
 * The leader dashboard's figures, folded from plain facts: per task its latest submitted report,
 * 进度状态, 红黄绿灯 with reasons, compliance over the periods so far (classified by
 * lib/reporting/compliance.ts, the one definition of 逾期 / 未报送), dispatch freshness; then counts,
 * per lead unit, per leader and the progress series for the chart. Pure: no clock, no database.
 */
import type { ProgressState } from "@/db/schema";
import { defaultDueAt, periodOf, shanghaiDate } from "@/lib/periods";
import { classifyReport, type Compliance, type ReportFacts } from "@/lib/reporting/compliance";
import type { CountedReport } from "@/lib/reporting/history";
import { timeProgress } from "@/lib/reporting/time-progress";
import { countPaces, paceOf, type Pace, type PaceCounts, type PaceStatus } from "./pace";
import { daysSince, taskSignal, type Signal, type SignalResult } from "./signal";
import { compareZh } from "@/lib/zh-order";

/** A task not dispatched for more than this many days is marked 超过两周未调度. */
export const DISPATCH_STALE_DAYS = 14;

export interface Named {
  id: number;
  name: string;
}

/** The latest report submitted (or accepted) for a task, with a percent. */
export type LatestReport = CountedReport;

/** A task as the board reads it from the database: its text, deadline, closing, leaders and lead units. */
export interface BoardTaskFacts {
  id: number;
  seq: number;
  content: string;
  dueOn: string | null;
  closed: boolean;
  closedAfterPeriod: number | null;
  leaders: Named[];
  leadUnits: Named[];
}

export interface BoardTaskInput extends BoardTaskFacts {
  latest: LatestReport | null;
  /** The state of the task's report in each period, indexed by period (1–24); absent: no report row. */
  facts: readonly (ReportFacts | undefined)[];
  requests: { unresolved: number; oldestUnansweredAt: Date | null; oldestUnresolvedAt: Date | null };
  criticisms: number;
  lastDispatchOn: string | null;
}

export interface BoardContext {
  year: number;
  /** The periods reports have been owed for so far: the plan's first reporting period to the current one. */
  periods: readonly number[];
  /** Those whose due time has passed: the on-time rate counts these (a report filed early for the current period does not). */
  duePeriods: readonly number[];
  /** The last few of them: lateness is weighed over these. */
  recentPeriods: readonly number[];
  dueAt: (taskId: number, periodIndex: number) => Date;
  at: Date;
}

export interface ComplianceTally {
  onTime: number;
  late: number;
  missing: number;
  returned: number;
}

export interface BoardTask {
  id: number;
  seq: number;
  content: string;
  dueOn: string | null;
  closed: boolean;
  leaders: Named[];
  leadUnits: Named[];
  latest: { periodIndex: number; percent: number; progressState: ProgressState | null; late: boolean } | null;
  pace: Pace;
  signal: SignalResult;
  /** Over every period so far whose due time has passed. */
  tally: ComplianceTally;
  recent: ComplianceTally;
  requests: { unresolved: number; oldestUnresolvedDays: number | null };
  criticisms: number;
  dispatch: { lastOn: string | null; days: number | null; stale: boolean };
}

const emptyTally = (): ComplianceTally => ({ onTime: 0, late: 0, missing: 0, returned: 0 });

function tallyOf(tally: ComplianceTally, c: Compliance): void {
  if (c === "on_time") tally.onTime++;
  else if (c === "late") tally.late++;
  else if (c === "missing") tally.missing++;
  else if (c === "returned") tally.returned++;
}

/** Whole days from a `YYYY-MM-DD` date to the Shanghai date of `at`. */
export function daysSinceDate(date: string, at: Date): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const today = shanghaiDate(at);
  return Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** 超过两周未调度: never dispatched, or the last dispatch more than DISPATCH_STALE_DAYS days ago. */
export function dispatchStale(lastOn: string | null, at: Date): { days: number | null; stale: boolean } {
  if (lastOn === null) return { days: null, stale: true };
  const days = daysSinceDate(lastOn, at);
  return { days, stale: days > DISPATCH_STALE_DAYS };
}

export function buildBoardTask(input: BoardTaskInput, ctx: BoardContext): BoardTask {
  const latest = input.latest;
  const tally = emptyTally();
  const recent = emptyTally();
  for (const p of ctx.duePeriods) {
    const closed = input.closedAfterPeriod !== null && input.closedAfterPeriod < p;
    const c = classifyReport(input.facts[p] ?? null, ctx.dueAt(input.id, p), ctx.at, closed);
    tallyOf(tally, c);
    if (ctx.recentPeriods.includes(p)) tallyOf(recent, c);
  }
  const expected = timeProgress(ctx.year, input.dueOn, ctx.at);
  const pace = paceOf({ percent: latest?.percent ?? null, progressState: latest?.progressState ?? null, closed: input.closed }, expected);
  const days = (d: Date | null) => (d === null ? null : daysSince(d, ctx.at));
  const signal = taskSignal({
    pace,
    closed: input.closed,
    recent,
    requests: {
      unresolved: input.requests.unresolved,
      oldestUnansweredDays: days(input.requests.oldestUnansweredAt),
      oldestUnresolvedDays: days(input.requests.oldestUnresolvedAt),
    },
    criticisms: input.criticisms,
  });
  return {
    id: input.id,
    seq: input.seq,
    content: input.content,
    dueOn: input.dueOn,
    closed: input.closed,
    leaders: input.leaders,
    leadUnits: input.leadUnits,
    latest,
    pace,
    signal,
    tally,
    recent,
    requests: { unresolved: input.requests.unresolved, oldestUnresolvedDays: days(input.requests.oldestUnresolvedAt) },
    criticisms: input.criticisms,
    dispatch: { lastOn: input.lastDispatchOn, ...dispatchStale(input.lastDispatchOn, ctx.at) },
  };
}

const SIGNAL_ORDER: Record<Signal, number> = { red: 0, amber: 1, green: 2 };

/** Tasks needing attention first: red, then amber, then green; the furthest behind first; then by 序号. */
export function byAttention(a: BoardTask, b: BoardTask): number {
  return SIGNAL_ORDER[a.signal.signal] - SIGNAL_ORDER[b.signal.signal] || (a.pace.gap ?? 0) - (b.pace.gap ?? 0) || a.seq - b.seq;
}

export type SignalCounts = Record<Signal, number>;

export interface BoardCounts {
  tasks: number;
  pace: PaceCounts;
  signal: SignalCounts;
  staleDispatch: number;
  openCoordinationRequests: number;
}

export function boardCounts(tasks: readonly BoardTask[]): BoardCounts {
  const signal: SignalCounts = { red: 0, amber: 0, green: 0 };
  for (const t of tasks) signal[t.signal.signal]++;
  return {
    tasks: tasks.length,
    pace: countPaces(tasks.map((t) => t.pace.status)),
    signal,
    staleDispatch: tasks.filter((t) => t.dispatch.stale && !t.closed).length,
    openCoordinationRequests: tasks.reduce((n, t) => n + t.requests.unresolved, 0),
  };
}

/** 按时报送率: on time among the reports owed whose due time has passed (late, missing, returned count against); null when none was owed yet. */
export function onTimeRate(tally: ComplianceTally): number | null {
  const owed = tally.onTime + tally.late + tally.missing + tally.returned;
  return owed === 0 ? null : Math.round((tally.onTime / owed) * 1000) / 10;
}

function addTally(into: ComplianceTally, t: ComplianceTally): void {
  into.onTime += t.onTime;
  into.late += t.late;
  into.missing += t.missing;
  into.returned += t.returned;
}

const average = (values: number[]) => (values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

export interface GroupRow {
  id: number;
  name: string;
  tasks: number;
  counts: BoardCounts;
  onTimeRate: number | null;
  /** The average latest reported percent of its tasks that have reported; null when none has. */
  averageProgress: number | null;
  behind: number;
}

function groupRows(tasks: readonly BoardTask[], keys: (t: BoardTask) => readonly Named[]): GroupRow[] {
  const groups = new Map<number, { name: string; tasks: BoardTask[] }>();
  for (const t of tasks) {
    for (const k of keys(t)) {
      const g = groups.get(k.id) ?? { name: k.name, tasks: [] };
      g.tasks.push(t);
      groups.set(k.id, g);
    }
  }
  return [...groups.entries()].map(([id, g]) => {
    const tally = emptyTally();
    for (const t of g.tasks) addTally(tally, t.tally);
    const counts = boardCounts(g.tasks);
    return {
      id,
      name: g.name,
      tasks: g.tasks.length,
      counts,
      onTimeRate: onTimeRate(tally),
      averageProgress: average(g.tasks.flatMap((t) => (t.latest ? [t.latest.percent] : []))),
      behind: counts.pace.behind,
    };
  });
}

/** Per lead unit: lowest on-time rate first (units never owing a report last), then by name. */
export function unitRows(tasks: readonly BoardTask[]): GroupRow[] {
  return groupRows(tasks, (t) => t.leadUnits).sort((a, b) => (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101) || compareZh(a.name, b.name));
}

/** Per leader, in the order given (the leaders' table order). */
export function leaderRows(tasks: readonly BoardTask[], order: readonly Named[]): GroupRow[] {
  const rows = new Map(groupRows(tasks, (t) => t.leaders).map((r) => [r.id, r]));
  return order.map((l) => rows.get(l.id) ?? { id: l.id, name: l.name, tasks: 0, counts: boardCounts([]), onTimeRate: null, averageProgress: null, behind: 0 });
}

export interface SeriesPoint {
  periodIndex: number;
  label: string;
  /** Average percent of the reports submitted for this period (submitted or accepted); null when none. */
  reported: number | null;
  reports: number;
  /** Average 序时进度 of the tasks at the period's end (or now, for the current period). */
  expected: number;
}

/** Per period, the average percent of the reports submitted (or accepted) for it, and how many. */
export interface PeriodAverage {
  periodIndex: number;
  average: number;
  reports: number;
}

/** Per period, the average of the percents that count (submitted or accepted reports), in period order. */
export function periodAverages(tasks: Iterable<{ counted: readonly { periodIndex: number; percent: number }[] }>): PeriodAverage[] {
  const sums = new Map<number, { total: number; reports: number }>();
  for (const task of tasks) {
    for (const { periodIndex, percent } of task.counted) {
      const sum = sums.get(periodIndex);
      if (sum) {
        sum.total += percent;
        sum.reports++;
      } else sums.set(periodIndex, { total: percent, reports: 1 });
    }
  }
  return [...sums].sort(([a], [b]) => a - b).map(([periodIndex, { total, reports }]) => ({ periodIndex, average: total / reports, reports }));
}

export function progressSeries(
  averages: readonly PeriodAverage[],
  dueDates: readonly (string | null)[],
  ctx: Pick<BoardContext, "year" | "periods" | "at">,
): SeriesPoint[] {
  const byPeriod = new Map(averages.map((a) => [a.periodIndex, a]));
  const counts = new Map<string | null, number>();
  for (const d of dueDates) counts.set(d, (counts.get(d) ?? 0) + 1);
  return ctx.periods.map((p) => {
    const end = defaultDueAt(periodOf(ctx.year, p));
    const instant = end.getTime() < ctx.at.getTime() ? end : ctx.at;
    let sum = 0;
    for (const [d, n] of counts) sum += timeProgress(ctx.year, d, instant) * n;
    const a = byPeriod.get(p);
    return {
      periodIndex: p,
      label: periodOf(ctx.year, p).shortLabel,
      reported: a ? Math.round(a.average * 10) / 10 : null,
      reports: a?.reports ?? 0,
      expected: dueDates.length === 0 ? 0 : Math.round((sum / dueDates.length) * 10) / 10,
    };
  });
}

/** Filters a drill-down applies to board tasks. */
export interface BoardFilter {
  pace?: PaceStatus;
  signal?: Signal;
  leader?: number;
  unit?: number;
  /** Only tasks not dispatched for more than two weeks. */
  stale?: boolean;
  /** Only tasks with unresolved coordination requests. */
  requests?: boolean;
}

export function filterBoard<T extends BoardTask>(tasks: readonly T[], f: BoardFilter): T[] {
  return tasks.filter(
    (t) =>
      (f.pace === undefined || t.pace.status === f.pace) &&
      (f.signal === undefined || t.signal.signal === f.signal) &&
      (f.leader === undefined || t.leaders.some((l) => l.id === f.leader)) &&
      (f.unit === undefined || t.leadUnits.some((u) => u.id === f.unit)) &&
      (!f.stale || (t.dispatch.stale && !t.closed)) &&
      (!f.requests || t.requests.unresolved > 0),
  );
}
