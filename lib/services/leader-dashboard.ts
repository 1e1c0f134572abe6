/**
 * 领导驾驶舱: a leader's tasks with 进度状态 against 序时进度, 红黄绿灯 with reasons, last dispatch,
 * open coordination requests, per lead unit on-time rate and progress, and the progress series;
 * the whole-government comparison of leaders and units; the printable digest of a period.
 *
 * Access is checked here (the `leader.read` / `leader.all` policies and `dashboardScope` in lib/policies) before anything is loaded. The data is read in a
 * fixed number of set-based queries (lib/data/leader-dashboard.ts); compliance is classified by
 * lib/reporting/compliance.ts with the due times the period status uses (plan rule, moved periods,
 * approved extensions).
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { ageSignal, calendarDaysBetween, describeAge, type AgeSignal } from "@/lib/coordination/age";
import { listCoordinationRequests } from "@/lib/data/coordination";
import { lastDispatchDates } from "@/lib/data/dispatch-dates";
import { listOpenFollowUps } from "@/lib/data/dispatches";
import { describeFollowUpDue } from "@/lib/dispatch/due";
import { attentionOf } from "@/lib/leader/attention";
import {
  listBoardTaskIds,
  listBoardTasks,
  listCriticismCounts,
  listDigestRequests,
  listPeriodReportTexts,
  listRequestStats,
  type DigestReport,
  type DigestRequest,
} from "@/lib/data/leader-dashboard";
import { getLeader, listActiveLeaderOptions } from "@/lib/data/leaders";
import { listReportHistories } from "@/lib/data/report-histories";
import { historyUpTo, type ReportHistory } from "@/lib/reporting/history";
import { listTaskDueOverrides } from "@/lib/data/plan-schedule";
import type { LivePlan } from "@/lib/plans/live";
import { scheduleOf, schedulesWith } from "@/lib/reporting/plan-schedule";
import { primaryPlan, type PlanChoice } from "@/lib/plans/scope";
import { forbidden, notFound } from "@/lib/errors";
import { assertCan, can, dashboardScope, type DashboardScope } from "@/lib/policies";
import {
  boardCounts,
  buildBoardTask,
  byAttention,
  filterBoard,
  leaderRows,
  periodAverages,
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
import { BOARD_ORDER, sortBoard, type BoardSort } from "@/lib/leader/task-order";
import { DEFAULT_PAGE_SIZE, slicePage, type PageOf, type Paging } from "@/lib/paging";
import { periodAt, periodOf, type Period } from "@/lib/periods";
import { cadenceKeyForHalfMonth } from "@/lib/reporting/cadence";
import { cadenceRuleOf, currentPeriodIndex, dueAtOf, owedPeriodIndexes, type PlanSchedule } from "@/lib/reporting/deadlines";
import { resolvePlanScope } from "./plan-scope";
import { periodChoices, type PeriodChoice } from "./overview";

export interface DashboardPlan {
  id: number;
  year: number;
  title: string;
}

/** A task on the board, labelled with its plan. */
export type PlanBoardTask = BoardTask & { planId: number; planLabel: string; planYear: number };

/** What the board covers, as the dashboard shows it. */
interface BoardCoverage {
  /** The plan whose half months the period choice and the series follow (lib/plans/scope.ts primaryPlan). */
  plan: DashboardPlan;
  /** Every plan covered. */
  plans: LivePlan[];
  /** 覆盖：… — which plans the counts cover. */
  coverage: string;
  at: Date;
}

interface Board extends BoardCoverage {
  scope: DashboardScope;
  leaderName: string | null;
  inputs: BoardTaskInput[];
  averages: PeriodAverage[];
  tasks: PlanBoardTask[];
  context: BoardContext;
  periods: PeriodChoice[];
  defaultPeriodIndex: number;
  schedules: Map<number, PlanSchedule>;
}

/** A task's own periods so far under its cadence (its plan's start, its closing, its extensions). */
function taskContext(schedule: PlanSchedule, at: Date): BoardContext {
  const current = currentPeriodIndex(schedule, at);
  const periods = owedPeriodIndexes(schedule).filter((k) => k <= current);
  const dueTimes = new Map<number, Date>();
  const dueAt = (key: number) => dueTimes.get(key) ?? dueTimes.set(key, dueAtOf(schedule, key)).get(key)!;
  const due = periods.filter((k) => dueAt(k).getTime() < at.getTime());
  return { year: schedule.year, periods, duePeriods: due, recentPeriods: due.slice(-SIGNAL_RULES.recentPeriods), dueAt: (_taskId, p) => dueAt(p), at };
}

interface BoardOptions {
  content?: boolean;
  choice?: PlanChoice;
  /**
   * Weigh every task as it stood at a half month of the primary plan (the digest): its reports up to
   * that half month, 序时进度 and the light at its due time. `"default"`: the half month last due.
   */
  asOf?: number | "default";
}

async function loadBoard(actor: Actor, requestedLeaderId: number | undefined, options: BoardOptions = {}, executor: Executor = db): Promise<Board | null> {
  const scope = dashboardScope(actor, requestedLeaderId);
  const [leader, planScope] = await Promise.all([
    scope.kind === "leader" ? getLeader(scope.leaderId) : null,
    resolvePlanScope(actor, options.choice ?? {}, executor),
  ]);
  if (scope.kind === "leader" && !leader) throw notFound();
  const leaderName = leader?.name ?? null;
  const at = now();
  const plans = planScope.plans;
  const primary = primaryPlan(plans, periodAt(at).year);
  if (!primary) return null;
  const ids = await listBoardTaskIds(executor, { planIds: plans.map((p) => p.id), leaderId: scope.kind === "leader" ? scope.leaderId : null });
  const [rows, histories, requests, criticisms, dispatched, extensions] = await Promise.all([
    listBoardTasks(executor, ids, options),
    listReportHistories(executor, { taskIds: ids }),
    listRequestStats(executor, ids),
    listCriticismCounts(executor, { planIds: plans.map((p) => p.id), taskIds: ids }),
    lastDispatchDates(executor, ids),
    listTaskDueOverrides(executor, ids),
  ]);
  const schedules = schedulesWith(
    plans,
    rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      cadence: r.cadence,
      dueOn: r.dueOn,
      closedAfterPeriod: r.closedAfterPeriod,
      reportingStartPeriod: r.reportingStartPeriod,
    })),
    extensions,
  );
  const primarySchedule = scheduleOf(primary);
  const { periods, defaultPeriodIndex } = periodChoices(primarySchedule, at);
  const asOf = options.asOf === undefined ? null : periods.find((p) => p.index === (options.asOf === "default" ? defaultPeriodIndex : options.asOf));
  if (options.asOf !== undefined && !asOf) throw notFound("该期次不在可查看的范围内");
  // As of a half month: the moment just after its due time (or now, if that has not come yet).
  const boardAt = asOf ? new Date(Math.min(at.getTime(), asOf.dueAt.getTime() + 1)) : at;
  const historyOf = (taskId: number): ReportHistory | undefined => {
    const history = histories.get(taskId);
    const schedule = schedules.get(taskId);
    if (!asOf || !history || !schedule) return history;
    if (schedule.year !== asOf.year) return schedule.year < asOf.year ? history : historyUpTo(history, 0);
    return historyUpTo(history, cadenceKeyForHalfMonth(cadenceRuleOf(schedule), asOf));
  };
  const context: BoardContext = {
    year: primary.year,
    periods: periods.map((p) => p.index),
    duePeriods: periods.filter((p) => p.due).map((p) => p.index),
    recentPeriods: periods
      .filter((p) => p.due)
      .slice(-SIGNAL_RULES.recentPeriods)
      .map((p) => p.index),
    dueAt: (taskId, p) => (schedules.get(taskId) ? dueAtOf(schedules.get(taskId)!, p) : dueAtOf(primarySchedule, p)),
    at,
  };
  const NO_HISTORY = { counted: [] };
  const NO_REQUESTS = { unresolved: 0, oldestUnansweredAt: null, oldestUnresolvedAt: null };
  const byPlan = new Map(plans.map((p) => [p.id, p]));
  const inputs: BoardTaskInput[] = rows.map((r) => {
    const history = historyOf(r.id);
    return {
      ...r,
      latest: history?.latest ?? null,
      facts: history?.facts ?? [],
      requests: requests.get(r.id) ?? NO_REQUESTS,
      criticisms: criticisms.get(r.id) ?? 0,
      lastDispatchOn: dispatched.get(r.id) ?? null,
    };
  });
  // Tasks timed alike share a schedule (schedulesOfTasks), and so one context.
  const contexts = new Map<PlanSchedule, BoardContext>();
  const contextOf = (schedule: PlanSchedule) => contexts.get(schedule) ?? contexts.set(schedule, taskContext(schedule, boardAt)).get(schedule)!;
  const tasks = inputs.map((input, i): PlanBoardTask => {
    const plan = byPlan.get(rows[i]!.planId)!;
    // Each task is weighed under its own cadence and its own plan's periods.
    return { ...buildBoardTask(input, contextOf(schedules.get(input.id)!)), planId: plan.id, planLabel: plan.label, planYear: plan.year };
  });
  // The progress series follows the primary plan's half months, over its tasks.
  const primaryInputs = inputs.filter((_, i) => rows[i]!.planId === primary.id);
  const primaryIds = new Set(primaryInputs.map((t) => t.id));
  return {
    plan: { id: primary.id, year: primary.year, title: primary.title },
    plans,
    coverage: planScope.coverage,
    at,
    scope,
    leaderName,
    inputs: primaryInputs,
    averages: periodAverages([...primaryIds].map((id) => historyOf(id) ?? NO_HISTORY)),
    tasks,
    context,
    periods,
    defaultPeriodIndex,
    schedules,
  };
}

/** What both dashboards show of a board: its plans, the counts, a page of the lead units and the series. */
interface BoardFigures extends BoardCoverage {
  counts: BoardCounts;
  /** One page of the lead units, lowest on-time rate first (total: every lead unit of the board). */
  units: PageOf<GroupRow>;
  series: SeriesPoint[];
}

/** A page of a list that keeps its one order (the lead units: lowest on-time rate first). */
export type PageOnly = Pick<Paging, "page" | "size">;

function boardFigures(board: Board, unitPaging: PageOnly): BoardFigures {
  return {
    plan: board.plan,
    plans: board.plans,
    coverage: board.coverage,
    at: board.at,
    counts: boardCounts(board.tasks),
    units: slicePage(unitRows(board.tasks), unitPaging),
    series: progressSeries(
      board.averages,
      board.inputs.map((i) => i.dueOn),
      board.context,
    ),
  };
}

/** A page of a dashboard's task list; the first page, needing attention first, unless asked otherwise. */
export type BoardPaging = Paging<BoardSort>;
const FIRST_PAGE: BoardPaging = { page: 1, size: DEFAULT_PAGE_SIZE, sort: BOARD_ORDER };

function unitNameOf(tasks: readonly BoardTask[], unitId: number | undefined): string | null {
  if (unitId === undefined) return null;
  for (const t of tasks) for (const u of t.leadUnits) if (u.id === unitId) return u.name;
  return null;
}

/** The tasks a filter keeps, in the order asked for, cut to the page asked for. */
function boardPage(tasks: readonly PlanBoardTask[], filter: BoardFilter, paging: BoardPaging): PageOf<PlanBoardTask> {
  return slicePage(sortBoard(filterBoard(tasks, filter), paging.sort), paging);
}

export interface LeaderDashboard extends BoardFigures {
  scope: DashboardScope;
  /** The leader looked at; null for the whole government. */
  leaderName: string | null;
  /** One page of the tasks the filter keeps (total: all the filter keeps). */
  tasks: PageOf<PlanBoardTask>;
  /** The name of the lead unit the filter names, when it leads a task of the board. */
  unitName: string | null;
  /** 需要您关注: what the first screen shows. */
  attention: LeaderAttention;
}

export interface LeaderAttention {
  redTasks: PlanBoardTask[];
  redCount: number;
  openCoordinationRequests: { id: number; taskId: number; seq: number; unitName: string; content: string; ageLabel: string; ageSignal: AgeSignal }[];
  dueFollowUps: {
    id: number;
    dispatchId: number;
    seq: number | null;
    unitName: string;
    content: string;
    dueOn: string;
    dueText: string | null;
    overdue: boolean;
  }[];
}

/** The red tasks, the requests waiting for an instruction and the follow-ups due, within the board's scope. */
async function loadAttention(board: Board): Promise<LeaderAttention> {
  const leaderId = board.scope.kind === "leader" ? board.scope.leaderId : undefined;
  const [requests, followUps] = await Promise.all([
    listCoordinationRequests(db, { leaderId, status: "open" }),
    listOpenFollowUps(db, { planIds: board.plans.map((p) => p.id), leaderId }),
  ]);
  const at = board.at;
  const attention = attentionOf({ tasks: board.tasks, requests, followUps, at });
  return {
    redTasks: attention.redTasks,
    redCount: attention.redCount,
    openCoordinationRequests: attention.openCoordinationRequests.map((r) => {
      const days = calendarDaysBetween(r.raisedAt, at);
      return {
        id: r.id,
        taskId: r.taskId,
        seq: r.seq,
        unitName: r.unitName,
        content: r.content,
        ageLabel: describeAge(days, r.status),
        ageSignal: ageSignal(days, r.status),
      };
    }),
    dueFollowUps: attention.dueFollowUps.map((f) => ({
      id: f.id,
      dispatchId: f.dispatchId,
      seq: f.seq,
      unitName: f.unitName,
      content: f.content,
      dueOn: f.dueOn,
      dueText: describeFollowUpDue(f.dueOn, f.status, at),
      overdue: f.overdue,
    })),
  };
}

/**
 * A leader's dashboard (their own tasks), or — for 王国泉, the administrator and the office — every
 * task or one chosen leader's. `filter` narrows the task list only, and only its page is returned;
 * the counts, the units and the series stay the whole scope's.
 */
export async function getLeaderDashboard(
  actor: Actor,
  options: { leaderId?: number; filter?: Omit<BoardFilter, "leader">; choice?: PlanChoice; paging?: BoardPaging; unitPaging?: PageOnly } = {},
): Promise<LeaderDashboard | null> {
  const board = await loadBoard(actor, options.leaderId, { choice: options.choice });
  if (!board) return null;
  return {
    ...boardFigures(board, options.unitPaging ?? FIRST_PAGE),
    unitName: unitNameOf(board.tasks, options.filter?.unit),
    scope: board.scope,
    leaderName: board.leaderName,
    tasks: boardPage(board.tasks, options.filter ?? {}, options.paging ?? FIRST_PAGE),
    attention: await loadAttention(board),
  };
}

export interface GovernmentDashboard extends BoardFigures {
  leaders: GroupRow[];
}

/** 全局视图: leaders and a page of the lead units side by side. 王国泉, the administrator and the office only. */
export async function getGovernmentDashboard(actor: Actor, options: { choice?: PlanChoice; unitPaging?: PageOnly } = {}): Promise<GovernmentDashboard | null> {
  if (!can(actor, "leader.read")) throw forbidden();
  assertCan(actor, "leader.all");
  // Figures only: the tasks' text is not shown here.
  const [board, leaders] = await Promise.all([loadBoard(actor, undefined, { content: false, choice: options.choice }), listActiveLeaderOptions()]);
  if (!board) return null;
  return { ...boardFigures(board, options.unitPaging ?? FIRST_PAGE), leaders: leaderRows(board.tasks, leaders) };
}

/** The drill-down list: one page of the tasks behind a number (any leader's for those who see everything). */
export async function listDashboardTasks(
  actor: Actor,
  filter: BoardFilter,
  options: { choice?: PlanChoice; paging?: BoardPaging } = {},
): Promise<{ plan: DashboardPlan; coverage: string; leaderName: string | null; unitName: string | null; tasks: PageOf<PlanBoardTask> } | null> {
  const board = await loadBoard(actor, filter.leader, { choice: options.choice });
  if (!board) return null;
  return {
    plan: board.plan,
    coverage: board.coverage,
    leaderName: board.leaderName,
    unitName: unitNameOf(board.tasks, filter.unit),
    tasks: boardPage(board.tasks, { ...filter, leader: undefined }, options.paging ?? FIRST_PAGE),
  };
}

export interface DigestRow {
  task: PlanBoardTask;
  report: DigestReport | null;
  requests: DigestRequest[];
}

export interface LeaderDigest {
  plan: DashboardPlan;
  coverage: string;
  at: Date;
  leaderName: string | null;
  period: Period;
  periods: PeriodChoice[];
  counts: BoardCounts;
  rows: DigestRow[];
}

/** 领导简报: one leader's tasks (or every task) for one period, to print before the weekly meeting. */
export async function getLeaderDigest(
  actor: Actor,
  options: { leaderId?: number; periodIndex?: number; choice?: PlanChoice } = {},
): Promise<LeaderDigest | null> {
  // Every figure as of the chosen half month: a later report does not speak for it.
  const board = await loadBoard(actor, options.leaderId, { choice: options.choice, asOf: options.periodIndex ?? "default" });
  if (!board) return null;
  const choice = board.periods.find((p) => p.index === (options.periodIndex ?? board.defaultPeriodIndex))!;
  const half = periodOf(board.plan.year, choice.index);
  // Each task's report for this half month under its cadence (a monthly item: the month's report); other years' tasks have none.
  const keyOf = new Map<number, number>();
  for (const task of board.tasks) {
    const schedule = board.schedules.get(task.id);
    if (schedule && schedule.year === half.year) keyOf.set(task.id, cadenceKeyForHalfMonth(cadenceRuleOf(schedule), half));
  }
  const byKey = new Map<number, number[]>();
  for (const [taskId, key] of keyOf) byKey.set(key, [...(byKey.get(key) ?? []), taskId]);
  const [textParts, requestParts] = await Promise.all([
    Promise.all([...byKey].map(([key, taskIds]) => listPeriodReportTexts(db, { taskIds, periodIndex: key }))),
    Promise.all([...byKey].map(([key, taskIds]) => listDigestRequests(db, { taskIds, periodIndex: key }))),
  ]);
  const texts = new Map(textParts.flatMap((m) => [...m]));
  const byTask = new Map<number, DigestRequest[]>();
  for (const r of requestParts.flat().sort((a, b) => a.raisedAt.getTime() - b.raisedAt.getTime())) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  return {
    plan: board.plan,
    coverage: board.coverage,
    at: board.at,
    leaderName: board.leaderName,
    period: half,
    periods: board.periods,
    counts: boardCounts(board.tasks),
    rows: [...board.tasks].sort(byAttention).map((task) => ({ task, report: texts.get(task.id) ?? null, requests: byTask.get(task.id) ?? [] })),
  };
}
