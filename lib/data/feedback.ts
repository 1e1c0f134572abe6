/**
 * 意见建议's queries. The office's reads never select the sender of an anonymous one: the sender's
 * name and unit come from a join that only matches a named one, and the sender's id is not selected
 * at all — what is not read cannot be shown.
 */
import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { feedback, units, users } from "@/db/schema";
import type { FeedbackFilter, FeedbackKind } from "@/lib/feedback/kinds";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";

export interface NewFeedback {
  kind: FeedbackKind;
  senderId: number;
  anonymous: boolean;
  body: string;
  pagePath: string | null;
  createdAt: Date;
}

export async function insertFeedback(tx: Executor, row: NewFeedback): Promise<number> {
  return insertReturningId(tx, feedback, row);
}

function filterCondition(filter: FeedbackFilter): SQL | undefined {
  if (filter === "unanswered") return isNull(feedback.answeredAt);
  if (filter === "answered") return isNotNull(feedback.answeredAt);
  return undefined;
}

/** The sender, joined only when the row is not anonymous. */
const sender = alias(users, "feedback_sender");
const senderUnit = alias(units, "feedback_sender_unit");
const answerer = alias(users, "feedback_answerer");

/** What the sender reads of their own (and the office of every one, without the sender). */
const ownColumns = {
  id: feedback.id,
  kind: feedback.kind,
  anonymous: feedback.anonymous,
  body: feedback.body,
  pagePath: feedback.pagePath,
  createdAt: feedback.createdAt,
  answer: feedback.answer,
  answeredAt: feedback.answeredAt,
};

/** What the office reads of one: the sender's name and unit are null for an anonymous one (and there is no sender id). */
const officeColumns = { ...ownColumns, answeredByName: answerer.displayName, senderName: sender.displayName, senderUnitName: senderUnit.name };

function officeQuery(tx: Executor) {
  return tx
    .select(officeColumns)
    .from(feedback)
    .leftJoin(sender, and(eq(sender.id, feedback.senderId), eq(feedback.anonymous, false)))
    .leftJoin(senderUnit, eq(senderUnit.id, sender.unitId))
    .leftJoin(answerer, eq(answerer.id, feedback.answeredBy));
}

export type OfficeFeedbackRow = Awaited<ReturnType<typeof listFeedbackForOffice>>[number];

export async function countFeedbackForOffice(tx: Executor, filter: FeedbackFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(feedback).where(filterCondition(filter));
  return row!.n;
}

/** Every one the filter admits, newest first. */
export async function listFeedbackForOffice(tx: Executor, filter: FeedbackFilter, page: { offset: number; limit: number }) {
  return officeQuery(tx).where(filterCondition(filter)).orderBy(sql`${feedback.createdAt} desc, ${feedback.id} desc`).offset(page.offset).limit(page.limit);
}

export async function getFeedbackForOffice(tx: Executor, id: number) {
  return firstRow(officeQuery(tx).where(eq(feedback.id, id)));
}

/** The sender's own, newest first, with the answers (no one else's). */
export async function listFeedbackOfSender(tx: Executor, senderId: number) {
  return tx.select(ownColumns).from(feedback).where(eq(feedback.senderId, senderId)).orderBy(sql`${feedback.createdAt} desc, ${feedback.id} desc`);
}

/** The row an answer is written to, locked: whether it is answered yet, and who to tell (never returned to the page). */
export async function lockFeedbackForAnswer(tx: Executor, id: number) {
  return firstRow(
    tx
      .select({ id: feedback.id, senderId: feedback.senderId, anonymous: feedback.anonymous, answeredAt: feedback.answeredAt })
      .from(feedback)
      .where(eq(feedback.id, id)),
    true,
  );
}

export async function setFeedbackAnswer(tx: Executor, id: number, answer: { text: string; by: number; at: Date }): Promise<boolean> {
  const rows = await tx
    .update(feedback)
    .set({ answer: answer.text, answeredBy: answer.by, answeredAt: answer.at })
    .where(and(eq(feedback.id, id), isNull(feedback.answeredAt)))
    .returning({ id: feedback.id });
  return rows.length === 1;
}

export interface FeedbackMonth {
  /** "2026-11" (Beijing time). */
  month: string;
  received: number;
  answered: number;
}

/** Per month (Beijing time), newest first: how many were received that month and how many were answered that month. */
export async function countFeedbackByMonth(tx: Executor, limit: number): Promise<FeedbackMonth[]> {
  const rows = await tx.execute<{ month: string; received: number; answered: number }>(sql`
    with events as (
      select to_char(${feedback.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM') as month, 1 as received, 0 as answered from ${feedback}
      union all
      select to_char(${feedback.answeredAt} at time zone 'Asia/Shanghai', 'YYYY-MM'), 0, 1 from ${feedback} where ${feedback.answeredAt} is not null
    )
    select month, sum(received)::int as received, sum(answered)::int as answered
    from events group by month order by month desc limit ${limit}`);
  return [...rows].map((r) => ({ month: r.month, received: Number(r.received), answered: Number(r.answered) }));
}
