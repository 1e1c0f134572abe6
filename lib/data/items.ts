/**
 * Data access for 督办事项 (single items): the year's items register (a plan of kind 'items'), the items
 * on it (tasks), 签收 and the 签收 reminders. Plain queries; the rules live in lib/services/items.ts.
 */
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { leaders, notifications, plans, taskLeaders, tasks, taskUnits, units, users, type CadenceValue, type PlanState, type WorkSource } from "@/db/schema";
import { ITEMS_REGISTER_TITLE } from "@/lib/items/register-number";
import { taskConcernsUnit, taskHasLeader } from "./task-scope";
import { getTaskWithPlan } from "./task-with-plan";
import { insertReturningId } from "./insert-row";

/** The notification kind of a 签收提醒 (its link names the item, so one a day per item is checked on it). */
export const ACKNOWLEDGE_REMINDER_KIND = "item_acknowledge_reminder";

export const itemLink = (taskId: number) => `/tasks/${taskId}`;

/**
 * The year's items register, created on the first registration (state 执行中, source 其他) and locked
 * FOR UPDATE: registrations of one year queue here, so numbers are handed out one at a time.
 */
export async function lockItemsRegister(tx: Executor, input: { year: number; at: Date; actorUserId: number; reportingStartPeriod: number }) {
  await tx
    .insert(plans)
    .values({
      year: input.year,
      title: ITEMS_REGISTER_TITLE(input.year),
      source: "other",
      kind: "items",
      state: "active",
      reportingStartPeriod: input.reportingStartPeriod,
      activatedAt: input.at,
      activatedBy: input.actorUserId,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoNothing({ target: plans.year, where: sql`kind = 'items'` });
  const [register] = await tx
    .select({ id: plans.id, year: plans.year, state: plans.state })
    .from(plans)
    .where(and(eq(plans.year, input.year), eq(plans.kind, "items")))
    .for("update")
    .limit(1);
  if (!register) throw new Error(`items register of ${input.year} missing after insert`);
  return register;
}

/** The next 立项号 of a register (call with the register locked). */
export async function nextItemSeq(tx: Executor, planId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${tasks.seq})` })
    .from(tasks)
    .where(eq(tasks.planId, planId));
  return (row?.max ?? 0) + 1;
}

export interface NewItem {
  planId: number;
  seq: number;
  seqLabel: string;
  content: string;
  source: WorkSource;
  documentNumber: string | null;
  issuedOn: string;
  dueOn: string;
  cadence: CadenceValue;
  leaderIds: readonly number[];
  leadUnitIds: readonly number[];
  cooperatingUnitIds: readonly number[];
  leadUnitsText: string;
  unitsText: string;
  /** The half month of registration (1–24): the first one the item owes. */
  reportingStartPeriod: number;
  at: Date;
}

export async function insertItem(tx: Executor, item: NewItem): Promise<number> {
  const taskId = await insertReturningId(tx, tasks, {
    planId: item.planId,
    seq: item.seq,
    seqLabel: item.seqLabel,
    content: item.content,
    source: item.source,
    documentNumber: item.documentNumber,
    issuedOn: item.issuedOn,
    dueOn: item.dueOn,
    cadence: item.cadence,
    // Owed from the half month it is registered in: never for periods before it existed.
    reportingStartPeriod: item.reportingStartPeriod,
    leadUnitsText: item.leadUnitsText,
    unitsText: item.unitsText,
    createdAt: item.at,
    updatedAt: item.at,
  });
  await tx.insert(taskLeaders).values(item.leaderIds.map((leaderId, position) => ({ taskId, leaderId, position })));
  await tx
    .insert(taskUnits)
    .values([
      ...item.leadUnitIds.map((unitId, position) => ({ taskId, unitId, role: "lead" as const, position })),
      ...item.cooperatingUnitIds.map((unitId, position) => ({ taskId, unitId, role: "cooperating" as const, position })),
    ]);
  return taskId;
}

/** Active units with these ids, in the order asked. */
export async function findActiveUnits(tx: Executor, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(inArray(units.id, [...unitIds]), eq(units.active, true)));
  return unitIds.map((id) => rows.find((r) => r.id === id)).filter((r): r is { id: number; name: string } => r !== undefined);
}

export interface ItemFilter {
  year: number;
  source?: WorkSource;
  /** A leader's or a unit's own items (scope). */
  leaderId?: number;
  unitId?: number;
}

export interface ItemListRow {
  id: number;
  seq: number;
  seqLabel: string | null;
  content: string;
  source: WorkSource | null;
  documentNumber: string | null;
  issuedOn: string | null;
  dueOn: string | null;
  cadence: CadenceValue | null;
  registeredAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  leaders: string[];
  leadUnits: string[];
}

const leaderNames = sql<string[]>`coalesce((select array_agg(${q(leaders.name)} order by ${q(taskLeaders.position)})
  from ${taskLeaders} join ${leaders} on ${q(leaders.id)} = ${q(taskLeaders.leaderId)} where ${q(taskLeaders.taskId)} = ${q(tasks.id)}), '{}')`;
const leadUnitNames = sql<string[]>`coalesce((select array_agg(${q(units.name)} order by ${q(taskUnits.position)})
  from ${taskUnits} join ${units} on ${q(units.id)} = ${q(taskUnits.unitId)} where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.role)} = 'lead'), '{}')`;

/** The items of a year's register, latest registration first. */
export async function listItems(filter: ItemFilter, executor: Executor = db): Promise<ItemListRow[]> {
  const conditions: (SQL | undefined)[] = [eq(plans.kind, "items"), eq(plans.year, filter.year), isNull(tasks.archivedAt)];
  if (filter.source) conditions.push(eq(tasks.source, filter.source));
  if (filter.leaderId !== undefined) conditions.push(taskHasLeader(filter.leaderId));
  if (filter.unitId !== undefined) conditions.push(taskConcernsUnit(filter.unitId));
  return executor
    .select({
      id: tasks.id,
      seq: tasks.seq,
      seqLabel: tasks.seqLabel,
      content: tasks.content,
      source: tasks.source,
      documentNumber: tasks.documentNumber,
      issuedOn: tasks.issuedOn,
      dueOn: tasks.dueOn,
      cadence: tasks.cadence,
      registeredAt: tasks.createdAt,
      acknowledgedAt: tasks.acknowledgedAt,
      closedAt: tasks.closedAt,
      leaders: leaderNames,
      leadUnits: leadUnitNames,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(...conditions))
    .orderBy(desc(tasks.seq));
}

/** Years that have an items register, latest first. */
export async function listItemYears(executor: Executor = db): Promise<number[]> {
  const rows = await executor.select({ year: plans.year }).from(plans).where(eq(plans.kind, "items")).orderBy(desc(plans.year));
  return rows.map((r) => r.year);
}

export interface ItemFacts {
  id: number;
  planKind: "table" | "items";
  planState: PlanState;
  planYear: number;
  seqLabel: string | null;
  source: WorkSource | null;
  documentNumber: string | null;
  issuedOn: string | null;
  cadence: CadenceValue | null;
  registeredAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  closedAt: Date | null;
  archivedAt: Date | null;
}

const factColumns = {
  id: tasks.id,
  planKind: plans.kind,
  planState: plans.state,
  planYear: plans.year,
  seqLabel: tasks.seqLabel,
  source: tasks.source,
  documentNumber: tasks.documentNumber,
  issuedOn: tasks.issuedOn,
  cadence: tasks.cadence,
  registeredAt: tasks.createdAt,
  acknowledgedAt: tasks.acknowledgedAt,
  acknowledgedByName: users.displayName,
  closedAt: tasks.closedAt,
  archivedAt: tasks.archivedAt,
};

/** One task's item facts (null when there is no such task). */
export async function getItemFacts(executor: Executor, taskId: number): Promise<ItemFacts | null> {
  const [row] = await executor
    .select(factColumns)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(users, eq(users.id, tasks.acknowledgedBy))
    .where(eq(tasks.id, taskId))
    .limit(1);
  return row ?? null;
}

/** The item locked for 签收. */
export async function lockItem(tx: Executor, taskId: number) {
  return getTaskWithPlan(
    tx,
    taskId,
    {
      id: tasks.id,
      planKind: plans.kind,
      planState: plans.state,
      acknowledgedAt: tasks.acknowledgedAt,
      archivedAt: tasks.archivedAt,
      closedAt: tasks.closedAt,
    },
    { forUpdate: true },
  );
}

export async function listLeadUnitIdsOfTask(executor: Executor, taskId: number): Promise<number[]> {
  const rows = await executor
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position));
  return rows.map((r) => r.unitId);
}

export async function markItemAcknowledged(tx: Executor, taskId: number, userId: number, at: Date) {
  await tx.update(tasks).set({ acknowledgedAt: at, acknowledgedBy: userId, updatedAt: at }).where(eq(tasks.id, taskId));
}

/** Items still waiting for 签收 (open, not archived) in 执行中 registers, locked so two reminders run one after the other. */
export async function lockUnacknowledgedItems(tx: Executor) {
  return tx
    .select({ id: tasks.id, seqLabel: tasks.seqLabel, content: tasks.content, registeredAt: tasks.createdAt })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(plans.kind, "items"), eq(plans.state, "active"), isNull(tasks.acknowledgedAt), isNull(tasks.closedAt), isNull(tasks.archivedAt)))
    .orderBy(asc(tasks.id))
    .for("update", { of: tasks });
}

/** Lead units per item: taskId → unit ids. */
export async function listLeadUnitsOfItems(executor: Executor, taskIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (taskIds.length === 0) return out;
  const rows = await executor
    .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(inArray(taskUnits.taskId, [...taskIds]), eq(taskUnits.role, "lead")))
    .orderBy(asc(taskUnits.position));
  for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.unitId]);
  return out;
}

/** Items already reminded of 签收 in [from, to): their links. */
export async function listItemsRemindedBetween(executor: Executor, from: Date, to: Date): Promise<Set<string>> {
  const rows = await executor
    .selectDistinct({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.kind, ACKNOWLEDGE_REMINDER_KIND), gte(notifications.createdAt, from), lt(notifications.createdAt, to)));
  return new Set(rows.map((r) => r.link).filter((l): l is string => l !== null));
}
