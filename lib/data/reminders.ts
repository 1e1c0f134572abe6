/** Data access for reminders (催办): who owes an input, who was reminded when. Plain queries. */
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { contributions, plans, reminderItems, reminders, tasks, units, users } from "@/db/schema";
import type { CooperatingDuty } from "@/lib/escalation/owed";
import { owingInputs } from "./input-duties";
import { insertReturningId } from "./insert-row";

/**
 * Every (task, unit) of the plan where the unit owes an input (配合进展): the one rule of
 * lib/data/input-duties.ts (named as cooperating unit, not a lead unit, not collected by the lead unit).
 */
export async function listCooperatingDuties(tx: Executor, planId: number): Promise<CooperatingDuty[]> {
  const rows = await tx.execute<{ task_id: number; unit_id: number; unit_name: string }>(sql`
    with owing as (${owingInputs(sql`select ${q(tasks.id)} from ${tasks} where ${q(tasks.planId)} = ${planId}`)})
    select owing.task_id, owing.unit_id, ${q(units.name)} as unit_name
    from owing join ${units} on ${q(units.id)} = owing.unit_id
    order by owing.task_id, owing.unit_id`);
  return rows.map((r) => ({ taskId: Number(r.task_id), unitId: Number(r.unit_id), unitName: String(r.unit_name) }));
}

/** Every input submitted for the plan's tasks in some periods (a half month and the weeks ending in it). */
export async function listSubmittedContributions(tx: Executor, planId: number, periodIndexes: readonly number[]) {
  if (periodIndexes.length === 0) return [];
  return tx
    .select({ taskId: contributions.taskId, unitId: contributions.unitId, periodIndex: contributions.periodIndex })
    .from(contributions)
    .innerJoin(tasks, eq(tasks.id, contributions.taskId))
    .where(and(eq(tasks.planId, planId), inArray(contributions.periodIndex, [...periodIndexes]), eq(contributions.status, "submitted")));
}

/** Locks the plans reminded together, in id order (one reminder at a time; no deadlock between two). */
export async function lockPlansForReminders(tx: Executor, planIds: readonly number[]) {
  if (planIds.length === 0) return [];
  return tx
    .select({ id: plans.id, year: plans.year, title: plans.title, reportingStartPeriod: plans.reportingStartPeriod, dueOffsetDays: plans.dueOffsetDays })
    .from(plans)
    .where(inArray(plans.id, [...planIds]))
    .orderBy(asc(plans.id))
    .for("update");
}

/** The latest reminder of a period over some plans (for refusing a double click). */
export async function getLatestReminder(tx: Executor, planIds: number | readonly number[], periodIndex: number) {
  const ids = typeof planIds === "number" ? [planIds] : [...planIds];
  if (ids.length === 0) return null;
  const [row] = await tx
    .select({ id: reminders.id, createdAt: reminders.createdAt })
    .from(reminders)
    .where(and(inArray(reminders.planId, ids), eq(reminders.periodIndex, periodIndex)))
    .orderBy(desc(reminders.createdAt), desc(reminders.id))
    .limit(1);
  return row ?? null;
}

export async function insertReminder(tx: Executor, values: { planId: number; periodIndex: number; createdBy: number; createdAt: Date }): Promise<number> {
  return insertReturningId(tx, reminders, values);
}

export async function insertReminderItems(tx: Executor, items: (typeof reminderItems.$inferInsert)[]): Promise<void> {
  if (items.length === 0) return;
  await tx.insert(reminderItems).values(items);
}

/** The plans' reminders, newest first, with who sent them and how many units and items each had. */
export async function listReminders(tx: Executor, planIds: number | readonly number[], options: { periodIndex?: number; limit?: number } = {}) {
  const ids = typeof planIds === "number" ? [planIds] : [...planIds];
  if (ids.length === 0) return [];
  return tx
    .select({
      id: reminders.id,
      periodIndex: reminders.periodIndex,
      createdAt: reminders.createdAt,
      createdBy: users.displayName,
      units: sql<number>`(select count(distinct ${q(reminderItems.unitId)})::int from ${reminderItems} where ${q(reminderItems.reminderId)} = ${q(reminders.id)})`,
      items: sql<number>`(select count(*)::int from ${reminderItems} where ${q(reminderItems.reminderId)} = ${q(reminders.id)})`,
    })
    .from(reminders)
    .innerJoin(users, eq(users.id, reminders.createdBy))
    .where(and(inArray(reminders.planId, ids), options.periodIndex === undefined ? undefined : eq(reminders.periodIndex, options.periodIndex)))
    .orderBy(desc(reminders.createdAt), desc(reminders.id))
    .limit(options.limit ?? 50);
}

/** The units of some reminders with what each was reminded of: reminderId → units. */
export async function listReminderUnits(tx: Executor, reminderIds: number[]) {
  if (reminderIds.length === 0) return [];
  return tx
    .select({
      reminderId: reminderItems.reminderId,
      unitId: reminderItems.unitId,
      unitName: units.name,
      reports: sql<number>`count(*) filter (where ${q(reminderItems.owes)} = 'report')::int`,
      contributions: sql<number>`count(*) filter (where ${q(reminderItems.owes)} = 'contribution')::int`,
    })
    .from(reminderItems)
    .innerJoin(units, eq(units.id, reminderItems.unitId))
    .where(inArray(reminderItems.reminderId, reminderIds))
    .groupBy(reminderItems.reminderId, reminderItems.unitId, units.name)
    .orderBy(asc(reminderItems.reminderId), asc(units.name));
}
