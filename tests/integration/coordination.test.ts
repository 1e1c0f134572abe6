/**
 * Coordination requests (需协调事项): raised by the submission that counts (direct, or the head's
 * approval), following resubmissions while unanswered, answered by the task's leaders, read by the
 * task's units, resolved by either side; every other actor refused, called on the services directly.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, coordinationReplies, coordinationRequests, notifications, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import {
  answerCoordination,
  getCoordinationInbox,
  getLatestInstructions,
  getTaskCoordination,
  replyToCoordination,
  resolveCoordination,
} from "@/lib/services/coordination";
import { approveReport, returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { answerCoordinationAction, replyCoordinationAction, resolveCoordinationAction } = await import("@/app/(app)/coordination/actions");

const PINNED = "2022-06-20T10:00+08:00";
const TASK = 24; // 实施农村路网建设300公里 — lead 交通局, cooperating 各苏木镇, leader 张军
const PERIOD = 12;
const ASK = "G109 改线段征地需自然资源局协调办理用地预审";

const fields = (coordinationRequest: string): ReportFields => ({
  progress: "完成农村公路新改建 86 公里",
  percent: 30,
  progressState: "on_track",
  problems: "部分路段征地手续尚在办理",
  nextSteps: "加快推进路面施工",
  coordinationRequest,
});

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return null;
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

async function requests() {
  return db.select().from(coordinationRequests).orderBy(asc(coordinationRequests.id));
}

async function auditOf(step: () => Promise<unknown>) {
  const before = await auditCount();
  await step();
  return db
    .select({ action: auditLog.action, entityId: auditLog.entityId, actorUserId: auditLog.actorUserId })
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .offset(before);
}

async function notificationsTo(column: "leaderId" | "unitId", id: number) {
  return db
    .select({ title: notifications.title, link: notifications.link, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications[column], id))
    .orderBy(asc(notifications.id));
}

/** The head (交通局) submits directly: the submission that counts. */
async function headSubmits(head: Actor, baseVersion: number, text: string) {
  return submitReport(head, { taskId: TASK, periodIndex: PERIOD, baseVersion, fields: fields(text) });
}

describe("coordination requests (需协调事项)", () => {
  let filer: Actor;
  let head: Actor;
  let leader: Actor;
  let overall: Actor;
  let office: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    [filer, head, leader, overall, office] = await Promise.all([
      actorFor("交通局-填报"),
      actorFor("交通局"),
      actorFor("张军"),
      actorFor("王国泉"),
      actorFor("ducha"),
    ]);
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("is raised when the head's approval submits the report, not when the filer sends it; the leaders are told", async () => {
    const sent = await submitReport(filer, { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: fields(ASK) });
    expect(sent.status).toBe("pending_approval");
    expect(await requests()).toHaveLength(0);

    const approved = await auditOf(() => approveReport(head, { taskId: TASK, periodIndex: PERIOD }));
    expect(approved.map((r) => r.action)).toEqual(["report.approve"]); // still one audit row per mutation
    const [request] = await requests();
    expect(request).toMatchObject({ taskId: TASK, periodIndex: PERIOD, unitId: head.unitId, content: ASK, status: "open" });
    expect(request!.raisedAt.toISOString()).toBe(new Date(PINNED).toISOString());

    const told = await notificationsTo("leaderId", leader.leaderId!);
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain("第 24 项");
    expect(told[0]!.link).toBe("/leader/coordination");
    expect(told[0]!.createdAt.toISOString()).toBe(new Date(PINNED).toISOString());
  });

  it("is raised by a direct submission; an empty field raises nothing", async () => {
    await submitReport(head, { taskId: TASK, periodIndex: PERIOD - 1, baseVersion: 0, fields: fields("  ") });
    expect(await requests()).toHaveLength(0);
    await headSubmits(head, 0, `  ${ASK}  `);
    expect((await requests()).map((r) => r.content)).toEqual([ASK]);
  });

  it("follows a resubmission while unanswered, is withdrawn when emptied, and keeps an answered text", async () => {
    const first = await headSubmits(head, 0, ASK);
    await returnReport(office, { taskId: TASK, periodIndex: PERIOD, reason: "请补充数据" });
    const second = await headSubmits(head, first.version + 1, "改为：请交通运输厅协调资金");
    let [request] = await requests();
    expect(request).toMatchObject({ content: "改为：请交通运输厅协调资金", status: "open" });
    const id = request!.id;

    // Emptied and never answered: withdrawn (no thread: deleted).
    await returnReport(office, { taskId: TASK, periodIndex: PERIOD, reason: "再改" });
    const third = await headSubmits(head, second.version + 1, "");
    expect(await requests()).toHaveLength(0);

    // Raised again, answered, then changed: the answered text stays, the new text joins the thread.
    await returnReport(office, { taskId: TASK, periodIndex: PERIOD, reason: "再改" });
    const fourth = await headSubmits(head, third.version + 1, ASK);
    [request] = await requests();
    expect(request!.id).not.toBe(id);
    await answerCoordination(leader, { id: request!.id, body: "请自然资源局本周内办结" });
    await returnReport(office, { taskId: TASK, periodIndex: PERIOD, reason: "再改" });
    await headSubmits(head, fourth.version + 1, "用地预审已受理，仍需协调林地手续");
    [request] = await requests();
    expect(request).toMatchObject({ content: ASK, status: "answered" });
    const thread = await db
      .select({ body: coordinationReplies.body, leaderId: coordinationReplies.leaderId })
      .from(coordinationReplies)
      .orderBy(asc(coordinationReplies.id));
    expect(thread).toEqual([
      { body: "请自然资源局本周内办结", leaderId: leader.leaderId },
      { body: "重新报送的报告中需协调事项改为：用地预审已受理，仍需协调林地手续", leaderId: null },
    ]);
  });

  it("withdrawn after the unit replied: marked resolved rather than deleted", async () => {
    const first = await headSubmits(head, 0, ASK);
    const [request] = await requests();
    await replyToCoordination(filer, { id: request!.id, body: "补充：涉及基本农田 3 亩" });
    await returnReport(office, { taskId: TASK, periodIndex: PERIOD, reason: "再改" });
    await headSubmits(head, first.version + 1, "");
    expect((await requests())[0]).toMatchObject({ status: "resolved", resolvedBy: head.userId });
  });

  it("the leader answers (批示): answered, a reply row, the unit told, one audit row; the unit reads it on the task", async () => {
    await headSubmits(head, 0, ASK);
    const [request] = await requests();
    const inbox = await getCoordinationInbox(leader);
    expect(inbox.items.map((i) => i.id)).toEqual([request!.id]);
    expect(inbox.items[0]).toMatchObject({
      unitName: "交通局",
      seq: 24,
      periodLabel: "2022年6月下半月",
      ageLabel: "今天提出",
      ageSignal: "none",
      can: { answer: true, resolve: true, reply: false },
    });

    const rows = await auditOf(() => answerCoordination(leader, { id: request!.id, body: "请自然资源局本周内办结" }));
    expect(rows).toEqual([{ action: "coordination.answer", entityId: String(request!.id), actorUserId: leader.userId }]);
    expect((await requests())[0]).toMatchObject({ status: "answered" });
    expect((await notificationsTo("unitId", head.unitId!)).at(-1)).toMatchObject({ link: `/tasks/${TASK}#coordination` });

    for (const reader of [filer, head, await actorFor("乌兰镇")]) {
      const items = await getTaskCoordination(reader, TASK);
      expect(items).toHaveLength(1);
      expect(items[0]!.replies.map((r) => [r.body, r.leaderName])).toEqual([["请自然资源局本周内办结", "张军"]]);
    }
    expect((await getTaskCoordination(filer, TASK))[0]!.can).toEqual({ answer: false, resolve: true, reply: true });
    expect((await getTaskCoordination(await actorFor("乌兰镇"), TASK))[0]!.can).toEqual({ answer: false, resolve: false, reply: false });
    expect((await getLatestInstructions(filer, TASK)).map((i) => i.body)).toEqual(["请自然资源局本周内办结"]);

    // A thread: the unit replies, the leader answers again, then the unit marks it resolved.
    const reply = await auditOf(() => replyToCoordination(filer, { id: request!.id, body: "已对接，正在办理" }));
    expect(reply.map((r) => r.action)).toEqual(["coordination.reply"]);
    await answerCoordination(overall, { id: request!.id, body: "加快办理" });
    const resolved = await auditOf(() => resolveCoordination(head, { id: request!.id, note: "用地预审已批复" }));
    expect(resolved.map((r) => r.action)).toEqual(["coordination.resolve"]);
    expect((await requests())[0]).toMatchObject({ status: "resolved", resolvedBy: head.userId });
    const thread = (await getTaskCoordination(leader, TASK))[0]!;
    expect(thread.replies.map((r) => [r.body, r.resolves])).toEqual([
      ["请自然资源局本周内办结", false],
      ["已对接，正在办理", false],
      ["加快办理", false],
      ["用地预审已批复", true],
    ]);
    expect(thread.can).toEqual({ answer: false, resolve: false, reply: false });
    expect(await refusal(answerCoordination(leader, { id: request!.id, body: "再批示" }))).toBe("conflict");
    expect(await refusal(resolveCoordination(leader, { id: request!.id, note: "" }))).toBe("conflict");
  });

  it("ages by the app clock: amber after 7 days, red after 14", async () => {
    await headSubmits(head, 0, ASK);
    process.env.APP_NOW = "2022-06-28T09:00+08:00";
    expect((await getCoordinationInbox(leader)).items[0]).toMatchObject({ ageDays: 8, ageLabel: "已等待 8 天", ageSignal: "amber" });
    process.env.APP_NOW = "2022-07-05T09:00+08:00";
    expect((await getCoordinationInbox(leader)).items[0]).toMatchObject({ ageDays: 15, ageSignal: "red" });
  });

  it("the inbox: a leader sees only their tasks' requests; 王国泉 and the administrator all; the office reads without answering", async () => {
    await headSubmits(head, 0, ASK);
    expect((await getCoordinationInbox(leader)).items).toHaveLength(1);
    expect((await getCoordinationInbox(await actorFor("崔婧"))).items).toHaveLength(0);
    const all = await getCoordinationInbox(overall);
    expect(all.items[0]!.can.answer).toBe(true);
    const admin = await getCoordinationInbox(await actorFor("admin"));
    expect(admin).toMatchObject({ readOnly: true });
    expect(admin.items[0]!.can).toEqual({ answer: false, resolve: false, reply: false });
    const officeView = await getCoordinationInbox(office);
    expect(officeView.items).toHaveLength(1);
    expect(officeView.items[0]!.can.answer).toBe(false);
    expect(await refusal(getCoordinationInbox(head))).toBe("forbidden");
    expect(await refusal(getCoordinationInbox(filer))).toBe("forbidden");
  });

  it("permission matrix: wrong actors are refused on every service and nothing is written", async () => {
    await headSubmits(head, 0, ASK);
    const [request] = await requests();
    const id = request!.id;
    const matrix: [string, string, string, string, string][] = [
      // username, read task, answer, reply, resolve
      ["崔婧", "not_found", "not_found", "forbidden", "not_found"], // a leader of other tasks
      ["农牧局", "not_found", "forbidden", "not_found", "not_found"], // a unit not on the task
      ["农牧局-填报", "not_found", "forbidden", "not_found", "not_found"],
      ["乌兰镇", "ok", "forbidden", "not_found", "not_found"], // cooperating unit: reads, nothing more
      ["交通局-填报", "ok", "forbidden", "ok", "ok"], // the raising unit: no 批示
      ["ducha", "ok", "forbidden", "forbidden", "forbidden"],
      ["admin", "ok", "forbidden", "forbidden", "forbidden"],
      ["张军", "ok", "ok", "forbidden", "ok"],
    ];
    for (const [username, read, answer, reply, resolve] of matrix) {
      const actor = await actorFor(username);
      const code = async (p: Promise<unknown>) => (await refusal(p)) ?? "ok";
      expect(await code(getTaskCoordination(actor, TASK)), `${username} read`).toBe(read);
      if (answer !== "ok") expect(await code(answerCoordination(actor, { id, body: "x" })), `${username} answer`).toBe(answer);
      if (reply !== "ok") expect(await code(replyToCoordination(actor, { id, body: "x" })), `${username} reply`).toBe(reply);
      if (resolve !== "ok") expect(await code(resolveCoordination(actor, { id, note: "" })), `${username} resolve`).toBe(resolve);
    }
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(coordinationReplies)).toEqual([{ n: 0 }]);
    expect((await requests())[0]!.status).toBe("open");
    // Unknown ids reveal nothing; smuggled fields are refused.
    expect(await refusal(answerCoordination(leader, { id: 99_999, body: "x" }))).toBe("not_found");
    expect(await refusal(answerCoordination(leader, { id, body: "x", status: "resolved" } as never))).toBe("invalid");
    expect(await refusal(answerCoordination(leader, { id, body: "   " }))).toBe("invalid");
  });

  it("the server actions, called directly by wrong actors or signed out: refused, recorded, nothing written", async () => {
    await headSubmits(head, 0, ASK);
    const [request] = await requests();
    const id = request!.id;
    const before = await auditCount();
    for (const username of [null, "崔婧", "农牧局", "乌兰镇", "ducha", "admin", "交通局-填报"]) {
      session.actor = username ? await actorFor(username) : null;
      const results: { ok: boolean }[] = [await answerCoordinationAction({ id, body: "x" })];
      if (username !== "交通局-填报") results.push(await replyCoordinationAction({ id, body: "x" }), await resolveCoordinationAction({ id, note: "" }));
      for (const result of results) expect(result.ok, String(username)).toBe(false);
    }
    session.actor = leader;
    expect((await answerCoordinationAction({ id, body: "x", unitId: 1 } as never)).ok).toBe(false); // smuggled field
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(coordinationReplies)).toEqual([{ n: 0 }]);
    const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action === "auth.refused")).toBe(true);
    // The right leader through the action: answered.
    expect(await answerCoordinationAction({ id, body: "请抓紧办理" })).toMatchObject({ ok: true });
    session.actor = null;
  });

  it("another unit requiring no sign-off: the filer's own submission counts", async () => {
    await db.update(units).set({ requiresSignOff: false }).where(eq(units.id, head.unitId!));
    const filerNow = await actorFor("交通局-填报");
    await submitReport(filerNow, { taskId: TASK, periodIndex: PERIOD, baseVersion: 0, fields: fields(ASK) });
    const [request] = await requests();
    expect(request).toMatchObject({ status: "open", content: ASK });
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.username, "交通局-填报")));
    expect(user!.id).toBe(filerNow.userId);
  });
});
