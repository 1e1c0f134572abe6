/**
 * Data access for the outbox (issue 16): who receives a message and how they chose to, which channels
 * are set up, writing the rows, and the worker's claims. Plain queries; lib/delivery/ holds the rules.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { deliveryChannels, deliveryPreferences, outboxMessages, users } from "@/db/schema";
import type { ChannelKind } from "@/lib/delivery/channels";
import type { PlannedRow, Recipient } from "@/lib/delivery/plan";
import { DEFAULT_DAILY_CAP, DEFAULT_QUIET_HOURS } from "@/lib/delivery/timing";
import { intArray } from "./int-array";

/** Who an in-app message is for: every account of these units, these leaders' accounts, or these users. */
export type RecipientsOf = { unitIds: readonly number[] } | { leaderIds: readonly number[] } | { userIds: readonly number[] };

function recipientCondition(of: RecipientsOf): SQL {
  if ("unitIds" in of) return sql`${users.unitId} = any(${intArray(of.unitIds)})`;
  if ("leaderIds" in of) return sql`${users.leaderId} = any(${intArray(of.leaderIds)})`;
  return sql`${users.id} = any(${intArray(of.userIds)})`;
}

/** The enabled accounts a message reaches, with their choices and what they were sent today (from `dayStart`). */
export async function loadRecipients(tx: Executor, of: RecipientsOf, dayStart: Date): Promise<Recipient[]> {
  const rows = await tx
    .select({
      userId: users.id,
      mobile: deliveryPreferences.mobile,
      email: deliveryPreferences.email,
      channels: deliveryPreferences.channels,
      quietFrom: deliveryPreferences.quietFrom,
      quietUntil: deliveryPreferences.quietUntil,
      dailyDigest: deliveryPreferences.dailyDigest,
      dailyCap: deliveryPreferences.dailyCap,
      // One message may go on two channels: the day's count is of messages (a title at a time), not rows.
      sentToday: sql<number>`(select count(distinct (o.kind, o.title, o.created_at))::int from ${outboxMessages} o
        where o.user_id = ${users.id} and o.created_at >= ${dayStart.toISOString()}::timestamptz and o.state in ('pending', 'sent', 'failed') and o.kind <> 'digest')`,
    })
    .from(users)
    .leftJoin(deliveryPreferences, eq(deliveryPreferences.userId, users.id))
    .where(and(recipientCondition(of), eq(users.disabled, false)))
    .orderBy(users.id);
  return rows.map((r) => ({
    userId: r.userId,
    mobile: r.mobile,
    email: r.email,
    channels: r.channels ?? {},
    quiet: { from: r.quietFrom ?? DEFAULT_QUIET_HOURS.from, until: r.quietUntil ?? DEFAULT_QUIET_HOURS.until },
    dailyDigest: r.dailyDigest ?? false,
    dailyCap: r.dailyCap ?? DEFAULT_DAILY_CAP,
    sentToday: r.sentToday,
  }));
}

/** The channels the administrator has set up and left on. */
export async function listEnabledChannelKinds(tx: Executor): Promise<Set<ChannelKind>> {
  const rows = await tx.select({ kind: deliveryChannels.kind }).from(deliveryChannels).where(eq(deliveryChannels.enabled, true));
  return new Set(rows.map((r) => r.kind));
}

export interface OutboxContent {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

export async function insertOutboxRows(tx: Executor, rows: readonly PlannedRow[], content: OutboxContent): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(outboxMessages)
    .values(
      rows.map((row) => ({
        ...content,
        userId: row.userId,
        channel: row.channel,
        state: row.state,
        dueAt: row.dueAt,
        lastAnswer: row.state === "unconfigured" ? (row.reason ?? "未配置渠道") : null,
      })),
    );
}

export async function outboxRowsOf(tx: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(outboxMessages)
    .where(inArray(outboxMessages.id, [...ids]));
}

export interface ClaimedMessage {
  id: number;
  userId: number;
  channel: ChannelKind;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  attempts: number;
  mobile: string | null;
  email: string | null;
}

/**
 * Takes up to `limit` messages that are due and that no other worker holds (FOR UPDATE SKIP LOCKED),
 * leases them until `leaseUntil` and counts the attempt. A worker that dies leaves them to be taken
 * again once the lease has run out.
 */
export async function claimDueMessages(tx: Executor, at: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  // bigserial ids come back as text; user_id in the column's own name.
  const rows = await tx.execute<Omit<ClaimedMessage, "id" | "userId"> & { id: string | number; user_id: number }>(sql`
    with claimed as (
      update ${outboxMessages} set lease_until = ${leaseUntil.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from ${outboxMessages}
        where state = 'pending' and due_at <= ${at.toISOString()}::timestamptz and (lease_until is null or lease_until <= ${at.toISOString()}::timestamptz)
        order by due_at, id limit ${limit} for update skip locked)
      returning id, user_id, channel, kind, title, body, link, attempts)
    select c.*, p.mobile, p.email from claimed c left join ${deliveryPreferences} p on p.user_id = c.user_id order by c.id`);
  return rows.map((r) => ({
    id: Number(r.id),
    userId: r.user_id,
    channel: r.channel,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    attempts: r.attempts,
    mobile: r.mobile,
    email: r.email,
  }));
}

/** Records an attempt's outcome, if the message is still this worker's (same attempt, lease not taken over). */
export async function recordAttempt(
  tx: Executor,
  claim: Pick<ClaimedMessage, "id" | "attempts">,
  outcome: { state: "sent" | "failed" | "pending"; answer: string; at: Date; retryAt: Date | null },
): Promise<void> {
  await tx
    .update(outboxMessages)
    .set({
      state: outcome.state,
      lastAnswer: outcome.answer.slice(0, 1000),
      leaseUntil: null,
      sentAt: outcome.state === "sent" ? outcome.at : null,
      ...(outcome.retryAt ? { dueAt: outcome.retryAt } : {}),
    })
    .where(and(eq(outboxMessages.id, claim.id), eq(outboxMessages.attempts, claim.attempts), eq(outboxMessages.state, "pending")));
}

export interface HeldMessage {
  id: number;
  userId: number;
  channel: ChannelKind;
  title: string;
  link: string | null;
}

/** Held messages whose digest is due, locked for this worker (others skip them). */
export async function lockDueHeld(tx: Executor, at: Date, limit: number): Promise<HeldMessage[]> {
  const rows = await tx.execute<{ id: string | number; user_id: number; channel: ChannelKind; title: string; link: string | null }>(sql`
    select id, user_id, channel, title, link from ${outboxMessages}
    where state = 'held' and due_at <= ${at.toISOString()}::timestamptz order by user_id, channel, id limit ${limit} for update skip locked`);
  return rows.map((r) => ({ id: Number(r.id), userId: r.user_id, channel: r.channel, title: r.title, link: r.link }));
}

/** One digest message for a recipient on a channel, standing for the held messages it lists. */
export async function insertDigest(
  tx: Executor,
  digest: { userId: number; channel: ChannelKind; title: string; body: string; link: string; at: Date; heldIds: readonly number[] },
) {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      userId: digest.userId,
      channel: digest.channel,
      kind: "digest",
      title: digest.title,
      body: digest.body,
      link: digest.link,
      state: "pending",
      createdAt: digest.at,
      dueAt: digest.at,
    })
    .returning({ id: outboxMessages.id });
  await tx
    .update(outboxMessages)
    .set({ state: "digested", digestId: row!.id })
    .where(sql`${outboxMessages.id} = any(${sql`${`{${digest.heldIds.join(",")}}`}::bigint[]`})`);
  return row!.id;
}

export interface DeliveryLogFilter {
  state?: "pending" | "sent" | "failed" | "held" | "digested" | "unconfigured";
  channel?: ChannelKind;
}

function logCondition(filter: DeliveryLogFilter): SQL | undefined {
  return and(filter.state ? eq(outboxMessages.state, filter.state) : undefined, filter.channel ? eq(outboxMessages.channel, filter.channel) : undefined);
}

export async function countDeliveryLog(tx: Executor, filter: DeliveryLogFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(logCondition(filter));
  return row!.n;
}

/** The delivery log, newest first: message, channel, recipient, state, attempts, the gateway's last answer. */
export async function listDeliveryLog(tx: Executor, filter: DeliveryLogFilter, page: { offset: number; limit: number }) {
  return tx
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      title: outboxMessages.title,
      channel: outboxMessages.channel,
      state: outboxMessages.state,
      attempts: outboxMessages.attempts,
      lastAnswer: outboxMessages.lastAnswer,
      createdAt: outboxMessages.createdAt,
      dueAt: outboxMessages.dueAt,
      sentAt: outboxMessages.sentAt,
      recipient: users.displayName,
      username: users.username,
    })
    .from(outboxMessages)
    .innerJoin(users, eq(users.id, outboxMessages.userId))
    .where(logCondition(filter))
    .orderBy(sql`${outboxMessages.createdAt} desc, ${outboxMessages.id} desc`)
    .offset(page.offset)
    .limit(page.limit);
}

export async function getOutboxRow(tx: Executor, id: number) {
  const [row] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ?? null;
}

/** The same message again, as a new row due at once (the old row keeps its history). */
export async function insertResend(tx: Executor, row: typeof outboxMessages.$inferSelect, at: Date): Promise<number> {
  const [created] = await tx
    .insert(outboxMessages)
    .values({
      userId: row.userId,
      channel: row.channel,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      state: "pending",
      createdAt: at,
      dueAt: at,
    })
    .returning({ id: outboxMessages.id });
  return created!.id;
}
