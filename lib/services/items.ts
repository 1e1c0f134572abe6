/**
 * 督办事项 (single items): 立项 (the office registers an item by hand, numbered per year without gaps),
 * the office's and everyone's scoped list, 签收 by the lead unit and the 签收提醒 for items not
 * acknowledged within 2 working days. Items are tasks of the year's items register, so reports,
 * review, reminders, extensions and close-out work on them unchanged.
 */
import { db } from "@/db";
import type { WorkSource } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordEscalation } from "@/lib/data/escalations";
import { findLeaders } from "@/lib/data/leaders";
import {
  ACKNOWLEDGE_REMINDER_KIND,
  findActiveUnits,
  getItemFacts,
  insertItem,
  itemLink,
  listItems,
  listItemsRemindedBetween,
  listItemYears,
  listLeadUnitIdsOfTask,
  listLeadUnitsOfItems,
  lockItem,
  lockItemsRegister,
  lockUnacknowledgedItems,
  markItemAcknowledged,
  nextItemSeq,
  type ItemFacts,
  type ItemListRow,
} from "@/lib/data/items";
import { notifyUnits } from "@/lib/data/notifications";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can, taskScopeOf } from "@/lib/policies";
import { itemStateOf, type ItemState } from "@/lib/items/item-state";
import { ITEM_ORDER, type ItemSort } from "@/lib/items/search";
import { byOrder, DEFAULT_PAGE_SIZE, type PageOf, type Paging, slicePage } from "@/lib/paging";
import { itemNumberLabel } from "@/lib/items/register-number";
import type { RegisterItemInput } from "@/lib/items/schemas";
import { acknowledgeDueAt, isAcknowledgeOverdue, shanghaiDay } from "@/lib/items/working-days";
import { dateMidnight, formatDue, periodAt, shanghaiDate } from "@/lib/periods";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import { getTaskFor } from "./tasks";
import { projectItemRegistration, refuseUnconfirmed } from "./burden";
import { mutation } from "./mutation";

// ── 立项 ─────────────────────────────────────────────────────────────────────

export interface RegisteredItem {
  taskId: number;
  seq: number;
  seqLabel: string;
}

/** One transaction: the year's register (created if need be) locked, the next number, the item with its leaders and units, one audit row. */
export async function registerItem(actor: Actor, input: RegisterItemInput, options: { ip?: string | null } = {}): Promise<RegisteredItem> {
  assertCan(actor, "item.manage");
  const at = now();
  const { year } = shanghaiDate(at);
  return mutation(actor, { action: "item.register", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const leaders = await findLeaders(tx, input.leaderIds);
    if (leaders.length !== input.leaderIds.length || leaders.some((l) => !l.active)) {
      throw new DomainError("invalid", "所选责任领导不存在或已停用，请刷新后重新选择");
    }
    const [lead, cooperating] = await Promise.all([findActiveUnits(tx, input.leadUnitIds), findActiveUnits(tx, input.cooperatingUnitIds)]);
    if (lead.length !== input.leadUnitIds.length) throw new DomainError("invalid", "所选牵头单位不存在或已停用，请刷新后重新选择");
    if (cooperating.length !== input.cooperatingUnitIds.length) throw new DomainError("invalid", "所选配合单位不存在或已停用，请刷新后重新选择");

    // 减负: a unit this item would push past the 负担提醒线 is named first; registered only when confirmed.
    const { confirmBurden, ...item } = input;
    refuseUnconfirmed(
      await projectItemRegistration(
        tx,
        { cadence: input.cadence, dueOn: input.dueOn, content: input.content, leadUnits: lead, cooperatingUnits: cooperating },
        at,
      ),
      confirmBurden,
    );

    const register = await lockItemsRegister(tx, { year, at, actorUserId: actor.userId, reportingStartPeriod: periodAt(at).index });
    assertPlanWritable({ planState: register.state });
    const seq = await nextItemSeq(tx, register.id);
    const seqLabel = itemNumberLabel(year, seq);
    const taskId = await insertItem(tx, {
      planId: register.id,
      seq,
      seqLabel,
      content: input.content,
      source: input.source,
      documentNumber: input.documentNumber || null,
      issuedOn: input.issuedOn,
      dueOn: input.dueOn,
      cadence: input.cadence,
      leaderIds: input.leaderIds,
      leadUnitIds: input.leadUnitIds,
      cooperatingUnitIds: input.cooperatingUnitIds,
      leadUnitsText: lead.map((u) => u.name).join("、"),
      unitsText: cooperating.map((u) => u.name).join("、"),
      reportingStartPeriod: periodAt(at).index,
      at,
    });
    await audit({ entityId: taskId, after: { planId: register.id, seq, seqLabel, ...item, ...(confirmBurden ? { burdenConfirmed: true } : {}) } });
    return { taskId, seq, seqLabel };
  });
}

// ── Lists ────────────────────────────────────────────────────────────────────

export interface ItemRow extends ItemListRow {
  state: ItemState;
}

export interface ItemListPage extends PageOf<ItemRow> {
  year: number;
  years: number[];
  /** Counts by state over the rows before the state filter. */
  counts: Record<ItemState, number>;
  canRegister: boolean;
}

/**
 * The items a user may see — the office and 王国泉 every one, a leader theirs, a unit those it leads or
 * cooperates on — a page at a time. A year's register is small (200 items at most) and each item's
 * state is decided here by the clock, so the selection is read whole, ordered and cut in memory.
 */
export async function listItemsFor(
  actor: Actor,
  search: { year?: number; source?: WorkSource; state?: ItemState } = {},
  paging: Paging<ItemSort> = { page: 1, size: DEFAULT_PAGE_SIZE, sort: ITEM_ORDER },
): Promise<ItemListPage> {
  const at = now();
  const years = await listItemYears();
  const year = search.year ?? shanghaiDate(at).year;
  const scope = taskScopeOf(actor);
  const counts: Record<ItemState, number> = { unacknowledged: 0, overdue: 0, acknowledged: 0, closed: 0 };
  const base = { year, years, counts, canRegister: can(actor, "item.manage") };
  if (scope.kind === "none") return { ...base, ...slicePage([], paging) };
  const rows = (
    await listItems({
      year,
      source: search.source,
      leaderId: scope.kind === "leader" ? scope.leaderId : undefined,
      unitId: scope.kind === "unit" ? scope.unitId : undefined,
    })
  ).map((r) => ({ ...r, state: itemStateOf(r, at) }));
  for (const r of rows) counts[r.state]++;
  const selected = search.state ? rows.filter((r) => r.state === search.state) : rows;
  const order = byOrder<ItemRow, ItemSort>(paging.sort, {
    seq: (r) => r.seq,
    // No 完成时限 is the year's end.
    due: (r) => r.dueOn ?? `${year}-12-31`,
    lead: (r) => r.leadUnits[0] ?? null,
  });
  return { ...base, ...slicePage([...selected].sort(order), paging) };
}

// ── The item on its task page ───────────────────────────────────────────────

export interface ItemPanel extends ItemFacts {
  state: ItemState;
  acknowledgeDueLabel: string;
  canAcknowledge: boolean;
}

/** An item's own facts for its task page (null for a table task); the task is checked as the page checks it. */
export async function getItemPanelFor(actor: Actor, taskId: number): Promise<ItemPanel | null> {
  await getTaskFor(actor, taskId);
  const facts = await getItemFacts(db, taskId);
  if (facts?.planKind !== "items") return null;
  const leadUnitIds = await listLeadUnitIdsOfTask(db, taskId);
  const at = now();
  return {
    ...facts,
    state: itemStateOf(facts, at),
    acknowledgeDueLabel: formatDue(acknowledgeDueAt(facts.registeredAt)),
    canAcknowledge:
      facts.acknowledgedAt === null && facts.closedAt === null && facts.planState !== "archived" && can(actor, "item.acknowledge", { leadUnitIds }),
  };
}

// ── 签收 ─────────────────────────────────────────────────────────────────────

/** The lead unit acknowledges the item: only a user of one of THIS item's lead units, once. */
export async function acknowledgeItem(actor: Actor, input: { taskId: number }, options: { ip?: string | null } = {}): Promise<{ acknowledgedAt: Date }> {
  const at = now();
  return mutation(actor, { action: "item.acknowledge", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const item = await lockItem(tx, input.taskId);
    if (!item || item.archivedAt || item.planKind !== "items") throw notFound();
    const leadUnitIds = await listLeadUnitIdsOfTask(tx, input.taskId);
    if (!can(actor, "item.acknowledge", { leadUnitIds })) {
      // Another unit's item is not revealed; a concerned user who may not sign gets a plain refusal.
      if (can(actor, "unit.act")) throw notFound();
      throw forbidden();
    }
    assertPlanWritable({ planState: item.planState });
    if (item.acknowledgedAt) throw new DomainError("conflict", "该督办事项已签收");
    if (item.closedAt) throw new DomainError("conflict", "该督办事项已办结，无需签收");
    await markItemAcknowledged(tx, input.taskId, actor.userId, at);
    await audit({ entityId: input.taskId, before: { acknowledgedAt: null }, after: { acknowledgedAt: at.toISOString() } });
    return { acknowledgedAt: at };
  });
}

// ── 签收提醒 ─────────────────────────────────────────────────────────────────

export interface AcknowledgeReminderOutcome {
  /** Items reminded now. */
  reminded: number;
  /** Overdue items already reminded today (not reminded again). */
  alreadyToday: number;
  units: number;
}

/**
 * Reminds the lead units of every item 超期未签收: one 签收提醒 per item and lead unit, at most once a
 * day per item (the items are locked, so two clicks at once remind once), and a 催办 step in each unit's
 * escalation ledger. One audit row when anything was sent.
 */
export async function remindOverdueAcknowledgements(actor: Actor, options: { ip?: string | null } = {}): Promise<AcknowledgeReminderOutcome> {
  assertCan(actor, "item.manage");
  const at = now();
  const dayStart = dateMidnight(shanghaiDay(at));
  const dayEnd = new Date(dayStart.getTime() + 24 * 60 * 60 * 1000);
  return mutation(actor, { action: "item.remind_acknowledge", entity: "task", ip: options.ip ?? null }, async (tx, audit) => {
    const overdue = (await lockUnacknowledgedItems(tx)).filter((i) => isAcknowledgeOverdue({ registeredAt: i.registeredAt, acknowledgedAt: null }, at));
    const remindedToday = await listItemsRemindedBetween(tx, dayStart, dayEnd);
    const due = overdue.filter((i) => !remindedToday.has(itemLink(i.id)));
    const leadUnits = await listLeadUnitsOfItems(
      tx,
      due.map((i) => i.id),
    );
    const unitIds = new Set<number>();
    const factsByUnit = new Map<number, string[]>();
    for (const item of due) {
      const units = leadUnits.get(item.id) ?? [];
      for (const u of units) {
        unitIds.add(u);
        factsByUnit.set(u, [...(factsByUnit.get(u) ?? []), `${item.seqLabel ?? "督办事项"}「${item.content.slice(0, 40)}」`]);
      }
      await notifyUnits(tx, units, {
        kind: ACKNOWLEDGE_REMINDER_KIND,
        title: `签收提醒：${item.seqLabel ?? "督办事项"}`,
        body: `督办事项「${item.content.slice(0, 60)}」已超过 2 个工作日未签收（应于 ${formatDue(acknowledgeDueAt(item.registeredAt))} 前签收），请尽快签收并按要求报送进展。`,
        link: itemLink(item.id),
        createdBy: actor.userId,
        createdAt: at,
      });
    }
    // One 催办 step per unit in the escalation ledger, as the period 催办 records it.
    for (const [unitId, items] of factsByUnit) {
      await recordEscalation(tx, {
        unitId,
        step: "reminder",
        facts: `签收提醒：${items.join("；")}，立项后超过 2 个工作日未签收`,
        deadline: null,
        createdBy: actor.userId,
        createdAt: at,
      });
    }
    const outcome = { reminded: due.length, alreadyToday: overdue.length - due.length, units: unitIds.size };
    if (due.length > 0) {
      await audit({ entityId: null, after: { taskIds: due.map((i) => i.id), units: [...unitIds] } });
    }
    return outcome;
  });
}
