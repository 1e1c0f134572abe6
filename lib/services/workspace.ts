/**
 * A unit's workspace (本单位工作台), over every 执行中 plan: the current report of every task or item
 * it leads and its input (配合进展) on every one it is obliged to contribute to, each in the period of
 * its own cadence (每半月 / 每月 / 每周 / 到期一次), with deadline signals, overdue first,
 * the returned reports' reasons and what it still owes from past periods. And, for everyone who
 * oversees tasks, the state of this period's report of any list of tasks.
 *
 * A fixed number of queries whatever the number of tasks and periods (see lib/data/workspace.ts).
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  countContributionsFiled,
  getUnitName,
  listContributionStatesOfUnit,
  listReportStates,
  listReportStatesAt,
  listUnitTaskRelations,
  type UnitTaskRelation,
} from "@/lib/data/workspace";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/policies";
import { loadLivePlans, loadTaskSchedules, schedulesOfTasks } from "@/lib/plans/live";
import { deadlineSignal, describeTimeLeft, formatDue, type DeadlineSignal } from "@/lib/periods";
import { cadencePeriod, CADENCE_LABEL } from "@/lib/reporting/cadence";
import { cadenceRuleOf, currentPeriodIndex, owedPeriodIndexes, periodWithDue, type PlanSchedule } from "@/lib/reporting/deadlines";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { isClosedAt, taskPeriodsNow } from "@/lib/reporting/task-periods";
import { classifyRelation, CLOSED_LABEL, SIGNAL_RANK, signalOf } from "@/lib/reporting/work-state";
import { contributionDisplayState, isOwed, REPORT_STATE_LABEL, reportDisplayState, type ReportDisplayState } from "@/lib/reporting/workflow";

// ── The workspace ────────────────────────────────────────────────────────────

export type WorkItemKind = "report" | "contribution";

/** A report or input owed on a task, with the task's plan. */
interface WorkOnTask {
  kind: WorkItemKind;
  taskId: number;
  seq: number;
  content: string;
  /** The plan the task belongs to, as labelled everywhere (「2022年 政府工作报告」). */
  planId: number;
  planLabel: string;
}

export interface WorkItem extends WorkOnTask {
  /** How often the task reports (每月报送); null for the plan's usual half-monthly reports. */
  cadenceLabel: string | null;
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

export interface OwedTask extends WorkOnTask {
  periods: { index: number; label: string; state: ReportDisplayState; stateLabel: string; signal: DeadlineSignal | null; dueLabel: string; href: string }[];
}

/** A live plan the unit has work in, with its counts. */
export interface WorkspacePlan {
  id: number;
  label: string;
  title: string;
  year: number;
  reportingStartPeriod: number;
  counts: { lead: number; cooperating: number };
}

export interface WorkspaceTaskRef {
  id: number;
  seq: number;
  content: string;
  overall: boolean;
  planId: number;
  planLabel: string;
}

export interface UnitWorkspace {
  unit: { id: number; name: string };
  /** The first plan in view (the latest year's table first); null when no plan is 执行中. */
  plan: { id: number; title: string; year: number; reportingStartPeriod: number; label: string } | null;
  /** Every 执行中 plan the unit has tasks or items in (for the plan filter), in the order of lib/plans/live.ts. */
  plans: WorkspacePlan[];
  /** The plan chosen with `?plan=`; null = all of them. */
  planFilter: number | null;
  /** The labels of the plans the counts and lists cover. */
  covered: string[];
  counts: { lead: number; cooperating: number };
  /** The period being reported now (the first plan in view, its own cadence); `null` before reporting starts. */
  current: { index: number; label: string; dueAt: Date; dueLabel: string; timeLeft: string; signal: DeadlineSignal } | null;
  /** The current report of every task the unit files for (each in its own cadence's period), overdue first. */
  reports: WorkItem[];
  /** The current input on every task the unit owes one, overdue first. */
  contributions: WorkItem[];
  /** Tasks it cooperates on only through a name for every unit (各地各部门): no input owed. */
  sharedTasks: WorkspaceTaskRef[];
  /** Tasks it cooperates on whose input the lead unit collects (由牵头单位汇总): no input owed. */
  collectedTasks: WorkspaceTaskRef[];
  /** Reports sent back (by the unit head or the supervision office) and not yet resubmitted, any period. */
  returned: WorkItem[];
  /** Past open periods whose report or input was never submitted, grouped by task. */
  pastOwed: OwedTask[];
  /** This period's items overdue / due within 3 days, and the number of past periods owed. */
  summary: { overdue: number; dueSoon: number; pastOwedPeriods: number };
}

const reportHref = (taskId: number, period: number) => `/reports/${taskId}/${period}`;
const contributionHref = (taskId: number, period: number) => `/contributions/${taskId}/${period}`;

/** Overdue first, then due soon, open, filed; within each by plan (in the live plans' order), then task number. */
function compareWork(rank: ReadonlyMap<number, number>) {
  return (a: { signal: DeadlineSignal | null; seq: number; planId: number }, b: { signal: DeadlineSignal | null; seq: number; planId: number }) =>
    SIGNAL_RANK[a.signal ?? "none"] - SIGNAL_RANK[b.signal ?? "none"] || (rank.get(a.planId) ?? 0) - (rank.get(b.planId) ?? 0) || a.seq - b.seq;
}

/**
 * The signed-in unit's workspace over every 执行中 plan (or the one chosen with `?plan=`): each task
 * owes the periods of its own cadence (lib/reporting/plan-schedule.ts scheduleOf). Only a unit's own members have one.
 */
export async function getUnitWorkspace(actor: Actor, options: { planId?: number | null } = {}): Promise<UnitWorkspace> {
  if (!can(actor, "unit.act")) throw notFound();
  const unitId = actor.unitId;
  const at = now();
  const [livePlans, unitName] = await Promise.all([loadLivePlans(db), getUnitName(db, unitId)]);
  if (!unitName) throw notFound();
  const unit = { id: unitId, name: unitName };
  const relations = await listUnitTaskRelations(db, { planIds: livePlans.map((p) => p.id), unitId });
  const classified = relations.map((r) => ({ task: r, ...classifyRelation(r) }));

  // The plans the unit has work in, each with its counts; the filter keeps `?plan=` only when it is one of them.
  const plans: WorkspacePlan[] = livePlans
    .map((p) => {
      const mine = classified.filter((c) => c.task.planId === p.id);
      return {
        id: p.id,
        label: p.label,
        title: p.title,
        year: p.year,
        reportingStartPeriod: p.reportingStartPeriod,
        counts: { lead: mine.filter((c) => c.leads).length, cooperating: mine.filter((c) => c.cooperates).length },
      };
    })
    .filter((p, i) => p.counts.lead + p.counts.cooperating > 0 || i === 0);
  const planFilter = options.planId != null && plans.some((p) => p.id === options.planId) ? options.planId : null;
  const inView = livePlans.filter((p) => (planFilter === null ? plans.some((q) => q.id === p.id) : p.id === planFilter));
  const planById = new Map(livePlans.map((p) => [p.id, p]));
  const rank = new Map(livePlans.map((p, i) => [p.id, i]));
  const byWork = compareWork(rank);
  const shown = classified.filter((c) => inView.some((p) => p.id === c.task.planId));
  const taskRef = (task: UnitTaskRelation) => ({
    id: task.id,
    seq: task.seq,
    content: task.content,
    overall: task.overall,
    planId: task.planId,
    planLabel: planById.get(task.planId)!.label,
  });

  const first = inView[0];
  const empty: UnitWorkspace = {
    unit,
    plan: first ? { id: first.id, title: first.title, year: first.year, reportingStartPeriod: first.reportingStartPeriod, label: first.label } : null,
    plans,
    planFilter,
    covered: inView.map((p) => p.label),
    counts: { lead: shown.filter((c) => c.leads).length, cooperating: shown.filter((c) => c.cooperates).length },
    current: null,
    reports: [],
    contributions: [],
    sharedTasks: shown.filter((c) => c.cooperates && !c.contributes && !c.collected).map(({ task }) => taskRef(task)),
    collectedTasks: shown.filter((c) => c.collected).map(({ task }) => taskRef(task)),
    returned: [],
    pastOwed: [],
    summary: { overdue: 0, dueSoon: 0, pastOwedPeriods: 0 },
  };
  if (!first) return empty;

  // Each task's own schedule (cadence, 完成时限, closing, extensions), and the periods it owes now.
  const working = shown.filter((c) => c.files || c.contributes).map((c) => c.task);
  const schedules = await schedulesOfTasks(db, inView, working);
  const periodsOf = new Map(working.map((t) => [t.id, taskPeriodsNow(schedules.get(t.id)!, at)]));
  const started = working.filter((t) => periodsOf.get(t.id)!.current !== null);
  const filing = shown
    .filter((c) => c.files)
    .map((c) => c.task)
    .filter((t) => started.includes(t));
  const contributing = shown
    .filter((c) => c.contributes)
    .map((c) => c.task)
    .filter((t) => started.includes(t));

  // The header: the first plan in view whose reporting has started, in its own cadence.
  const headerPlan = inView.find((p) => {
    const schedule = scheduleOf(p);
    return owedPeriodIndexes(schedule).includes(currentPeriodIndex(schedule, at));
  });
  if (!headerPlan && started.length === 0) return empty;

  const lastKey = Math.max(0, ...started.map((t) => periodsOf.get(t.id)!.current!));
  const [reportRows, contributionRows, inputCounts] = await Promise.all([
    listReportStates(db, { taskIds: filing.map((t) => t.id), fromPeriod: 1, toPeriod: lastKey }),
    listContributionStatesOfUnit(db, { unitId, taskIds: contributing.map((t) => t.id), fromPeriod: 1, toPeriod: lastKey }),
    countContributionsFiled(
      db,
      filing.map((t) => [t.id, periodsOf.get(t.id)!.current!] as const),
    ),
  ]);
  const reportAt = new Map(reportRows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  const contributionAt = new Map(contributionRows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  const inputsOf = new Map(inputCounts.map((c) => [c.taskId, { filed: c.filed, owed: c.owed }]));

  const workOn = (kind: WorkItemKind, task: UnitTaskRelation): WorkOnTask => ({
    kind,
    taskId: task.id,
    seq: task.seq,
    content: task.content,
    planId: task.planId,
    planLabel: planById.get(task.planId)!.label,
  });

  const itemOf = (kind: WorkItemKind, task: UnitTaskRelation, index: number): WorkItem => {
    const key = `${task.id}:${index}`;
    const schedule = schedules.get(task.id)!;
    const period = periodWithDue(schedule, index);
    const dueAt = period.dueAt;
    const closed = isClosedAt(schedule, index);
    const cadence = schedule.cadence ?? "half_monthly";
    let state: ReportDisplayState;
    let returnReason: string | null = null;
    let submittedAt: Date | null = null;
    if (kind === "report") {
      const row = reportAt.get(key);
      state = reportDisplayState(row);
      returnReason = state === "returned" ? (row?.returnReason ?? null) : null;
      submittedAt = row?.submittedAt ?? null;
    } else {
      const row = contributionAt.get(key);
      state = contributionDisplayState(row);
      submittedAt = row?.status === "submitted" ? row.submittedAt : null;
    }
    return {
      ...workOn(kind, task),
      cadenceLabel: cadence === "half_monthly" ? null : CADENCE_LABEL[cadence],
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
      inputs: kind === "report" && index === periodsOf.get(task.id)!.current && !closed ? (inputsOf.get(task.id) ?? { filed: 0, owed: 0 }) : null,
      closed,
    };
  };

  const reports = filing.map((t) => itemOf("report", t, periodsOf.get(t.id)!.current!)).sort(byWork);
  const contributionItems = contributing.map((t) => itemOf("contribution", t, periodsOf.get(t.id)!.current!)).sort(byWork);

  const pastOwed: OwedTask[] = [];
  const returned: WorkItem[] = [];
  for (const [kind, list] of [
    ["report", filing],
    ["contribution", contributing],
  ] as const) {
    const currentItems = kind === "report" ? reports : contributionItems;
    for (const task of list) {
      const { open, current } = periodsOf.get(task.id)!;
      const owed: OwedTask["periods"] = [];
      for (const index of open) {
        const item = index === current ? currentItems.find((i) => i.taskId === task.id)! : itemOf(kind, task, index);
        if (item.closed) continue;
        if (item.state === "returned") returned.push(item);
        if (index === current || !isOwed(item.state)) continue;
        owed.push({
          index,
          label: cadencePeriod(cadenceRuleOf(schedules.get(task.id)!), index).shortLabel,
          state: item.state,
          stateLabel: item.stateLabel,
          signal: item.signal,
          dueLabel: item.dueLabel,
          href: item.href,
        });
      }
      if (owed.length > 0) pastOwed.push({ ...workOn(kind, task), periods: owed });
    }
  }
  pastOwed.sort(
    (a, b) =>
      byWork({ signal: a.periods[0]!.signal, seq: a.seq, planId: a.planId }, { signal: b.periods[0]!.signal, seq: b.seq, planId: b.planId }) ||
      (a.kind === b.kind ? 0 : a.kind === "report" ? -1 : 1),
  );
  returned.sort((a, b) => b.periodIndex - a.periodIndex || (rank.get(a.planId) ?? 0) - (rank.get(b.planId) ?? 0) || a.seq - b.seq);

  const currentSignals = [...reports, ...contributionItems].map((i) => i.signal);
  let current: UnitWorkspace["current"] = null;
  if (headerPlan) {
    const schedule = scheduleOf(headerPlan);
    const index = currentPeriodIndex(schedule, at);
    const period = periodWithDue(schedule, index);
    current = {
      index,
      label: period.label,
      dueAt: period.dueAt,
      dueLabel: formatDue(period.dueAt),
      timeLeft: describeTimeLeft(period.dueAt, at),
      signal: deadlineSignal(period.dueAt, at),
    };
  }
  return {
    ...empty,
    current,
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
  const { timings, schedules } = await loadTaskSchedules(db, ids);
  const targets: { taskId: number; schedule: PlanSchedule; index: number; closed: boolean }[] = [];
  for (const t of timings) {
    const schedule = schedules.get(t.id);
    if (t.overall || t.archivedAt || !schedule) continue;
    const { current } = taskPeriodsNow(schedule, at);
    if (current !== null) targets.push({ taskId: t.id, schedule, index: current, closed: isClosedAt(schedule, current) });
  }
  const rows = await listReportStatesAt(
    db,
    targets.map((t) => [t.taskId, t.index] as const),
  );
  const rowAt = new Map(rows.map((r) => [`${r.taskId}:${r.periodIndex}`, r]));
  for (const { taskId, schedule, index, closed } of targets) {
    const state = reportDisplayState(rowAt.get(`${taskId}:${index}`));
    const { label, dueAt } = periodWithDue(schedule, index);
    out.set(taskId, {
      periodIndex: index,
      periodLabel: label,
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
