/**
 * 催办: for a period, every unit that still owes its report (lead units of tasks whose compliance is
 * missing / open / returned, from getPeriodStatus — the one source of truth) or its input (cooperating
 * units without a submitted 配合进展); one action reminds them all: a reminder with its items, one
 * notification per unit, one audit row — and a "reminder" step in the escalation ledger for each unit
 * with something already overdue (or for every unit reminded, when the office chooses to record it).
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordEscalation } from "@/lib/data/escalations";
import { notifyUnits } from "@/lib/data/notifications";
import {
  getLatestReminder,
  insertReminder,
  insertReminderItems,
  listCooperatingDuties,
  listReminders,
  listReminderUnits,
  listSubmittedContributions,
  lockPlansForReminders,
} from "@/lib/data/reminders";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { collectOwed, ledgerItems, owedFacts, reminderMessage, type UnitOwed } from "@/lib/escalation/owed";
import { loadLivePlans, type LivePlan } from "@/lib/plans/live";
import { formatDue, formatShanghai, periodAt, periodOf } from "@/lib/periods";
import { currentPeriodIndex, dueAtOf } from "@/lib/reporting/deadlines";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { keysEndingInHalfMonth } from "@/lib/reporting/task-periods";
import { getPeriodStatus } from "./period-status";
import { compareZh } from "@/lib/zh-order";
import { projectReminderSend, refuseUnconfirmed } from "./burden";
import { mutation } from "./mutation";

/** A second reminder of the same period within this time is refused (a double click, two colleagues). */
export const REMINDER_COOLDOWN_MS = 10 * 60 * 1000;

/** What reminding needs of a plan. */
type PlanRow = { id: number; year: number; title: string; reportingStartPeriod: number; dueOffsetDays: number };

/** The half months that can be reminded about for one plan: from its first reporting period up to now. */
export function reminderPeriods(plan: PlanRow, at: Date): number[] {
  const first = Math.max(1, plan.reportingStartPeriod);
  // 催办 is by half month, whatever each task's cadence.
  const last = currentPeriodIndex({ year: plan.year, cadence: "half_monthly" }, at);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/**
 * The live plans reminded together: those of the year being worked on (the latest year of a live plan
 * not after the clock's, else the earliest) — this year's report, its 督办事项, its 民生实事 …
 */
export function reminderScope(livePlans: readonly LivePlan[], at: Date): LivePlan[] {
  if (livePlans.length === 0) return [];
  const clockYear = periodAt(at).year;
  const years = [...new Set(livePlans.map((p) => p.year))];
  const past = years.filter((y) => y <= clockYear);
  const year = past.length > 0 ? Math.max(...past) : Math.min(...years);
  return livePlans.filter((p) => p.year === year);
}

/** The half months any plan of the scope can be reminded about. */
function scopePeriods(plans: readonly PlanRow[], at: Date): number[] {
  return [...new Set(plans.flatMap((p) => reminderPeriods(p, at)))].sort((a, b) => a - b);
}

/**
 * Every unit that owes something for the half month in one plan, with what it owes: each task in the
 * period its cadence counts for the half month (a monthly item owes nothing in a first half month).
 */
export async function computeOwed(plan: PlanRow, periodIndex: number, options: { executor?: Executor; at?: Date } = {}): Promise<UnitOwed[]> {
  const executor = options.executor ?? db;
  const at = options.at ?? now();
  const [status, duties, submitted] = await Promise.all([
    getPeriodStatus(plan, periodIndex, { at, executor }),
    listCooperatingDuties(executor, plan.id),
    listSubmittedContributions(executor, plan.id, keysEndingInHalfMonth(plan.year, periodIndex)),
  ]);
  const keyOf = new Map(status.rows.map((r) => [r.taskId, r.periodIndex]));
  const filed = new Set(submitted.filter((c) => keyOf.get(c.taskId) === c.periodIndex).map((c) => `${c.taskId}:${c.unitId}`));
  return collectOwed(status.rows, duties, filed, at);
}

/** What each unit owes for the half month over several plans (each plan from its own first reporting period on). */
async function computeOwedOver(
  plans: readonly PlanRow[],
  periodIndex: number,
  options: { executor?: Executor; at: Date },
): Promise<{ planId: number; owed: UnitOwed[] }[]> {
  const out: { planId: number; owed: UnitOwed[] }[] = [];
  for (const plan of plans) {
    if (!reminderPeriods(plan, options.at).includes(periodIndex)) continue;
    out.push({ planId: plan.id, owed: await computeOwed(plan, periodIndex, options) });
  }
  return out;
}

/** One entry per unit, the items of every plan together, by unit name. */
function mergeByUnit(perPlan: readonly { owed: UnitOwed[] }[]): UnitOwed[] {
  const byUnit = new Map<number, UnitOwed>();
  for (const { owed } of perPlan) {
    for (const unit of owed) {
      const entry = byUnit.get(unit.unitId) ?? { unitId: unit.unitId, unitName: unit.unitName, items: [] };
      entry.items.push(...unit.items);
      byUnit.set(unit.unitId, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => compareZh(a.unitName, b.unitName));
}

const itemCount = (units: readonly UnitOwed[]) => units.reduce((n, u) => n + u.items.length, 0);

export interface ReminderHistoryEntry {
  id: number;
  periodIndex: number;
  periodLabel: string;
  createdAt: Date;
  createdBy: string;
  unitCount: number;
  itemCount: number;
  units: { unitId: number; unitName: string; reports: number; contributions: number }[];
}

export interface ReminderPage {
  /** The first plan reminded (the latest year's table); null when no plan is 执行中. */
  plan: { id: number; title: string; year: number } | null;
  /** The labels of every plan reminded together (「2022年 政府工作报告」、「2022年 督办事项」). */
  covered: string[];
  periods: { index: number; label: string }[];
  period: { index: number; label: string; dueLabel: string; current: boolean } | null;
  owed: UnitOwed[];
  itemCount: number;
  /** While looking at the current period: the previous one, when its reports or inputs are still missing. */
  previous: { index: number; label: string; units: number; items: number } | null;
  /** The last reminder of this period, and whether a new one would be refused as too soon. */
  lastReminder: { at: Date; atLabel: string; tooSoon: boolean } | null;
  history: ReminderHistoryEntry[];
}

async function historyOf(plans: readonly PlanRow[], options: { periodIndex?: number } = {}): Promise<ReminderHistoryEntry[]> {
  const year = plans[0]!.year;
  const rows = await listReminders(
    db,
    plans.map((p) => p.id),
    { ...options, limit: 30 },
  );
  const units = await listReminderUnits(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = units
      .filter((u) => u.reminderId === r.id)
      .map(({ unitId, unitName, reports, contributions }) => ({ unitId, unitName, reports, contributions }));
    return {
      id: r.id,
      periodIndex: r.periodIndex,
      periodLabel: periodOf(year, r.periodIndex).label,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      unitCount: r.units,
      itemCount: r.items,
      units: mine,
    };
  });
}

/** The 催办 page over every live plan of the year: who owes what in the chosen half month (default: the current one), and who was reminded when. */
export async function getReminderPage(actor: Actor, input: { periodIndex?: number } = {}): Promise<ReminderPage> {
  assertCan(actor, "office.read");
  const at = now();
  const plans = reminderScope(await loadLivePlans(db), at);
  const empty: ReminderPage = { plan: null, covered: [], periods: [], period: null, owed: [], itemCount: 0, previous: null, lastReminder: null, history: [] };
  if (plans.length === 0) return empty;
  const plan = plans[0]!;
  const indexes = scopePeriods(plans, at);
  const base: ReminderPage = {
    ...empty,
    plan: { id: plan.id, title: plan.title, year: plan.year },
    covered: plans.map((p) => p.label),
    periods: indexes.map((index) => ({ index, label: periodOf(plan.year, index).label })),
    history: await historyOf(plans),
  };
  if (indexes.length === 0) return base;
  const current = indexes[indexes.length - 1]!;
  const chosen = input.periodIndex !== undefined && indexes.includes(input.periodIndex) ? input.periodIndex : current;
  const [owed, last, previousOwed] = await Promise.all([
    computeOwedOver(plans, chosen, { at }).then(mergeByUnit),
    getLatestReminder(
      db,
      plans.map((p) => p.id),
      chosen,
    ),
    chosen === current && indexes.includes(current - 1) ? computeOwedOver(plans, current - 1, { at }).then(mergeByUnit) : Promise.resolve(null),
  ]);
  const schedule = scheduleOf({ ...plan, cadence: "half_monthly" });
  return {
    ...base,
    period: { index: chosen, label: periodOf(plan.year, chosen).label, dueLabel: formatDue(dueAtOf(schedule, chosen)), current: chosen === current },
    owed,
    itemCount: itemCount(owed),
    previous:
      previousOwed && previousOwed.length > 0
        ? { index: current - 1, label: periodOf(plan.year, current - 1).label, units: previousOwed.length, items: itemCount(previousOwed) }
        : null,
    lastReminder: last
      ? { at: last.createdAt, atLabel: formatShanghai(last.createdAt), tooSoon: at.getTime() - last.createdAt.getTime() < REMINDER_COOLDOWN_MS }
      : null,
  };
}

/**
 * 一键催办: reminds every unit that owes something in the half month, over every live plan of the
 * year (one reminder row per plan with something owed; one notification per unit). Only what is
 * already overdue enters the escalation ledger, one step per unit with its overdue items; with
 * `recordAll` the office records every unit's whole reminder. Refused when nothing is owed, for a
 * period outside the reporting range, and within 10 minutes of the last reminder of the same period.
 */
export async function sendReminders(actor: Actor, input: { periodIndex: number; recordAll?: boolean; confirmBurden?: boolean }) {
  assertCan(actor, "office.write");
  const scope = reminderScope(await loadLivePlans(db), now());
  if (scope.length === 0) throw notFound("尚未导入分解表");
  return mutation(actor, { action: "reminder.send", entity: "reminder" }, async (tx, audit) => {
    // One reminder at a time over these plans: a double click waits here, then sees the first one.
    const plans = await lockPlansForReminders(
      tx,
      scope.map((p) => p.id),
    );
    if (plans.length === 0) throw notFound();
    const at = now();
    if (!scopePeriods(plans, at).includes(input.periodIndex)) throw new DomainError("invalid", "该半月期不在报送范围内，不能催办");
    const last = await getLatestReminder(
      tx,
      plans.map((p) => p.id),
      input.periodIndex,
    );
    if (last && at.getTime() - last.createdAt.getTime() < REMINDER_COOLDOWN_MS) {
      throw new DomainError("conflict", `本期已于 ${formatShanghai(last.createdAt)} 催办，10 分钟内不能重复催办`);
    }
    const perPlan = (await computeOwedOver(plans, input.periodIndex, { executor: tx, at })).filter((p) => p.owed.length > 0);
    const owed = mergeByUnit(perPlan);
    if (owed.length === 0) throw new DomainError("invalid", "本期没有需要催办的单位");
    // 减负: a unit this reminder would push past the 提醒线 on reminders is named first; sent only when confirmed.
    refuseUnconfirmed(await projectReminderSend(tx, owed, at), input.confirmBurden);
    const periodLabel = periodOf(plans[0]!.year, input.periodIndex).label;

    const reminderIds: number[] = [];
    for (const { planId, owed: planOwed } of perPlan) {
      const reminderId = await insertReminder(tx, { planId, periodIndex: input.periodIndex, createdBy: actor.userId, createdAt: at });
      reminderIds.push(reminderId);
      await insertReminderItems(
        tx,
        planOwed.flatMap((unit) => unit.items.map((item) => ({ reminderId, unitId: unit.unitId, taskId: item.taskId, owes: item.owes }))),
      );
    }
    const reminderId = reminderIds[0]!;
    const recordedUnitIds: number[] = [];
    for (const unit of owed) {
      const message = reminderMessage(unit, periodLabel);
      await notifyUnits(tx, [unit.unitId], { kind: "reminder", title: message.title, body: message.body, link: "/unit", createdBy: actor.userId });
      const recorded = ledgerItems(unit, input.recordAll);
      if (recorded.length === 0) continue;
      const pending = recorded.filter((i) => !i.overdue).map((i) => i.dueAt.getTime());
      await recordEscalation(tx, {
        unitId: unit.unitId,
        step: "reminder",
        facts: owedFacts({ ...unit, items: recorded }, periodLabel),
        deadline: pending.length > 0 ? new Date(Math.min(...pending)) : null,
        createdBy: actor.userId,
        createdAt: at,
      });
      recordedUnitIds.push(unit.unitId);
    }
    const items = itemCount(owed);
    await audit({
      entityId: reminderId,
      after: {
        planIds: perPlan.map((p) => p.planId),
        reminderIds,
        periodIndex: input.periodIndex,
        units: owed.map((u) => ({ unitId: u.unitId, items: u.items.map((i) => `${i.owes}:${i.seq}`) })),
        recordAll: input.recordAll === true,
        ledgerUnitIds: recordedUnitIds,
        ...(input.confirmBurden ? { burdenConfirmed: true } : {}),
      },
    });
    return { reminderId, reminderIds, units: owed.length, items, recorded: recordedUnitIds.length };
  });
}
