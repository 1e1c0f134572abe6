/**
 * 领导驾驶舱: a leader's tasks with 进度状态 against 序时进度, 红黄绿灯 with reasons, last dispatch,
 * open coordination requests, per lead unit on-time rate and progress, and the progress series;
 * the whole-government comparison of leaders and units; the printable digest of a period.
 *
 * Access is checked here (lib/leader/access.ts) before anything is loaded. The data is read in a
 * fixed number of set-based queries (lib/data/leader-dashboard.ts); compliance is classified by
 * lib/reporting/compliance.ts with the due times the period status uses (plan rule, moved periods,
 * approved extensions).
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { lastDispatchDates } from "@/lib/data/dispatch-dates";
import { listBoardTaskIds, listBoardTasks, listLatestReports, listPeriodAverages, listReportFacts, listCriticismCounts, listDigestRequests, listPeriodReportTexts, listRequestStats, type DigestReport, type DigestRequest } from "@/lib/data/leader-dashboard";
import { getLeader, listActiveLeaderOptions } from "@/lib/data/leaders";
import { getDueOverrides, getPlanTaskDueOverrides } from "@/lib/data/reports";
import { getLatestPlanSchedule } from "@/lib/data/workspace";
import { notFound } from "@/lib/errors";
import { assertWholeGovernment, dashboardScope, type DashboardScope } from "@/lib/leader/access";
import {
  boardCounts,
  buildBoardTask,
  byAttention,
  filterBoard,
  leaderRows,
  progressSeries,
  unitRows,
  type BoardContext,
  type BoardCounts,
  type BoardFilter,
  type BoardTask,
  type BoardTaskInput,
  type GroupRow,
  type PeriodAverage,
  type SeriesPoint,
} from "@/lib/leader/board";
import { SIGNAL_RULES } from "@/lib/leader/signal";
import { periodOf, type Period } from "@/lib/periods";
import { dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { periodChoices, type PeriodChoice } from "./overview";

export interface DashboardPlan {
  id: number;
  year: number;
  title: string;
}

interface Board {
  plan: DashboardPlan;
  at: Date;
  scope: DashboardScope;
  leaderName: string | null;
  inputs: BoardTaskInput[];
  averages: PeriodAverage[];
  tasks: BoardTask[];
  context: BoardContext;
  periods: PeriodChoice[];
  defaultPeriodIndex: number;
}

async function loadBoard(actor: Actor, requestedLeaderId: number | undefined, options: { content?: boolean } = {}, executor: Executor = db): Promise<Board | null> {
  const scope = dashboardScope(actor, requestedLeaderId);
  const [leader, plan] = await Promise.all([scope.kind === "leader" ? getLeader(scope.leaderId) : null, getLatestPlanSchedule(executor)]);
  if (scope.kind === "leader" && !leader) throw notFound();
  const leaderName = leader?.name ?? null;
  if (!plan) return null;
  const at = now();
  const ids = await listBoardTaskIds(executor, { planId: plan.id, leaderId: scope.kind === "leader" ? scope.leaderId : null });
  const [rows, facts, latest, averages, requests, criticisms, dispatched, planOverrides, taskOverrides] = await Promise.all([
    listBoardTasks(executor, ids, options),
    listReportFacts(executor, ids),
    listLatestReports(executor, ids),
    listPeriodAverages(executor, ids),
    listRequestStats(executor, ids),
    listCriticismCounts(executor, { planId: plan.id, taskIds: ids }),
    lastDispatchDates(executor, ids),
    getDueOverrides(executor, plan.id),
    getPlanTaskDueOverrides(executor, plan.id),
  ]);
  const schedule: PlanSchedule = { year: plan.year, reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays, overrides: planOverrides };
  const { periods, defaultPeriodIndex } = periodChoices(schedule, at);
  const planDue = new Map(periods.map((p) => [p.index, p.dueAt]));
  const context: BoardContext = {
    year: plan.year,
    periods: periods.map((p) => p.index),
    duePeriods: periods.filter((p) => p.due).map((p) => p.index),
    recentPeriods: periods.filter((p) => p.due).slice(-SIGNAL_RULES.recentPeriods).map((p) => p.index),
    // As getPeriodStatus: an approved extension for the task wins over the plan's due time.
    dueAt: (taskId, p) => taskOverrides.get(taskId)?.get(p) ?? planDue.get(p) ?? dueAtOf(schedule, p),
    at,
  };
  const NO_REQUESTS = { unresolved: 0, oldestUnansweredAt: null, oldestUnresolvedAt: null };
  const inputs: BoardTaskInput[] = rows.map((r) => ({
    ...r,
    latest: latest.get(r.id) ?? null,
    facts: facts.get(r.id) ?? [],
    requests: requests.get(r.id) ?? NO_REQUESTS,
    criticisms: criticisms.get(r.id) ?? 0,
    lastDispatchOn: dispatched.get(r.id) ?? null,
  }));
  const tasks = inputs.map((i) => buildBoardTask(i, context));
  return { plan: { id: plan.id, year: plan.year, title: plan.title }, at, scope, leaderName, inputs, averages, tasks, context, periods, defaultPeriodIndex };
}

export interface LeaderDashboard {
  plan: DashboardPlan;
  at: Date;
  scope: DashboardScope;
  /** The leader looked at; null for the whole government. */
  leaderName: string | null;
  counts: BoardCounts;
  /** The tasks the filter keeps, needing attention first. */
  tasks: BoardTask[];
  units: GroupRow[];
  series: SeriesPoint[];
}

/**
 * A leader's dashboard (their own tasks), or — for 王国泉, the administrator and the office — every
 * task or one chosen leader's. `filter` narrows the task list only; the counts stay the whole scope's.
 */
export async function getLeaderDashboard(actor: Actor, options: { leaderId?: number; filter?: Omit<BoardFilter, "leader"> } = {}): Promise<LeaderDashboard | null> {
  const board = await loadBoard(actor, options.leaderId);
  if (!board) return null;
  return {
    plan: board.plan,
    at: board.at,
    scope: board.scope,
    leaderName: board.leaderName,
    counts: boardCounts(board.tasks),
    tasks: filterBoard(board.tasks, options.filter ?? {}).sort(byAttention),
    units: unitRows(board.tasks),
    series: progressSeries(board.averages, board.inputs.map((i) => i.dueOn), board.context),
  };
}

export interface GovernmentDashboard {
  plan: DashboardPlan;
  at: Date;
  counts: BoardCounts;
  leaders: GroupRow[];
  units: GroupRow[];
  series: SeriesPoint[];
}

/** 全局视图: leaders and lead units side by side. 王国泉, the administrator and the office only. */
export async function getGovernmentDashboard(actor: Actor): Promise<GovernmentDashboard | null> {
  assertWholeGovernment(actor);
  // Figures only: the tasks' text is not shown here.
  const [board, leaders] = await Promise.all([loadBoard(actor, undefined, { content: false }), listActiveLeaderOptions()]);
  if (!board) return null;
  return {
    plan: board.plan,
    at: board.at,
    counts: boardCounts(board.tasks),
    leaders: leaderRows(board.tasks, leaders),
    units: unitRows(board.tasks),
    series: progressSeries(board.averages, board.inputs.map((i) => i.dueOn), board.context),
  };
}

/** The drill-down list: the tasks behind a number (any leader's for those who see everything). */
export async function listDashboardTasks(actor: Actor, filter: BoardFilter): Promise<{ plan: DashboardPlan; leaderName: string | null; tasks: BoardTask[] } | null> {
  const board = await loadBoard(actor, filter.leader);
  if (!board) return null;
  return { plan: board.plan, leaderName: board.leaderName, tasks: filterBoard(board.tasks, { ...filter, leader: undefined }).sort(byAttention) };
}

export interface DigestRow {
  task: BoardTask;
  report: DigestReport | null;
  requests: DigestRequest[];
}

export interface LeaderDigest {
  plan: DashboardPlan;
  at: Date;
  leaderName: string | null;
  period: Period;
  periods: PeriodChoice[];
  counts: BoardCounts;
  rows: DigestRow[];
}

/** 领导简报: one leader's tasks (or every task) for one period, to print before the weekly meeting. */
export async function getLeaderDigest(actor: Actor, options: { leaderId?: number; periodIndex?: number } = {}): Promise<LeaderDigest | null> {
  const board = await loadBoard(actor, options.leaderId);
  if (!board) return null;
  const choice = board.periods.find((p) => p.index === (options.periodIndex ?? board.defaultPeriodIndex));
  if (!choice) throw notFound("该期次不在可查看的范围内");
  const ids = board.tasks.map((t) => t.id);
  const [texts, requests] = await Promise.all([listPeriodReportTexts(db, { taskIds: ids, periodIndex: choice.index }), listDigestRequests(db, { taskIds: ids, periodIndex: choice.index })]);
  const byTask = new Map<number, DigestRequest[]>();
  for (const r of requests) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  return {
    plan: board.plan,
    at: board.at,
    leaderName: board.leaderName,
    period: periodOf(board.plan.year, choice.index),
    periods: board.periods,
    counts: boardCounts(board.tasks),
    rows: [...board.tasks].sort(byAttention).map((task) => ({ task, report: texts.get(task.id) ?? null, requests: byTask.get(task.id) ?? [] })),
  };
}
