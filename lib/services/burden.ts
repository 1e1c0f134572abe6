/**
 * 减负: the burden this system puts on units, per unit per calendar month — reports owed as lead unit,
 * inputs owed as cooperating unit (the workspace's rule: lib/data/input-duties.ts and the tasks'
 * own schedules), fields to fill, reminders received, messages sent — ranked, with the causes; the
 * office's measures (由牵头单位汇总, a lower cadence, 提醒线), each audited; and the projection that
 * warns before a plan is started or an item registered that would push a unit past the 提醒线.
 * Read by the office and the administrator (`office.read`); measures by the office (`burden.manage`).
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  countMessagesByUnit,
  countRemindersByUnit,
  listDutiesOfPlans,
  listUnitNamesById,
  lockTaskForCadence,
  setTaskCadence,
  type DutyRow,
} from "@/lib/data/burden";
import { deleteCollectedInput, findCollectedInput, insertCollectedInput, listCollectedTasksOfUnit, listInputOwingUnitIds } from "@/lib/data/input-duties";
import { listCooperatingUnitIds } from "@/lib/data/reports";
import { getSetting, lockSetting, putSetting } from "@/lib/data/settings";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { loadPlans, loadPlansOfYear, loadTaskSchedule, schedulesOfTasks, type LivePlan } from "@/lib/plans/live";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { periodAt } from "@/lib/periods";
import { CADENCE_LABEL, type Cadence } from "@/lib/reporting/cadence";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { computeLoads, emptyLoad, loadCauses, type Duty, type UnitLoad } from "@/lib/burden/load";
import { monthAt, monthLabel, monthOfHalf, monthParam, monthRange, monthsUpTo, nextMonth, type BurdenMonth } from "@/lib/burden/month";
import { BurdenWarningError, projectBurden, projectReminders, type BurdenWarning } from "@/lib/burden/projection";
import { BURDEN_THRESHOLDS_KEY, breachesOf, readThresholds, type BurdenThresholds } from "@/lib/burden/thresholds";
import { DEFAULT_PAGE_SIZE, type PageOf, type Paging, slicePage } from "@/lib/paging";
import { collectInputSchema, lowerCadenceSchema, thresholdsSchema } from "./burden-schemas";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

// ── Reading the load ─────────────────────────────────────────────────────────

/** The plans a month's load counts: every 执行中 plan of its year. */
function plansOfMonth(executor: Executor, month: BurdenMonth): Promise<LivePlan[]> {
  return loadPlansOfYear(executor, month.year, ["active"]);
}

/** Duty rows with each task's own schedule (cadence, first period, closing, extensions). */
async function dutiesWithSchedules(executor: Executor, plans: readonly LivePlan[], rows: readonly DutyRow[]): Promise<Duty[]> {
  const timings = [...new Map(rows.map((r) => [r.taskId, r])).values()].map((r) => ({
    id: r.taskId,
    planId: r.planId,
    cadence: r.cadence,
    dueOn: r.dueOn,
    closedAfterPeriod: r.closedAfterPeriod,
    reportingStartPeriod: r.reportingStartPeriod,
  }));
  const schedules = await schedulesOfTasks(executor, plans, timings);
  return rows.flatMap((r) => {
    const schedule = schedules.get(r.taskId);
    return schedule ? [{ ...r, schedule }] : [];
  });
}

/** Every unit's load in a month (or one unit's), heaviest first. */
export async function loadMonthLoads(executor: Executor, month: BurdenMonth, options: { unitId?: number } = {}): Promise<UnitLoad[]> {
  const plans = await plansOfMonth(executor, month);
  const range = monthRange(month);
  const [rows, reminders, messages] = await Promise.all([
    listDutiesOfPlans(
      executor,
      plans.map((p) => p.id),
      { unitId: options.unitId },
    ),
    countRemindersByUnit(executor, range, options.unitId),
    countMessagesByUnit(executor, range, options.unitId),
  ]);
  const duties = await dutiesWithSchedules(executor, plans, rows);
  const ids = new Set([...duties.map((d) => d.unitId), ...reminders.keys(), ...messages.keys()]);
  const unitNames = await listUnitNamesById(executor, [...ids]);
  return computeLoads({ month, duties, reminders, messages, unitNames });
}

export async function getBurdenThresholds(executor: Executor = db): Promise<BurdenThresholds> {
  return readThresholds(await getSetting(BURDEN_THRESHOLDS_KEY, executor));
}

export interface BurdenRow {
  unitId: number;
  unitName: string;
  reports: number;
  inputs: number;
  owed: number;
  fields: number;
  reminders: number;
  messages: number;
  causes: string[];
  breaches: ("owed" | "reminders")[];
}

export interface BurdenMeter {
  month: BurdenMonth;
  monthParam: string;
  monthLabel: string;
  /** The months of the year to pick from, newest first. */
  months: { param: string; label: string }[];
  thresholds: BurdenThresholds;
  page: PageOf<BurdenRow>;
  /** Units over a 提醒线 (of every page). */
  over: number;
  canManage: boolean;
}

const rowOf = (load: UnitLoad, thresholds: BurdenThresholds): BurdenRow => ({
  unitId: load.unitId,
  unitName: load.unitName,
  reports: load.reports,
  inputs: load.inputs,
  owed: load.owed,
  fields: load.fields,
  reminders: load.reminders,
  messages: load.messages,
  causes: loadCauses(load),
  breaches: breachesOf(load, thresholds),
});

/** 负担监测: every unit's load in the month, heaviest first, a page at a time. */
export async function getBurdenMeter(actor: Actor, options: { month?: BurdenMonth | null; paging?: Pick<Paging, "page" | "size"> } = {}): Promise<BurdenMeter> {
  assertCan(actor, "office.read");
  const current = monthAt(now());
  const month = options.month ?? current;
  const [loads, thresholds] = await Promise.all([loadMonthLoads(db, month), getBurdenThresholds()]);
  const rows = loads.map((l) => rowOf(l, thresholds));
  const last = month.year === current.year ? current : { year: month.year, month: 12 };
  return {
    month,
    monthParam: monthParam(month),
    monthLabel: monthLabel(month),
    months: monthsUpTo(last.month >= month.month ? last : month).map((m) => ({ param: monthParam(m), label: monthLabel(m) })),
    thresholds,
    page: slicePage(rows, options.paging ?? { page: 1, size: DEFAULT_PAGE_SIZE }),
    over: rows.filter((r) => r.breaches.length > 0).length,
    canManage: can(actor, "burden.manage"),
  };
}

export interface UnitBurdenDuty {
  taskId: number;
  seq: number;
  content: string;
  kind: "report" | "input";
  cadence: Cadence;
  cadenceLabel: string;
  count: number;
  fields: number;
  /** The cadences it may be lowered to (每月 / 到期一次), none when already the lowest. */
  lowerTo: Cadence[];
}

export interface UnitBurden {
  unit: { id: number; name: string };
  month: BurdenMonth;
  monthParam: string;
  monthLabel: string;
  row: BurdenRow;
  duties: UnitBurdenDuty[];
  /** Tasks on which the lead unit collects this unit's input (由牵头单位汇总), to undo. */
  collected: { taskId: number; seq: number; content: string }[];
  canManage: boolean;
}

/** The cadences a task may be lowered to without touching what was filed (see lowerTaskCadence). */
export function lowerCadencesOf(cadence: Cadence): Cadence[] {
  if (cadence === "half_monthly") return ["monthly", "final"];
  if (cadence === "monthly") return ["final"];
  return [];
}

/** One unit's load in the month with the tasks behind it. Unknown units answer not found. */
export async function getUnitBurden(actor: Actor, unitId: number, options: { month?: BurdenMonth | null } = {}): Promise<UnitBurden> {
  assertCan(actor, "office.read");
  const month = options.month ?? monthAt(now());
  const names = await listUnitNamesById(db, [unitId]);
  const name = names.get(unitId);
  if (!name) throw notFound("未找到这个单位");
  const [loads, thresholds, plans] = await Promise.all([loadMonthLoads(db, month, { unitId }), getBurdenThresholds(), plansOfMonth(db, month)]);
  const load = loads[0] ?? emptyLoad(unitId, name);
  const collected = await listCollectedTasksOfUnit(
    db,
    plans.map((p) => p.id),
    unitId,
  );
  return {
    unit: { id: unitId, name },
    month,
    monthParam: monthParam(month),
    monthLabel: monthLabel(month),
    row: rowOf(load, thresholds),
    duties: load.duties
      .filter((d) => d.count > 0)
      .map((d) => ({
        taskId: d.taskId,
        seq: d.seq,
        content: d.content,
        kind: d.kind,
        cadence: d.cadence,
        cadenceLabel: CADENCE_LABEL[d.cadence],
        count: d.count,
        fields: d.fields,
        lowerTo: lowerCadencesOf(d.cadence),
      })),
    collected,
    canManage: can(actor, "burden.manage"),
  };
}

// ── Measures ─────────────────────────────────────────────────────────────────

/** A task of a live plan the office may change: not the overall row, not archived, its plan not archived. */
async function writableTask(tx: Executor, taskId: number) {
  const found = await loadTaskSchedule(tx, taskId);
  if (!found || found.task.overall || found.task.archivedAt) throw notFound("未找到这项任务");
  assertPlanWritable(found.task);
  return found;
}

/**
 * 由牵头单位汇总: the lead unit collects this cooperating unit's input on the task, so the unit owes no
 * input for it from now on (everywhere owed inputs are derived: lib/data/input-duties.ts). Inputs
 * already filed stay.
 */
export async function collectInput(actor: Actor, raw: unknown, options: { ip?: string | null } = {}) {
  assertCan(actor, "burden.manage");
  const input = parseInput(collectInputSchema, raw);
  return mutation(actor, { action: "burden.collect_input", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const { task } = await writableTask(tx, input.taskId);
    if (await findCollectedInput(tx, input.taskId, input.unitId)) throw new DomainError("conflict", "该单位的配合进展已由牵头单位汇总");
    const owing = await listInputOwingUnitIds(tx, input.taskId);
    if (!owing.includes(input.unitId)) throw new DomainError("invalid", "该单位不是这项任务须报送配合进展的配合单位");
    await insertCollectedInput(tx, { taskId: input.taskId, unitId: input.unitId, createdBy: actor.userId, createdAt: now() });
    await audit({ entityId: input.taskId, after: { taskId: input.taskId, seq: task.seq, unitId: input.unitId, collectedByLeadUnit: true } });
    return { taskId: input.taskId, unitId: input.unitId };
  });
}

/** Undoes 由牵头单位汇总: the unit owes its input on the task again from the current period. */
export async function uncollectInput(actor: Actor, raw: unknown, options: { ip?: string | null } = {}) {
  assertCan(actor, "burden.manage");
  const input = parseInput(collectInputSchema, raw);
  return mutation(actor, { action: "burden.uncollect_input", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const { task } = await writableTask(tx, input.taskId);
    if (!(await findCollectedInput(tx, input.taskId, input.unitId))) throw new DomainError("conflict", "该单位的配合进展并未由牵头单位汇总");
    const named = await listCooperatingUnitIds(tx, input.taskId);
    if (!named.includes(input.unitId)) throw new DomainError("invalid", "该单位不是这项任务的配合单位");
    await deleteCollectedInput(tx, input.taskId, input.unitId);
    await audit({
      entityId: input.taskId,
      before: { taskId: input.taskId, seq: task.seq, unitId: input.unitId, collectedByLeadUnit: true },
      after: { collectedByLeadUnit: false },
    });
    return { taskId: input.taskId, unitId: input.unitId };
  });
}

/**
 * Lowers a task's cadence (每半月 → 每月 or 到期一次, 每月 → 到期一次). Sound mid-year: a monthly report
 * is keyed and due like the month's second half, so every report already filed keeps its period, its
 * version and its lateness, and the task's history still lists the first halves filed; only periods
 * not filed and no longer owed under the new cadence stop being asked for. Raising a cadence, or
 * changing a weekly one, would make past periods owed that nobody was asked for: refused.
 */
export async function lowerTaskCadence(actor: Actor, raw: unknown, options: { ip?: string | null } = {}) {
  assertCan(actor, "burden.manage");
  const input = parseInput(lowerCadenceSchema, raw);
  return mutation(actor, { action: "burden.lower_cadence", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const { plan } = await writableTask(tx, input.taskId);
    const task = await lockTaskForCadence(tx, input.taskId);
    if (!task) throw notFound("未找到这项任务");
    const from: Cadence = task.cadence ?? plan.cadence;
    if (!lowerCadencesOf(from).includes(input.cadence)) {
      throw new DomainError(
        "invalid",
        `这项任务现为${CADENCE_LABEL[from]}，只能改为更低的频次${from === "weekly" ? "（每周报送的任务不能在年中改频次）" : ""}`,
      );
    }
    await setTaskCadence(tx, input.taskId, input.cadence, now());
    await audit({ entityId: input.taskId, before: { cadence: from }, after: { cadence: input.cadence } });
    return { taskId: input.taskId, from, to: input.cadence };
  });
}

/** 负担提醒线: the office sets (or clears, with null) the monthly limits. */
export async function setBurdenThresholds(actor: Actor, raw: unknown, options: { ip?: string | null } = {}) {
  assertCan(actor, "burden.manage");
  const input = parseInput(thresholdsSchema, raw);
  return mutation(actor, { action: "burden.set_thresholds", entity: "settings", ip: options.ip ?? null }, async (tx, audit) => {
    const before = readThresholds(await lockSetting(tx, BURDEN_THRESHOLDS_KEY));
    if (before.maxOwed === input.maxOwed && before.maxReminders === input.maxReminders) return before;
    await putSetting(tx, BURDEN_THRESHOLDS_KEY, input, actor.userId);
    await audit({ entityId: null, before: { ...before }, after: { ...input } });
    return input;
  });
}

// ── The warning before publishing ────────────────────────────────────────────

/** The current loads of some months, by month label → unit → load. */
async function currentLoadsOf(executor: Executor, months: readonly BurdenMonth[]) {
  const out = new Map<string, Map<number, UnitLoad>>();
  for (const month of months) out.set(monthLabel(month), new Map((await loadMonthLoads(executor, month)).map((l) => [l.unitId, l])));
  return out;
}

/** A month and the next (the first full month of the new work falls in one of them). */
const firstMonths = (month: BurdenMonth): BurdenMonth[] => [month, ...[nextMonth(month)].filter((m): m is BurdenMonth => m !== null)];

/**
 * Before 开始执行: what the plan's lead units and cooperating units would owe from the chosen half
 * month on, on top of what they owe now. Null when no 提醒线 is set (nothing is read) or none is passed.
 */
export async function projectPlanActivation(executor: Executor, planId: number, firstPeriod: number): Promise<BurdenWarning | null> {
  const thresholds = await getBurdenThresholds(executor);
  if (thresholds.maxOwed === null) return null;
  const [plan] = await loadPlans(executor, [planId]);
  if (!plan) return null;
  const started = { ...plan, reportingStartPeriod: firstPeriod };
  const added = await dutiesWithSchedules(executor, [started], await listDutiesOfPlans(executor, [plan.id]));
  const months = firstMonths(monthOfHalf(plan.year, firstPeriod));
  return projectBurden({ months, currentLoads: await currentLoadsOf(executor, months), added, thresholds });
}

/**
 * Before 立项: what the item's lead units (its reports) and cooperating units (their inputs) would owe
 * this month and next under its cadence, on top of what they owe now.
 */
export async function projectItemRegistration(
  executor: Executor,
  item: {
    cadence: Cadence;
    dueOn: string;
    content: string;
    leadUnits: readonly { id: number; name: string }[];
    cooperatingUnits: readonly { id: number; name: string }[];
  },
  at: Date,
): Promise<BurdenWarning | null> {
  const thresholds = await getBurdenThresholds(executor);
  if (thresholds.maxOwed === null) return null;
  const half = periodAt(at);
  const schedule = scheduleOf(
    { year: half.year, reportingStartPeriod: half.index, dueOffsetDays: 0, overrides: new Map(), cadence: item.cadence },
    { id: 0, planId: 0, cadence: item.cadence, dueOn: item.dueOn, closedAfterPeriod: null, reportingStartPeriod: half.index },
  );
  const base = { taskId: 0, seq: 0, content: item.content, planId: 0, schedule, indicators: 0 };
  const added: Duty[] = [
    ...item.leadUnits.map((u) => ({ ...base, unitId: u.id, unitName: u.name, kind: "report" as const })),
    ...item.cooperatingUnits.map((u) => ({ ...base, unitId: u.id, unitName: u.name, kind: "input" as const })),
  ];
  const months = firstMonths(monthAt(at));
  return projectBurden({ months, currentLoads: await currentLoadsOf(executor, months), added, thresholds });
}

/** Before 催办: the units reminded that would pass the 提醒线 on reminders this month. Null when that line is not set (nothing is read). */
export async function projectReminderSend(
  executor: Executor,
  reminded: readonly { unitId: number; unitName: string }[],
  at: Date,
): Promise<BurdenWarning | null> {
  const thresholds = await getBurdenThresholds(executor);
  if (thresholds.maxReminders === null) return null;
  const month = monthAt(at);
  const current = await countRemindersByUnit(executor, monthRange(month));
  return projectReminders({ month, current, reminded, thresholds });
}

/** Refuses an unconfirmed publish that passes the 提醒线 (the form shows the warning and asks again). */
export function refuseUnconfirmed(warning: BurdenWarning | null, confirmed: boolean | undefined): void {
  if (warning && !confirmed) throw new BurdenWarningError(warning);
}
