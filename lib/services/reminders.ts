/**
 * 催办: for a period, every unit that still owes its report (lead units of tasks whose compliance is
 * missing / open / returned, from getPeriodStatus — the one source of truth) or its input (cooperating
 * units without a submitted 配合进展); one action reminds them all: a reminder with its items, one
 * notification per unit, one "reminder" step per unit in the escalation ledger, one audit row.
 */
import { db, type Executor } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordEscalation } from "@/lib/data/escalations";
import { notifyUnits } from "@/lib/data/notifications";
import {
  getLatestReminder,
  getPlanForReminders,
  insertReminder,
  insertReminderItems,
  listCooperatingDuties,
  listReminders,
  listReminderUnits,
  listSubmittedContributionKeys,
} from "@/lib/data/reminders";
import { getLatestPlanSchedule } from "@/lib/data/workspace";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { collectOwed, owedFacts, reminderMessage, type UnitOwed } from "@/lib/follow-up/owed";
import { formatDue, formatShanghai, periodOf } from "@/lib/periods";
import { currentPeriodIndex, dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { getPeriodStatus } from "./period-status";

/** A second reminder of the same period within this time is refused (a double click, two colleagues). */
export const REMINDER_COOLDOWN_MS = 10 * 60 * 1000;

type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlanForReminders>>>;

/** Only the supervision office reminds. */
function assertOffice(actor: Actor) {
  if (actor.role !== "supervisor") throw forbidden();
}

/** The office reads; the administrator may look. */
function assertOfficeReader(actor: Actor) {
  if (actor.role !== "supervisor" && actor.role !== "admin") throw forbidden();
}

function scheduleOf(plan: PlanRow): PlanSchedule {
  return { year: plan.year, reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays, overrides: new Map() };
}

/** The periods that can be reminded about: from the plan's first reporting period up to now. */
export function reminderPeriods(plan: PlanRow, at: Date): number[] {
  const first = Math.max(1, plan.reportingStartPeriod);
  const last = currentPeriodIndex(scheduleOf(plan), at);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/** Every unit that owes something in the period, with what it owes. */
export async function computeOwed(plan: PlanRow, periodIndex: number, options: { executor?: Executor; at?: Date } = {}): Promise<UnitOwed[]> {
  const executor = options.executor ?? db;
  const at = options.at ?? now();
  const [status, duties, submitted] = await Promise.all([
    getPeriodStatus(plan, periodIndex, { at, executor }),
    listCooperatingDuties(executor, plan.id),
    listSubmittedContributionKeys(executor, plan.id, periodIndex),
  ]);
  return collectOwed(status.rows, duties, submitted, at);
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
  plan: { id: number; title: string; year: number } | null;
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

async function historyOf(plan: PlanRow, options: { periodIndex?: number } = {}): Promise<ReminderHistoryEntry[]> {
  const rows = await listReminders(db, plan.id, { ...options, limit: 30 });
  const units = await listReminderUnits(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const mine = units.filter((u) => u.reminderId === r.id).map(({ unitId, unitName, reports, contributions }) => ({ unitId, unitName, reports, contributions }));
    return {
      id: r.id,
      periodIndex: r.periodIndex,
      periodLabel: periodOf(plan.year, r.periodIndex).label,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      unitCount: r.units,
      itemCount: r.items,
      units: mine,
    };
  });
}

/** The 催办 page: who owes what in the chosen period (default: the current one), and who was reminded when. */
export async function getReminderPage(actor: Actor, input: { periodIndex?: number } = {}): Promise<ReminderPage> {
  assertOfficeReader(actor);
  const latest = await getLatestPlanSchedule(db);
  const empty: ReminderPage = { plan: null, periods: [], period: null, owed: [], itemCount: 0, previous: null, lastReminder: null, history: [] };
  if (!latest) return empty;
  const plan = latest as PlanRow;
  const at = now();
  const indexes = reminderPeriods(plan, at);
  const base: ReminderPage = {
    ...empty,
    plan: { id: plan.id, title: plan.title, year: plan.year },
    periods: indexes.map((index) => ({ index, label: periodOf(plan.year, index).label })),
    history: await historyOf(plan),
  };
  if (indexes.length === 0) return base;
  const current = indexes[indexes.length - 1]!;
  const chosen = input.periodIndex !== undefined && indexes.includes(input.periodIndex) ? input.periodIndex : current;
  const [owed, last, previousOwed] = await Promise.all([
    computeOwed(plan, chosen, { at }),
    getLatestReminder(db, plan.id, chosen),
    chosen === current && indexes.includes(current - 1) ? computeOwed(plan, current - 1, { at }) : Promise.resolve(null),
  ]);
  const schedule = scheduleOf(plan);
  return {
    ...base,
    period: { index: chosen, label: periodOf(plan.year, chosen).label, dueLabel: formatDue(dueAtOf(schedule, chosen)), current: chosen === current },
    owed,
    itemCount: itemCount(owed),
    previous:
      previousOwed && previousOwed.length > 0
        ? { index: current - 1, label: periodOf(plan.year, current - 1).label, units: previousOwed.length, items: itemCount(previousOwed) }
        : null,
    lastReminder: last ? { at: last.createdAt, atLabel: formatShanghai(last.createdAt), tooSoon: at.getTime() - last.createdAt.getTime() < REMINDER_COOLDOWN_MS } : null,
  };
}

/**
 * 一键催办: reminds every unit that owes something in the period. Refused when nothing is owed, for a
 * period outside the reporting range, and within 10 minutes of the last reminder of the same period.
 */
export async function sendReminders(actor: Actor, input: { periodIndex: number }) {
  assertOffice(actor);
  const latest = await getLatestPlanSchedule(db);
  if (!latest) throw notFound("尚未导入分解表");
  return db.transaction(async (tx) => {
    // One reminder at a time per plan: a double click waits here, then sees the first one.
    const plan = await getPlanForReminders(tx, latest.id, { forUpdate: true });
    if (!plan) throw notFound();
    const at = now();
    if (!reminderPeriods(plan, at).includes(input.periodIndex)) throw new DomainError("invalid", "该半月期不在报送范围内，不能催办");
    const last = await getLatestReminder(tx, plan.id, input.periodIndex);
    if (last && at.getTime() - last.createdAt.getTime() < REMINDER_COOLDOWN_MS) {
      throw new DomainError("conflict", `本期已于 ${formatShanghai(last.createdAt)} 催办，10 分钟内不能重复催办`);
    }
    const owed = await computeOwed(plan, input.periodIndex, { executor: tx, at });
    if (owed.length === 0) throw new DomainError("invalid", "本期没有需要催办的单位");
    const periodLabel = periodOf(plan.year, input.periodIndex).label;

    const reminderId = await insertReminder(tx, { planId: plan.id, periodIndex: input.periodIndex, createdBy: actor.userId, createdAt: at });
    await insertReminderItems(
      tx,
      owed.flatMap((unit) => unit.items.map((item) => ({ reminderId, unitId: unit.unitId, taskId: item.taskId, owes: item.owes }))),
    );
    for (const unit of owed) {
      const message = reminderMessage(unit, periodLabel);
      await notifyUnits(tx, [unit.unitId], { kind: "reminder", title: message.title, body: message.body, link: "/unit", createdBy: actor.userId });
      const pending = unit.items.filter((i) => !i.overdue).map((i) => i.dueAt.getTime());
      await recordEscalation(tx, {
        unitId: unit.unitId,
        step: "reminder",
        facts: owedFacts(unit, periodLabel),
        deadline: pending.length > 0 ? new Date(Math.min(...pending)) : null,
        createdBy: actor.userId,
        createdAt: at,
      });
    }
    const items = itemCount(owed);
    await writeAudit(tx, actor, {
      action: "reminder.send",
      entity: "reminder",
      entityId: reminderId,
      after: { planId: plan.id, periodIndex: input.periodIndex, units: owed.map((u) => ({ unitId: u.unitId, items: u.items.map((i) => `${i.owes}:${i.seq}`) })) },
    });
    return { reminderId, units: owed.length, items };
  });
}
