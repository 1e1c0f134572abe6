/** Data access for notices (通报): drafts, numbering, recipients and acknowledgement. Plain queries. */
import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { findings, leaders, noticeCounters, noticeRecipients, notices, noticeTargets, tasks, units, users } from "@/db/schema";
import type { FindingFact } from "@/lib/notices/drafting";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeKind = NoticeRow["kind"];

/** The period's supervision findings, with the task's seq and the unit's name where given. */
export async function listPeriodFindings(executor: Executor, planId: number, periodIndex: number): Promise<FindingFact[]> {
  return executor
    .select({ rating: findings.rating, text: findings.text, taskId: findings.taskId, taskSeq: tasks.seq, unitId: findings.unitId, unitName: units.name })
    .from(findings)
    .leftJoin(tasks, eq(tasks.id, findings.taskId))
    .leftJoin(units, eq(units.id, findings.unitId))
    .where(and(eq(findings.planId, planId), eq(findings.periodIndex, periodIndex)))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}

export async function listActiveLeaderIds(executor: Executor): Promise<number[]> {
  const rows = await executor.select({ id: leaders.id }).from(leaders).where(eq(leaders.active, true));
  return rows.map((r) => r.id);
}

export async function insertNotice(executor: Executor, values: typeof notices.$inferInsert): Promise<number> {
  return insertReturningId(executor, notices, values);
}

export async function getNotice(executor: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<NoticeRow | null> {
  const query = executor.select().from(notices).where(eq(notices.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

/** Changes a draft; the `status = 'draft'` condition keeps a published notice untouched. */
export async function updateDraft(executor: Executor, id: number, values: Partial<Pick<NoticeRow, "title" | "body" | "rectificationDueAt" | "updatedAt">>) {
  const rows = await executor
    .update(notices)
    .set(values)
    .where(and(eq(notices.id, id), eq(notices.status, "draft")))
    .returning({ id: notices.id });
  return rows.length;
}

export async function deleteDraft(executor: Executor, id: number) {
  const rows = await executor
    .delete(notices)
    .where(and(eq(notices.id, id), eq(notices.status, "draft")))
    .returning({ id: notices.id });
  return rows.length;
}

/**
 * The next number of a kind in a year, gapless: the counter row is created if missing, then locked
 * (`for update`) until the publishing transaction ends, so concurrent publications queue here and
 * a rolled-back publication gives its number back.
 */
export async function takeNoticeNumber(tx: Executor, kind: NoticeKind, year: number): Promise<number> {
  await tx.insert(noticeCounters).values({ kind, year, last: 0 }).onConflictDoNothing();
  const [counter] = await tx
    .select({ last: noticeCounters.last })
    .from(noticeCounters)
    .where(and(eq(noticeCounters.kind, kind), eq(noticeCounters.year, year)))
    .for("update");
  if (!counter) throw new Error("notice counter missing");
  const next = counter.last + 1;
  await tx
    .update(noticeCounters)
    .set({ last: next })
    .where(and(eq(noticeCounters.kind, kind), eq(noticeCounters.year, year)));
  return next;
}

export async function markPublished(tx: Executor, id: number, values: { year: number; number: number; publishedBy: number; publishedAt: Date }) {
  await tx
    .update(notices)
    .set({ ...values, status: "published", updatedAt: values.publishedAt })
    .where(and(eq(notices.id, id), eq(notices.status, "draft")));
}

export async function insertTargets(tx: Executor, noticeId: number, unitIds: readonly number[]) {
  if (unitIds.length === 0) return;
  await tx.insert(noticeTargets).values(unitIds.map((unitId) => ({ noticeId, unitId })));
}

export async function listTargets(executor: Executor, noticeId: number) {
  return executor
    .select({ unitId: units.id, unitName: units.name })
    .from(noticeTargets)
    .innerJoin(units, eq(units.id, noticeTargets.unitId))
    .where(eq(noticeTargets.noticeId, noticeId))
    .orderBy(asc(units.name));
}

export async function insertRecipients(tx: Executor, noticeId: number, to: { unitIds: readonly number[]; leaderIds: readonly number[] }) {
  const rows = [...to.unitIds.map((unitId) => ({ noticeId, unitId })), ...to.leaderIds.map((leaderId) => ({ noticeId, leaderId }))];
  if (rows.length > 0) await tx.insert(noticeRecipients).values(rows);
  return rows.length;
}

/** The recipient row of this unit or leader for a notice (a unit's accounts share one). */
export async function findRecipient(
  executor: Executor,
  noticeId: number,
  who: { unitId: number | null; leaderId: number | null },
  options: { forUpdate?: boolean } = {},
) {
  const whose = who.unitId !== null ? eq(noticeRecipients.unitId, who.unitId) : who.leaderId !== null ? eq(noticeRecipients.leaderId, who.leaderId) : null;
  if (!whose) return null;
  const query = executor
    .select({ id: noticeRecipients.id, acknowledgedAt: noticeRecipients.acknowledgedAt, acknowledgedBy: noticeRecipients.acknowledgedBy })
    .from(noticeRecipients)
    .where(and(eq(noticeRecipients.noticeId, noticeId), whose))
    .limit(1);
  return firstRow(query, options.forUpdate);
}

export async function markAcknowledged(tx: Executor, recipientId: number, values: { acknowledgedAt: Date; acknowledgedBy: number }) {
  await tx
    .update(noticeRecipients)
    .set(values)
    .where(and(eq(noticeRecipients.id, recipientId), isNull(noticeRecipients.acknowledgedAt)));
}

/** Who a notice went to and who has acknowledged it, units first, in name order. */
export async function listRecipientStatus(executor: Executor, noticeId: number) {
  return executor
    .select({
      id: noticeRecipients.id,
      unitId: noticeRecipients.unitId,
      leaderId: noticeRecipients.leaderId,
      name: sql<string>`coalesce(${units.name}, ${leaders.name})`,
      acknowledgedAt: noticeRecipients.acknowledgedAt,
      acknowledgedByName: users.displayName,
    })
    .from(noticeRecipients)
    .leftJoin(units, eq(units.id, noticeRecipients.unitId))
    .leftJoin(leaders, eq(leaders.id, noticeRecipients.leaderId))
    .leftJoin(users, eq(users.id, noticeRecipients.acknowledgedBy))
    .where(eq(noticeRecipients.noticeId, noticeId))
    .orderBy(sql`${noticeRecipients.unitId} is null`, sql`coalesce(${units.name}, ${leaders.name})`);
}

const ackCounts = {
  recipients: sql<number>`(select count(*)::int from ${noticeRecipients} where ${q(noticeRecipients.noticeId)} = ${q(notices.id)})`,
  acknowledged: sql<number>`(select count(*)::int from ${noticeRecipients} where ${q(noticeRecipients.noticeId)} = ${q(notices.id)} and ${q(noticeRecipients.acknowledgedAt)} is not null)`,
};

/** The drafts, newest first, with acknowledgement counts (none yet). */
export async function listNoticeDrafts(executor: Executor = db) {
  return executor
    .select({
      id: notices.id,
      kind: notices.kind,
      status: notices.status,
      year: notices.year,
      number: notices.number,
      title: notices.title,
      periodIndex: notices.periodIndex,
      correctsNoticeId: notices.correctsNoticeId,
      createdAt: notices.createdAt,
      publishedAt: notices.publishedAt,
      ...ackCounts,
    })
    .from(notices)
    .where(eq(notices.status, "draft"))
    .orderBy(desc(notices.createdAt), desc(notices.id));
}

const inboxColumns = {
  id: notices.id,
  kind: notices.kind,
  year: notices.year,
  number: notices.number,
  title: notices.title,
  publishedAt: notices.publishedAt,
  correctsNoticeId: notices.correctsNoticeId,
};

/** The rows of a page: how many, from where, and newest or oldest first. */
export interface NoticePageWindow {
  limit: number;
  offset: number;
  oldestFirst?: boolean;
}

type Recipient = { unitId: number | null; leaderId: number | null };

function recipientCondition(who: Recipient): SQL | null {
  return who.unitId !== null ? eq(noticeRecipients.unitId, who.unitId) : who.leaderId !== null ? eq(noticeRecipients.leaderId, who.leaderId) : null;
}

function listFilter(filter: { kind?: NoticeKind; year?: number }): SQL[] {
  return [filter.kind ? eq(notices.kind, filter.kind) : undefined, filter.year !== undefined ? eq(notices.year, filter.year) : undefined].filter(
    (c): c is SQL => c !== undefined,
  );
}

function inboxWhere(whose: SQL, filter: { kind?: NoticeKind; year?: number; state?: "pending" | "acknowledged" }) {
  const state =
    filter.state === "pending"
      ? isNull(noticeRecipients.acknowledgedAt)
      : filter.state === "acknowledged"
        ? isNotNull(noticeRecipients.acknowledgedAt)
        : undefined;
  return and(whose, eq(notices.status, "published"), ...listFilter(filter), state);
}

/**
 * A page of the published notices addressed to a unit or a leader, not yet acknowledged first,
 * then by publication (newest first unless asked otherwise); narrowed by kind, year and 签收 state.
 */
export async function listInboxOf(
  executor: Executor,
  who: Recipient,
  filter: { kind?: NoticeKind; year?: number; state?: "pending" | "acknowledged" } = {},
  window: NoticePageWindow = { limit: 1_000_000, offset: 0 },
) {
  const whose = recipientCondition(who);
  if (!whose) return [];
  const order = window.oldestFirst ? asc : desc;
  return executor
    .select({ ...inboxColumns, acknowledgedAt: noticeRecipients.acknowledgedAt })
    .from(noticeRecipients)
    .innerJoin(notices, eq(notices.id, noticeRecipients.noticeId))
    .where(inboxWhere(whose, filter))
    .orderBy(sql`${noticeRecipients.acknowledgedAt} is not null`, order(notices.publishedAt), order(notices.id))
    .limit(window.limit)
    .offset(window.offset);
}

/** How many of a recipient's published notices the filter keeps, and how many of all of them wait for 签收. */
export async function countInboxOf(
  executor: Executor,
  who: Recipient,
  filter: { kind?: NoticeKind; year?: number; state?: "pending" | "acknowledged" } = {},
): Promise<{ selected: number; pending: number }> {
  const whose = recipientCondition(who);
  if (!whose) return { selected: 0, pending: 0 };
  const [row] = await executor
    .select({
      selected: sql<number>`count(*) filter (where ${inboxWhere(whose, filter)})::int`,
      pending: sql<number>`count(*) filter (where ${noticeRecipients.acknowledgedAt} is null)::int`,
    })
    .from(noticeRecipients)
    .innerJoin(notices, eq(notices.id, noticeRecipients.noticeId))
    .where(and(whose, eq(notices.status, "published")));
  return { selected: row?.selected ?? 0, pending: row?.pending ?? 0 };
}

/** A page of the published notices (the office and the administrator read them all), with acknowledgement counts. */
export async function listPublishedNotices(
  executor: Executor = db,
  filter: { kind?: NoticeKind; year?: number } = {},
  window: NoticePageWindow = { limit: 1_000_000, offset: 0 },
) {
  const order = window.oldestFirst ? asc : desc;
  return executor
    .select({ ...inboxColumns, ...ackCounts })
    .from(notices)
    .where(and(eq(notices.status, "published"), ...listFilter(filter)))
    .orderBy(order(notices.publishedAt), order(notices.id))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countPublishedNotices(executor: Executor, filter: { kind?: NoticeKind; year?: number } = {}): Promise<number> {
  return executor.$count(notices, and(eq(notices.status, "published"), ...listFilter(filter)));
}

/** The years of the published notices, newest first (the year filter's choices). */
export async function listPublishedNoticeYears(executor: Executor = db): Promise<number[]> {
  const rows = await executor.selectDistinct({ year: notices.year }).from(notices).where(eq(notices.status, "published")).orderBy(desc(notices.year));
  return rows.map((r) => r.year);
}

/** The corrections of a notice (drafts included; readers are shown the published ones). */
export async function listCorrectionsOf(executor: Executor, noticeId: number) {
  return executor
    .select({ id: notices.id, kind: notices.kind, year: notices.year, number: notices.number, title: notices.title, status: notices.status })
    .from(notices)
    .where(eq(notices.correctsNoticeId, noticeId))
    .orderBy(asc(notices.id));
}
