/**
 * 意见建议 on real Postgres: sending (named and anonymous, through the server action as a browser posts it),
 * the office's list and detail — an anonymous one carries no sender at all, and its audit row has no actor,
 * no address and no sender — answering once (audited), the sender reading the answer and the message about
 * it (in the app only when anonymous: the delivery log names its recipient), what a unit may not do, the
 * counts per month, and bad input refused in Chinese with nothing written.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, feedback, notifications, outboxMessages, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CLIENT_ADDRESS_HEADER, EDGE_SERVER_ENV } from "@/lib/server/client-address";
import {
  ALREADY_ANSWERED,
  answerFeedback,
  getFeedbackMonthlyCounts,
  getReceivedFeedback,
  listMyFeedback,
  listReceivedFeedback,
  sendFeedback,
} from "@/lib/services/feedback";
import { FEEDBACK_BODY_EMPTY, FEEDBACK_PAGE_MESSAGE } from "@/lib/services/feedback-schemas";
import { getInbox } from "@/lib/services/inbox";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const ADDRESS = "10.20.30.40";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-luoshi-client-address": "10.20.30.40" }) }));

const { sendFeedbackAction, answerFeedbackAction } = await import("@/app/(app)/feedback/actions");

const NOVEMBER = "2026-11-20T10:00+08:00";
const ANONYMOUS_BODY = "每半月要把同样的进展在三张表里重复填报，加重基层负担。";
const NAMED_BODY = "建议把月报和半月报合并，减少重复填报。";

let filer: Actor;
let otherUnit: Actor;
let office: Actor;
let admin: Actor;
let filerUnitName: string;

async function feedbackCount() {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(feedback))[0]!.n;
}

/** The audit log is append-only (never reset): the rows this test wrote are those after `auditSince`. */
let auditSince = 0;

async function auditRowsOf(action: string, id: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id)), gt(auditLog.id, auditSince)));
}

/** Everything about the sender that must not appear in what the office gets. */
function senderTraces(): string[] {
  return [filer.displayName, filer.username, filerUnitName];
}

function expectNoSender(value: unknown) {
  const text = JSON.stringify(value);
  for (const trace of senderTraces()) expect(text, trace).not.toContain(trace);
  expect(text).not.toMatch(/senderId|sender_id|senderName|senderUnit|"userId"|"unitId"|"username"/);
}

async function sendAnonymous(pagePath = "/reports/24/12") {
  session.actor = filer;
  const result = await sendFeedbackAction({ kind: "complaint", body: ANONYMOUS_BODY, anonymous: true, pagePath });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: { id: number } }).data.id;
}

async function sendNamed() {
  session.actor = filer;
  const result = await sendFeedbackAction({ kind: "suggestion", body: NAMED_BODY, anonymous: false, pagePath: "/tasks/24" });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: { id: number } }).data.id;
}

describe("意见建议", () => {
  beforeAll(async () => {
    process.env[EDGE_SERVER_ENV] = "1";
    expect(CLIENT_ADDRESS_HEADER).toBe("x-luoshi-client-address");
  });
  afterAll(() => {
    delete process.env[EDGE_SERVER_ENV];
    delete process.env.APP_NOW;
  });
  beforeEach(async () => {
    process.env.APP_NOW = NOVEMBER;
    await resetWithDemo();
    filer = await actorFor("交通局-填报");
    otherUnit = await actorFor("农牧局-填报");
    office = await actorFor("ducha");
    admin = await actorFor("admin");
    filerUnitName = (await db.select({ name: units.name }).from(units).where(eq(units.id, filer.unitId!)))[0]!.name;
    expect(filerUnitName).toBe("交通局");
    auditSince = (await db.select({ n: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]!.n;
  });

  it("an anonymous one: the office and the administrator get no sender, only the section of the page, and the audit row names no one", async () => {
    const audits = await auditCount();
    const id = await sendAnonymous();
    expect(await auditCount()).toBe(audits + 1);

    // Stored with its sender (so the sender can read the answer) and the full page.
    const [stored] = await db.select().from(feedback).where(eq(feedback.id, id));
    expect(stored).toMatchObject({ kind: "complaint", anonymous: true, senderId: filer.userId, body: ANONYMOUS_BODY, pagePath: "/reports/24/12" });

    for (const reader of [office, admin]) {
      const list = await listReceivedFeedback(reader);
      expect(list.total).toBe(1);
      const row = list.rows[0]!;
      expect(row).toMatchObject({ id, kind: "complaint", anonymous: true, body: ANONYMOUS_BODY, sender: null, pagePath: "/reports", answer: null });
      expect(Object.keys(row).sort()).toEqual(["anonymous", "answer", "answeredAt", "answeredByName", "body", "createdAt", "id", "kind", "pagePath", "sender"]);
      expectNoSender(list);
      const detail = await getReceivedFeedback(reader, id);
      expect(detail.sender).toBeNull();
      expectNoSender(detail);
    }

    const [row] = await auditRowsOf("feedback.send", id);
    expect(row).toMatchObject({ actorUserId: null, actorRole: null, actorUnitId: null, ip: null, entity: "feedback", before: null });
    expect(row!.after).toEqual({ kind: "complaint", anonymous: true, pageSection: "/reports" });
    expectNoSender(row);
  });

  it("a named one shows the sender's name and unit, and is audited as the sender, with the address", async () => {
    const id = await sendNamed();
    const list = await listReceivedFeedback(office);
    expect(list.rows[0]).toMatchObject({ id, anonymous: false, sender: { name: filer.displayName, unitName: "交通局" }, pagePath: "/tasks/24" });
    const [row] = await auditRowsOf("feedback.send", id);
    expect(row).toMatchObject({ actorUserId: filer.userId, actorRole: "unit", actorUnitId: filer.unitId, ip: ADDRESS });
    expect(row!.after).toEqual({ kind: "suggestion", anonymous: false, pagePath: "/tasks/24" });
  });

  it("the sender sees their own, anonymous or not; another unit sees none of them", async () => {
    const anonymous = await sendAnonymous();
    const named = await sendNamed();
    const mine = await listMyFeedback(filer);
    expect(mine.map((f) => f.id).sort()).toEqual([anonymous, named].sort());
    expect(mine.find((f) => f.id === anonymous)).toMatchObject({ anonymous: true, body: ANONYMOUS_BODY, pagePath: "/reports/24/12" });
    expect(await listMyFeedback(otherUnit)).toEqual([]);
    expect(await listMyFeedback(office)).toEqual([]);
  });

  it("answering: audited, once; the sender reads the answer and gets a message — in the app only when anonymous", async () => {
    const anonymous = await sendAnonymous();
    const named = await sendNamed();
    const outboxBefore = (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages))[0]!.n;

    session.actor = office;
    const first = await answerFeedbackAction({ id: anonymous, answer: "已取消重复的两张表，只保留半月进展报告。" });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const [audit] = await auditRowsOf("feedback.answer", anonymous);
    expect(audit).toMatchObject({ actorUserId: office.userId, actorRole: "supervisor", ip: ADDRESS });
    expect(audit!.after).toEqual({ answer: "已取消重复的两张表，只保留半月进展报告。" });
    expectNoSender(audit);

    session.actor = admin;
    expect((await answerFeedbackAction({ id: named, answer: "采纳，下月起合并。" })).ok).toBe(true);

    const mine = await listMyFeedback(filer);
    expect(mine.find((f) => f.id === anonymous)).toMatchObject({ answer: "已取消重复的两张表，只保留半月进展报告。", answeredAt: new Date(NOVEMBER) });
    expect(mine.find((f) => f.id === named)).toMatchObject({ answer: "采纳，下月起合并。" });
    expect((await getReceivedFeedback(office, anonymous)).answeredByName).toBe(office.displayName);

    const inbox = await getInbox(filer);
    const messages = inbox.items.filter((i) => i.kind === "feedback_answer");
    expect(messages.map((m) => m.link).sort()).toEqual([`/feedback#feedback-${anonymous}`, `/feedback#feedback-${named}`].sort());
    expect(messages.every((m) => m.title === "您提交的意见建议已有答复")).toBe(true);
    // Only the sender was told.
    const told = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.kind, "feedback_answer"));
    expect(told.map((t) => t.userId)).toEqual([filer.userId, filer.userId]);
    // The named one's message is queued beyond the app as the sender chose; the anonymous one's is not (the delivery log names recipients).
    const queued = await db
      .select({ userId: outboxMessages.userId, kind: outboxMessages.kind })
      .from(outboxMessages)
      .where(eq(outboxMessages.kind, "feedback_answer"));
    expect(queued).toEqual([{ userId: filer.userId, kind: "feedback_answer" }]);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages))[0]!.n).toBe(outboxBefore + 1);

    // Answering again is refused, in Chinese, and changes nothing.
    const audits = await auditCount();
    session.actor = admin;
    const again = await answerFeedbackAction({ id: anonymous, answer: "另一个答复" });
    expect(again).toEqual({ ok: false, message: ALREADY_ANSWERED });
    await expect(answerFeedback(office, { id: anonymous, answer: "另一个答复" })).rejects.toThrow(ALREADY_ANSWERED);
    expect((await listMyFeedback(filer)).find((f) => f.id === anonymous)!.answer).toBe("已取消重复的两张表，只保留半月进展报告。");
    expect(await auditCount()).toBe(audits);
    expect((await db.select().from(notifications).where(eq(notifications.kind, "feedback_answer"))).length).toBe(2);
  });

  it("the office's list filters 未答复 / 已答复 and pages", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(await sendAnonymous(`/tasks/${i + 1}`));
    await answerFeedback(office, { id: ids[0]!, answer: "已处理" });
    expect((await listReceivedFeedback(office, { filter: "unanswered" })).rows.map((r) => r.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect((await listReceivedFeedback(office, { filter: "answered" })).rows.map((r) => r.id)).toEqual([ids[0]]);
    const all = await listReceivedFeedback(office, { filter: "all", page: 2, size: 20 });
    expect(all).toMatchObject({ total: 3, page: 1, pages: 1 });
  });

  it("a unit or a leader cannot read the received ones nor answer; a missing one is not found", async () => {
    const id = await sendAnonymous();
    const leader = await actorFor("张军");
    for (const actor of [filer, otherUnit, leader]) {
      await expect(listReceivedFeedback(actor)).rejects.toMatchObject({ code: "forbidden" });
      await expect(getReceivedFeedback(actor, id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(answerFeedback(actor, { id, answer: "我来答复" })).rejects.toMatchObject({ code: "forbidden" });
      session.actor = actor;
      expect((await answerFeedbackAction({ id, answer: "我来答复" })).ok).toBe(false);
    }
    const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
    expect(row!.answer).toBeNull();
    await expect(getReceivedFeedback(office, id + 100)).rejects.toMatchObject({ code: "not_found" });
    await expect(answerFeedback(office, { id: id + 100, answer: "答复" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("counts per month: received by the month sent, answered by the month answered (Beijing time), for everyone signed in", async () => {
    process.env.APP_NOW = "2026-10-31T23:30+08:00"; // still October in Beijing (15:30 UTC)
    const october = await sendAnonymous();
    await sendNamed();
    process.env.APP_NOW = "2026-11-01T00:30+08:00"; // November in Beijing, still October in UTC
    await sendNamed();
    await answerFeedback(office, { id: october, answer: "已处理" });
    const expected = [
      { month: "2026-11", received: 1, answered: 1 },
      { month: "2026-10", received: 2, answered: 0 },
    ];
    for (const actor of [filer, otherUnit, office, admin, await actorFor("张军")]) expect(await getFeedbackMonthlyCounts(actor)).toEqual(expected);
  });

  it("bad input is refused in Chinese and writes nothing (no row, no audit)", async () => {
    session.actor = filer;
    const rows = await feedbackCount();
    const audits = await auditCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: "complaint", body: "   ", anonymous: false }, FEEDBACK_BODY_EMPTY],
      [{ kind: "complaint", body: "重复填报太多了", anonymous: false, pagePath: "https://evil.example/x" }, FEEDBACK_PAGE_MESSAGE],
      [{ kind: "complaint", body: "重复填报太多了", anonymous: false, pagePath: "//evil.example" }, FEEDBACK_PAGE_MESSAGE],
      [{ kind: "praise", body: "重复填报太多了", anonymous: false }, "请选择意见或建议"],
      [{ kind: "complaint", body: "重复填报太多了", anonymous: true, senderId: otherUnit.userId }, "不接受的字段：senderId"],
    ];
    for (const [input, message] of cases) {
      const result = await sendFeedbackAction(input as never);
      expect(result.ok).toBe(false);
      expect((result as { message: string }).message).toBe(message);
      await expect(sendFeedback(filer, input)).rejects.toMatchObject({ code: "invalid", message });
    }
    expect(await feedbackCount()).toBe(rows);
    expect(await auditCount()).toBe(audits);
    session.actor = office;
    const id = await sendAnonymous();
    session.actor = office;
    const empty = await answerFeedbackAction({ id, answer: "  " });
    expect(empty).toMatchObject({ ok: false, message: "请填写答复内容" });
    expect((await db.select().from(feedback).where(eq(feedback.id, id)))[0]!.answer).toBeNull();
  });

  it("the natively posted form (no JavaScript) sends and redirects; refused, it comes back with what was typed", async () => {
    class Redirected extends Error {}
    vi.doMock("next/navigation", () => ({
      redirect: (url: string) => {
        throw Object.assign(new Redirected(url), { url });
      },
    }));
    vi.resetModules();
    const { sendFeedbackFormAction } = await import("@/app/(app)/feedback/actions");
    session.actor = filer;
    const bad = new FormData();
    bad.set("kind", "complaint");
    bad.set("body", "太多");
    bad.set("anonymous", "on");
    bad.set("pagePath", "/tasks/24");
    const state = await sendFeedbackFormAction(null, bad);
    expect(state).toMatchObject({
      message: "意见建议的内容至少 5 个字，请写清楚",
      fields: { kind: "complaint", body: "太多", anonymous: true, pagePath: "/tasks/24" },
    });
    expect(await feedbackCount()).toBe(0);
    bad.set("body", "报表太多，每期都要重复填写。");
    await expect(sendFeedbackFormAction(null, bad)).rejects.toMatchObject({ url: "/feedback?sent=1" });
    const [row] = await db.select().from(feedback);
    expect(row).toMatchObject({ anonymous: true, senderId: filer.userId, pagePath: "/tasks/24", body: "报表太多，每期都要重复填写。" });
    vi.doUnmock("next/navigation");
  });
});
