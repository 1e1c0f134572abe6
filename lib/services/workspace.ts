/**
 * A unit's workspace (本单位工作台): this period's report of every task it leads and its input
 * (配合进展) on every task it is obliged to contribute to, with deadline signals, overdue first,
 * the returned reports' reasons and what it still owes from past periods. And, for everyone who
 * oversees tasks, the state of this period's report of any list of tasks.
 *
 * A fixed number of queries whatever the number of tasks and periods (see lib/data/workspace.ts).
 */
import { db } from "@/db";
import type { ReportStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  countContributionsFiled,
  getLatestPlanSchedule,
  getUnitName,
  listContributionStatesOfUnit,
  listDueOverrides,
  listReportStates,
  listReportStatesAt,
  listTaskDueOverrides,
  listTaskSchedules,
  listUnitTaskRelations,
  type UnitTaskRelation,
} from "@/lib/data/workspace";
import { getPlanTaskDueOverrides } from "@/lib/data/reports";
import { notFound } from "@/lib/errors";
import { deadlineSignal, describeTimeLeft, formatDue, periodOf, type DeadlineSignal } from "@/lib/periods";
import { currentPeriodIndex, dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { isOwed, REPORT_STATE_LABEL, reportDisplayState, type ReportDisplayState } from "@/lib/reporting/workflow";

// ── Pure rules ───────────────────────────────────────────────────────────────

/** The states a cooperating unit's input can be in (a subset of the report's). */
export type ContributionDisplayState = Extract<ReportDisplayState, "missing" | "draft" | "submitted" | "submitted_late">;

export function contributionDisplayState(row: { status: "draft" | "submitted"; late: boolean | null; version: number } | null | undefined): ContributionDisplayState {
  if (!row || row.version === 0) return "missing";
  if (row.status === "submitted") return row.late ? "submitted_late" : "submitted";
  return "draft";
}

/** A report row as shown (a row never saved — version 0 — counts as not filed). */
export function reportStateOf(row: { status: ReportStatus; late: boolean | null; version: number } | null | undefined): ReportDisplayState {
  if (!row || row.version === 0) return "missing";
  return reportDisplayState(row);
}

/** Red when overdue, amber when due within 3 days — only for what is still owed; `null` once filed. */
export function signalOf(state: ReportDisplayState, dueAt: Date, at: Date): DeadlineSignal | null {
  return isOwed(state) ? deadlineSignal(dueAt, at) : null;
}

const SIGNAL_RANK: Record<DeadlineSignal | "none", number> = { overdue: 0, due_soon: 1, open: 2, none: 3 };

/** Overdue first, then due soon, then still open, then what is filed; within each, by task number. */
export function compareBySignal(a: { signal: DeadlineSignal | null; seq: number }, b: { signal: DeadlineSignal | null; seq: number }): number {
  return SIGNAL_RANK[a.signal ?? "none"] - SIGNAL_RANK[b.signal ?? "none"] || a.seq - b.seq;
}

/**
 * How a unit stands to a task (the meaning of the workspace's counts is the task list's, see
 * listUnitTasks: "cooperating" counts every task it cooperates on, 各地各部门 ones included).
 */
export function classifyRelation(r: Pick<UnitTaskRelation, "overall" | "leadNamed" | "leadAll" | "cooperatingNamed" | "cooperatingAll">) {
  const leads = !r.overall && (r.leadNamed || r.leadAll);
  return {
    /** Counted among the tasks it leads. */
    leads,
    /** Counted among the tasks it cooperates on. */
    cooperates: !leads && (r.cooperatingNamed || r.cooperatingAll || (r.overall && (r.leadNamed || r.leadAll))),
    /** Files this task's half-monthly report (牵头单位, named directly or as a listed member). */
    files: !r.overall && r.leadNamed,
    /** Owes an input each period (named as cooperating unit, not also a lead unit; "every unit" names oblige no one). */
    contributes: !r.overall && r.cooperatingNamed && !r.leadNamed,
  };
}

// ── The workspace ────────────────────────────────────────────────────────────

export type WorkItemKind = "report" | "contribution";

export interface WorkItem {
  kind: WorkItemKind;
  taskId: number;
  seq: number;
  content: string;
  periodIndex: number;
  periodLabel: string;
  state: ReportDisplayState;
  stateLabel: string;
  /** `null`: filed, nothing owed. */
  signal: DeadlineSignal | null;
  dueLabel: string;
  timeLeft: string;
  href: string;
  returnReason: string | null;
  submittedAt: Date | null;
  /** A report this period: how many cooperating units owe an input and how many have submitted it. */
  inputs: { filed: number; owed: number } | null;
  /** The task was closed (办结销号) before this period: nothing is owed. */
  closed: boolean;
}

export interface OwedTask {
  kind: WorkItemKind;
  taskId: number;
  seq: number;
  content: string;
  periods: { index: number; label: string; state: ReportDisplayState; stateLabel: string; signal: DeadlineSignal | null; dueLabel: string; href: string }[];
}

export interface UnitWorkspace {
  unit: { id: number; name: string };
  plan: { id: number; title: string; year: number; reportingStartPeriod: number } | null;
  counts: { lead: number; cooperating: number };
  /** The period being reported now; `null` before the plan's reporting starts. */
  current: { index: number; label: string; dueAt: Date; dueLabel: string; timeLeft: string; signal: DeadlineSignal } | null;
  /** This period's report of every task the unit files for, overdue first. */
  reports: WorkItem[];
  /** This period's input on every task the unit owes one, overdue first. */
  contributions: WorkItem[];
  /** Tasks it cooperates on only through a name for every unit (各地各部门): no input owed. */
  sharedTasks: { id: number; seq: number; content: string; overall: boolean }[];
  /** Reports sent back (by the unit head or the supervision office) and not yet resubmitted, any period. */
  returned: WorkItem[];
  /** Past open periods whose report or input was never submitted, grouped by task. */
  pastOwed: OwedTask[];
  /** This period's items overdue / due within 3 days, and the number of past periods owed. */
  summary: { overdue: number; dueSoon: number; pastOwedPeriods: number };
}

const reportHref = (taskId: number, period: number) => `/reports/${taskId}/${period}`;
const contributionHref = (taskId: number, period: number) => `/contributions/${taskId}/${period}`;

export const CLOSED_LABEL = "已销号";

/** A task is closed for a period when it was closed (办结销号) after an earlier one. */
export function isClosedFor(closedAfterPeriod: number | null, periodIndex: number): boolean {
  return closedAfterPeriod !== null && closedAfterPeriod < periodIndex;
}

/** The due time of a task's period: an approved extension for the task, else the plan's (with its moved periods). */
function dueOfTask(schedule: PlanSchedule, taskOverrides: ReadonlyMap<number, ReadonlyMap<number, Date>>, taskId: number, periodIndex: number): Date {
  return taskOverrides.get(taskId)?.get(periodIndex) ?? dueAtOf(schedule, periodIndex);
}

/** The signed-in unit's workspace. Only a unit's own members have one. */
export async function getUnitWorkspace(actor: Actor): Promise<UnitWorkspace> {
  if (actor.role !== "unit" || actor.unitId === null) throw notFound();
  const unitId = actor.unitId;
  const at = now();
  const [plan, unitName] = await Promise.all([getLatestPlanSchedule(db), getUnitName(db, unitId)]);
  if (!unitName) throw notFound();
  const unit = { id: unitId, name: unitName };
  const empty: UnitWorkspace = {
    unit,
    plan: null,
    counts: { lead: 0, cooperating: 0 },
    current: null,
    reports: [],
    contributions: [],
    sharedTasks: [],
    returned: [],
    pastOwed: [],
    summary: { overdue: 0, dueSoon: 0, pastOwedPeriods: 0 },
  };
  if (!plan) return empty;

  const [overrides, taskOverrides, relations] = await Promise.all([
    listDueOverrides(db, [plan.id]),
    getPlanTaskDueOverrides(db, plan.id),
    listUnitTaskRelations(db, { planId: plan.id, unitId }),
  ]);
  const schedule: PlanSchedule = { year: plan.year, reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays, overrides: overrides.get(plan.id) ?? new Map() };

  const classified = relations.map((r) => ({ task: r, ...classifyRelation(r) }));
  const filing = classified.filter((c) => c.files).map((c) => c.task);
  const contributing = classified.filter((c) => c.contributes).map((c) => c.task);
  const base: UnitWorkspace = {
    ...empty,
    plan: { id: plan.id, title: plan.title, year: plan.year, reportingStartPeriod: plan.reportingStartPeriod },
    counts: { lead: classified.filter((c) => c.leads).length, cooperating: classified.filter((c) => c.cooperates).length },
    sharedTasks: classified.filter((c) => c.cooperates && !c.contributes).map(({ task }) => ({ id: task.id, seq: task.seq, content: task.content, overall: task.overall })),
  };

  const first = Math.max(1, schedule.reportingStartPeriod);
  const currentIndex = currentPeriodIndex(schedule, at);
  if (currentIndex < first) return base;

  const [reportRows, contributionRows, inputCounts] = await Promise.all([
    listReportStates(db, { taskIds: filing.map((t) => t.id), fromPeriod: first, toPeriod: currentIndex }),
    listContributionStatesOfUnit(db, { unitId, taskIds: contributing.map((t) => t.id), fromPeriod: first, toPeriod: currentIndex }),
    countContributionsFiled(db, { taskIds: filing.map((t) => t.id), periodIndex: currentIndex }),
  ]);
  const reportAt = new Map(reportRows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  const contributionAt = new Map(contributionRows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  const inputsOf = new Map(inputCounts.map((c) => [c.taskId, { filed: c.filed, owed: c.owed }]));

  const itemOf = (kind: WorkItemKind, task: UnitTaskRelation, index: number): WorkItem => {
    const key = `${task.id}:${index}`;
    const period = periodOf(schedule.year, index);
    const dueAt = dueOfTask(schedule, taskOverrides, task.id, index);
    const closed = isClosedFor(task.closedAfterPeriod, index);
    let state: ReportDisplayState;
    let returnReason: string | null = null;
    let submittedAt: Date | null = null;
    if (kind === "report") {
      const row = reportAt.get(key);
      state = reportStateOf(row);
      returnReason = state === "returned" ? (row?.returnReason ?? null) : null;
      submittedAt = row?.submittedAt ?? null;
    } else {
      const row = contributionAt.get(key);
      state = contributionDisplayState(row);
      submittedAt = row?.status === "submitted" ? row.submittedAt : null;
    }
    return {
      kind,
      taskId: task.id,
      seq: task.seq,
      content: task.content,
      periodIndex: index,
      periodLabel: period.label,
      state,
      stateLabel: closed ? CLOSED_LABEL : REPORT_STATE_LABEL[state],
      signal: closed ? null : signalOf(state, dueAt, at),
      dueLabel: formatDue(dueAt),
      timeLeft: describeTimeLeft(dueAt, at),
      href: closed ? `/tasks/${task.id}` : kind === "report" ? reportHref(task.id, index) : contributionHref(task.id, index),
      returnReason,
      submittedAt,
      inputs: kind === "report" && index === currentIndex && !closed ? (inputsOf.get(task.id) ?? { filed: 0, owed: 0 }) : null,
      closed,
    };
  };

  const reports = filing.map((t) => itemOf("report", t, currentIndex)).sort(compareBySignal);
  const contributionItems = contributing.map((t) => itemOf("contribution", t, currentIndex)).sort(compareBySignal);

  const pastOwed: OwedTask[] = [];
  const returned: WorkItem[] = [];
  for (const [kind, list] of [["report", filing], ["contribution", contributing]] as const) {
    const currentItems = kind === "report" ? reports : contributionItems;
    for (const task of list) {
      const owed: OwedTask["periods"] = [];
      const last = task.closedAfterPeriod === null ? currentIndex : Math.min(currentIndex, task.closedAfterPeriod);
      for (let index = first; index <= last; index++) {
        const item = index === currentIndex ? currentItems.find((i) => i.taskId === task.id)! : itemOf(kind, task, index);
        if (item.state === "returned") returned.push(item);
        if (index === currentIndex || !isOwed(item.state)) continue;
        owed.push({ index, label: periodOf(schedule.year, index).shortLabel, state: item.state, stateLabel: item.stateLabel, signal: item.signal, dueLabel: item.dueLabel, href: item.href });
      }
      if (owed.length > 0) pastOwed.push({ kind, taskId: task.id, seq: task.seq, content: task.content, periods: owed });
    }
  }
  pastOwed.sort((a, b) => compareBySignal({ signal: a.periods[0]!.signal, seq: a.seq }, { signal: b.periods[0]!.signal, seq: b.seq }) || (a.kind === b.kind ? 0 : a.kind === "report" ? -1 : 1));
  returned.sort((a, b) => b.periodIndex - a.periodIndex || a.seq - b.seq);

  const current = periodOf(schedule.year, currentIndex);
  const dueAt = dueAtOf(schedule, currentIndex);
  const currentSignals = [...reports, ...contributionItems].map((i) => i.signal);
  return {
    ...base,
    current: { index: currentIndex, label: current.label, dueAt, dueLabel: formatDue(dueAt), timeLeft: describeTimeLeft(dueAt, at), signal: deadlineSignal(dueAt, at) },
    reports,
    contributions: contributionItems,
    returned,
    pastOwed,
    summary: {
      overdue: currentSignals.filter((s) => s === "overdue").length,
      dueSoon: currentSignals.filter((s) => s === "due_soon").length,
      pastOwedPeriods: pastOwed.reduce((n, t) => n + t.periods.length, 0),
    },
  };
}

// ── This period's state of any tasks (for the lists of those who oversee them) ─

export interface CurrentPeriodState {
  periodIndex: number;
  periodLabel: string;
  dueAt: Date;
  dueLabel: string;
  state: ReportDisplayState;
  /** The state's label, or 已销号 for a task closed before this period. */
  stateLabel: string;
  /** Red overdue / amber due within 3 days while not submitted; `null` once submitted (or closed). */
  signal: DeadlineSignal | null;
  /** Closed (办结销号) before this period: nothing is owed. */
  closed: boolean;
}

/**
 * This period's report state and deadline signal of each task, for a 本期状态 column in any task
 * list. Four queries however many tasks. Tasks without a report this period (the overall row,
 * archived tasks, a plan whose reporting has not started) are left out of the map.
 * Due times include approved extensions of each task. The caller has already decided the user may
 * see these tasks (e.g. listTasksFor).
 */
export async function getCurrentPeriodStates(taskIds: readonly number[], at: Date = now()): Promise<Map<number, CurrentPeriodState>> {
  const out = new Map<number, CurrentPeriodState>();
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return out;
  const tasks = (await listTaskSchedules(db, ids)).filter((t) => !t.overall && !t.archivedAt);
  if (tasks.length === 0) return out;
  const [overrides, taskOverrides] = await Promise.all([listDueOverrides(db, [...new Set(tasks.map((t) => t.planId))]), listTaskDueOverrides(db, tasks.map((t) => t.taskId))]);
  const targets: { taskId: number; schedule: PlanSchedule; index: number; closed: boolean }[] = [];
  for (const t of tasks) {
    const schedule: PlanSchedule = { year: t.year, reportingStartPeriod: t.reportingStartPeriod, dueOffsetDays: t.dueOffsetDays, overrides: overrides.get(t.planId) ?? new Map() };
    const index = currentPeriodIndex(schedule, at);
    if (index >= Math.max(1, schedule.reportingStartPeriod)) targets.push({ taskId: t.taskId, schedule, index, closed: isClosedFor(t.closedAfterPeriod, index) });
  }
  const rows = await listReportStatesAt(db, targets.map((t) => [t.taskId, t.index] as const));
  const rowAt = new Map(rows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  for (const { taskId, schedule, index, closed } of targets) {
    const state = reportStateOf(rowAt.get(`${taskId}:${index}`));
    const dueAt = dueOfTask(schedule, taskOverrides, taskId, index);
    out.set(taskId, {
      periodIndex: index,
      periodLabel: periodOf(schedule.year, index).label,
      dueAt,
      dueLabel: formatDue(dueAt),
      state,
      stateLabel: closed ? CLOSED_LABEL : REPORT_STATE_LABEL[state],
      signal: closed ? null : signalOf(state, dueAt, at),
      closed,
    });
  }
  return out;
}
