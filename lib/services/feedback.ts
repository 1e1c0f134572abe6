/**
 * 意见建议 (issue 17): any signed-in user sends a complaint or a suggestion from any page, named or
 * anonymous; the office (督查室 and the administrator, `feedback.answer`) reads all of them and answers
 * each once (a second answer is refused: the answer is what the sender was told); the sender reads their
 * own with the answers; everyone signed in sees the counts per month.
 *
 * Anonymous means the office and the administrator never learn the sender: the office's reads carry no
 * sender (lib/data/feedback.ts selects none), an anonymous one shows only the section of the app it came
 * from, its audit row has no actor and no address and names no sender, and the answer's message to the
 * sender stays in the app (the delivery log would name its recipient).
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  countFeedbackByMonth,
  countFeedbackForOffice,
  type FeedbackMonth,
  getFeedbackForOffice,
  insertFeedback,
  listFeedbackForOffice,
  listFeedbackOfSender,
  lockFeedbackForAnswer,
  type OfficeFeedbackRow,
  setFeedbackAnswer,
} from "@/lib/data/feedback";
import { notifyUsers } from "@/lib/data/notifications";
import { DomainError, notFound } from "@/lib/errors";
import type { FeedbackFilter, FeedbackKind } from "@/lib/feedback/kinds";
import { pageSection } from "@/lib/feedback/page-path";
import { pageBounds, type PageSize } from "@/lib/paging";
import { assertCan } from "@/lib/policies";
import { answerFeedbackSchema, sendFeedbackSchema } from "./feedback-schemas";
import { mutation } from "./mutation";
import { parseInput } from "./parse-input";

/** One as the office sees it: `sender` is null for an anonymous one, whose page is only its section of the app. */
export interface ReceivedFeedback {
  id: number;
  kind: FeedbackKind;
  anonymous: boolean;
  body: string;
  pagePath: string | null;
  createdAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  answeredByName: string | null;
  sender: { name: string; unitName: string | null } | null;
}

function received(row: OfficeFeedbackRow): ReceivedFeedback {
  const base = {
    id: row.id,
    kind: row.kind,
    anonymous: row.anonymous,
    body: row.body,
    createdAt: row.createdAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
    answeredByName: row.answeredByName,
  };
  if (row.anonymous) return { ...base, pagePath: row.pagePath && pageSection(row.pagePath), sender: null };
  return { ...base, pagePath: row.pagePath, sender: row.senderName === null ? null : { name: row.senderName, unitName: row.senderUnitName } };
}

/** 提交意见建议: the signed-in user's own (never another's: the sender is the session's). */
export async function sendFeedback(actor: Actor, input: unknown, ip: string | null = null): Promise<{ id: number }> {
  const { kind, body, anonymous, pagePath } = parseInput(sendFeedbackSchema, input);
  const path = pagePath ? pagePath : null;
  // An anonymous one is written by no one, from nowhere: the audit row names neither the sender nor the address.
  return mutation(anonymous ? null : actor, { action: "feedback.send", entity: "feedback", ip: anonymous ? null : ip }, async (tx, audit) => {
    const id = await insertFeedback(tx, { kind, senderId: actor.userId, anonymous, body, pagePath: path, createdAt: now() });
    await audit({ entityId: id, after: anonymous ? { kind, anonymous, pageSection: path && pageSection(path) } : { kind, anonymous, pagePath: path } });
    return { id };
  });
}

/** 我的意见建议: the user's own, anonymous or not, with the answers. */
export async function listMyFeedback(actor: Actor) {
  return listFeedbackOfSender(db, actor.userId);
}

/** 收到的意见建议 (the office): newest first, filtered, paged; no sender for an anonymous one. */
export async function listReceivedFeedback(actor: Actor, input: { filter?: FeedbackFilter; page?: number; size?: PageSize } = {}) {
  assertCan(actor, "feedback.answer");
  const filter = input.filter ?? "all";
  const total = await countFeedbackForOffice(db, filter);
  const bounds = pageBounds(total, { page: input.page ?? 1, size: input.size ?? 50 });
  const rows = (await listFeedbackForOffice(db, filter, bounds)).map(received);
  return { rows, total, page: bounds.page, pages: bounds.pages };
}

export async function getReceivedFeedback(actor: Actor, id: number): Promise<ReceivedFeedback> {
  assertCan(actor, "feedback.answer");
  const row = await getFeedbackForOffice(db, id);
  if (!row) throw notFound("没有这条意见建议");
  return received(row);
}

export const ALREADY_ANSWERED = "这条意见建议已经答复，不能再次答复";

/** 答复: once; the sender is told in the app (and beyond it, as they chose, unless it was anonymous). */
export async function answerFeedback(actor: Actor, input: unknown, ip: string | null = null): Promise<{ id: number }> {
  assertCan(actor, "feedback.answer");
  const { id, answer } = parseInput(answerFeedbackSchema, input);
  return mutation(actor, { action: "feedback.answer", entity: "feedback", ip }, async (tx, audit) => {
    const row = await lockFeedbackForAnswer(tx, id);
    if (!row) throw notFound("没有这条意见建议");
    const at = now();
    if (row.answeredAt || !(await setFeedbackAnswer(tx, id, { text: answer, by: actor.userId, at }))) throw new DomainError("conflict", ALREADY_ANSWERED);
    await notifyUsers(
      tx,
      [row.senderId],
      { kind: "feedback_answer", title: "您提交的意见建议已有答复", body: answer, link: `/feedback#feedback-${id}`, createdBy: actor.userId, createdAt: at },
      { inAppOnly: row.anonymous },
    );
    await audit({ entityId: id, after: { answer } });
    return { id };
  });
}

/** 每月统计 (everyone signed in): received and answered per month, the last 12 months that had any. */
export async function getFeedbackMonthlyCounts(_actor: Actor): Promise<FeedbackMonth[]> {
  return countFeedbackByMonth(db, 12);
}
