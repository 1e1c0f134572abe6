/**
 * 政务公开 on a real database: the lead unit's public summary, the office's review (approve / return, with
 * audit and the unit's message), publishing and withdrawing a plan's public page, the stored content and
 * its refresh, the rate limit counted across two "instances" sharing the database, and the public route
 * handler's answers (200 with Cache-Control, 404, 429 with Retry-After).
 */
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/db";
import * as schema from "@/db/schema";
import { auditLog, notifications, plans, progressReports, publicViews, rateLimitHits, taskPublicSummaries, tasks, units, users } from "@/db/schema";
import { countHit } from "@/lib/data/public-view";
import { isDomainError } from "@/lib/errors";
import { publicBucket, windowStartOf } from "@/lib/public-view/rate-limit";
import { summaryVersion } from "@/lib/public-view/summary-version";
import { countPublicRequest } from "@/lib/services/public-rate-limit";
import { approvePublicSummary, getTaskPublicSummaryFor, returnPublicSummary, submitPublicSummary } from "@/lib/services/public-summaries";
import { getPublicPage, publishPublicView, withdrawPublicView } from "@/lib/services/public-views";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const postgresServer = inject("databaseKind") === "postgres";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const route = await import("@/app/open/[planId]/route");

let planId = 0;
let task27 = 0;
let overallTaskId = 0;

async function summaryRow(taskId: number) {
  const [row] = await db.select().from(taskPublicSummaries).where(eq(taskPublicSummaries.taskId, taskId));
  return row ?? null;
}

async function lastAudit() {
  const [row] = await db.select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
  return row!;
}

async function refusal(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The version of the submission waiting, as the office's page hands it over. */
async function submitted(taskId: number) {
  const row = await summaryRow(taskId);
  return summaryVersion(row!.draftAt, row!.draft);
}

async function publicGet(id: string, address = "203.0.113.9", query = "") {
  return route.GET(new Request(`http://localhost/open/${id}${query}`, { headers: { "x-luoshi-client-address": address } }), {
    params: Promise.resolve({ planId: id }),
  });
}

describe("public summaries and the public page", () => {
  beforeAll(() => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    process.env.LUOSHI_EDGE_SERVER = "1";
  });
  afterAll(() => {
    delete process.env.APP_NOW;
    delete process.env.LUOSHI_EDGE_SERVER;
    delete process.env.PUBLIC_RATE_LIMIT;
  });
  beforeEach(async () => {
    await resetWithDemo();
    delete process.env.PUBLIC_RATE_LIMIT;
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.state, "active")).orderBy(plans.id).limit(1);
    planId = plan!.id;
    const rows = await db.select({ id: tasks.id, seq: tasks.seq, overall: tasks.overall }).from(tasks).where(eq(tasks.planId, planId));
    task27 = rows.find((t) => t.seq === 27)!.id;
    overallTaskId = rows.find((t) => t.overall)!.id;
  });

  it("the lead unit submits; the office approves; the text becomes public, audited, and the unit is told", async () => {
    const filer = await actorFor("交通局-填报");
    const audits = await auditCount();
    await submitPublicSummary(filer, { taskId: task27, text: "  通用机场项目已完成选址论证，省道216线完成工可批复。 " });
    let row = await summaryRow(task27);
    expect(row).toMatchObject({ state: "submitted", draft: "通用机场项目已完成选址论证，省道216线完成工可批复。", published: null, draftBy: filer.userId });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({
      action: "public_summary.submit",
      entity: "task_public_summary",
      entityId: String(task27),
      actorUserId: filer.userId,
    });

    const office = await actorFor("ducha");
    await approvePublicSummary(office, { taskId: task27, version: await submitted(task27) });
    row = await summaryRow(task27);
    expect(row).toMatchObject({ state: "approved", published: "通用机场项目已完成选址论证，省道216线完成工可批复。", reviewedBy: office.userId });
    expect(row!.publishedAt!.toISOString()).toBe("2022-06-20T02:00:00.000Z");
    expect(await lastAudit()).toMatchObject({ action: "public_summary.approve", actorUserId: office.userId });
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.unitId, unit!.id), eq(notifications.kind, "public_summary")));
    expect(told.map((n) => n.title)).toEqual(["第27项任务的公开摘要已审核公开"]);

    // A new submission waits for review: the public keeps the approved text.
    await submitPublicSummary(filer, { taskId: task27, text: "新的摘要，尚未审核" });
    row = await summaryRow(task27);
    expect(row).toMatchObject({ state: "submitted", draft: "新的摘要，尚未审核", published: "通用机场项目已完成选址论证，省道216线完成工可批复。" });
    const seen = await getTaskPublicSummaryFor(await actorFor("张军"), task27);
    expect(seen).toMatchObject({ published: "通用机场项目已完成选址论证，省道216线完成工可批复。", own: null, canWrite: false });
  });

  it("the office returns a summary with a reason: the unit sees it and gets a message; a stale review is refused", async () => {
    const filer = await actorFor("交通局");
    await submitPublicSummary(filer, { taskId: task27, text: "第一稿" });
    const version = await submitted(task27);
    await submitPublicSummary(filer, { taskId: task27, text: "第二稿" });
    const office = await actorFor("ducha");
    const stale = await refusal(returnPublicSummary(office, { taskId: task27, version, reason: "x" }));
    expect(stale).toEqual({ code: "conflict", message: "牵头单位已重新提交了公开摘要，请刷新后审核新的内容" });

    await returnPublicSummary(office, { taskId: task27, version: await submitted(task27), reason: "请删去内部数据" });
    expect(await summaryRow(task27)).toMatchObject({ state: "returned", returnReason: "请删去内部数据", published: null });
    expect(await lastAudit()).toMatchObject({ action: "public_summary.return", after: { state: "returned", reason: "请删去内部数据" } });
    const [n] = await db.select().from(notifications).where(eq(notifications.kind, "public_summary"));
    expect(n).toMatchObject({ title: "第27项任务的公开摘要被退回", body: "退回理由：请删去内部数据", link: `/tasks/${task27}` });
    expect((await getTaskPublicSummaryFor(filer, task27))?.own).toMatchObject({ state: "returned", returnReason: "请删去内部数据", draft: "第二稿" });
    // Reviewed already: approving it now is refused.
    expect((await refusal(approvePublicSummary(office, { taskId: task27, version: await submitted(task27) }))).code).toBe("conflict");
  });

  it("a cooperating unit, another unit, a leader and the office cannot write; a unit cannot approve; nothing is written", async () => {
    const audits = await auditCount();
    expect((await refusal(submitPublicSummary(await actorFor("发改委"), { taskId: task27, text: "配合单位写的" }))).code).toBe("forbidden");
    expect((await refusal(submitPublicSummary(await actorFor("民政局"), { taskId: task27, text: "别的单位写的" }))).code).toBe("not_found");
    expect((await refusal(submitPublicSummary(await actorFor("张军"), { taskId: task27, text: "领导写的" }))).code).toBe("forbidden");
    expect((await refusal(submitPublicSummary(await actorFor("ducha"), { taskId: task27, text: "督查室写的" }))).code).toBe("forbidden");
    await submitPublicSummary(await actorFor("交通局"), { taskId: task27, text: "牵头单位写的" });
    const version = await submitted(task27);
    expect((await refusal(approvePublicSummary(await actorFor("交通局"), { taskId: task27, version }))).code).toBe("forbidden");
    expect((await refusal(returnPublicSummary(await actorFor("交通局-填报"), { taskId: task27, version, reason: "自己退回" }))).code).toBe("forbidden");
    expect((await refusal(approvePublicSummary(await actorFor("admin"), { taskId: task27, version }))).code).toBe("forbidden");
    expect(await summaryRow(task27)).toMatchObject({ state: "submitted", draft: "牵头单位写的", published: null });
    expect(await auditCount()).toBe(audits + 1);
  });

  it("refuses bad input in Chinese and writes nothing", async () => {
    const unit = await actorFor("交通局");
    const audits = await auditCount();
    const cases: [unknown, string][] = [
      [{ taskId: task27, text: "   " }, "请填写公开摘要"],
      [{ taskId: task27, text: "字".repeat(301) }, "公开摘要最多 300 字，请精简后再提交"],
      [{ taskId: task27, text: "a\u0007b" }, "公开摘要含有无法显示的字符，请删除后再提交"],
      [{ taskId: task27, text: "ok", unitId: 3 }, "不接受的字段：unitId"],
      [{ taskId: -1, text: "ok" }, "任务编号无效"],
    ];
    for (const [input, message] of cases) {
      expect(await refusal(submitPublicSummary(unit, input as never))).toEqual({ code: "invalid", message });
    }
    expect((await refusal(submitPublicSummary(await actorFor("ducha"), { taskId: overallTaskId, text: "x" }))).code).toBe("forbidden");
    await submitPublicSummary(unit, { taskId: task27, text: "有效" });
    const office = await actorFor("ducha");
    expect(await refusal(returnPublicSummary(office, { taskId: task27, version: await submitted(task27), reason: " " }))).toEqual({
      code: "invalid",
      message: "请填写退回理由",
    });
    expect(await refusal(publishPublicView(office, { planId: "1" } as never))).toEqual({ code: "invalid", message: "缺少分解表" });
    expect(await auditCount()).toBe(audits + 1);
    expect(await db.select().from(publicViews)).toEqual([]);
  });

  it("publishing stores only the public fields; approval and staleness refresh them; withdrawing answers 404", async () => {
    const office = await actorFor("ducha");
    const filerId = (await actorFor("交通局-填报")).userId;
    // Internal facts planted on task 27: a returned report with problems and its filer's name.
    await db.update(users).set({ displayName: "李内部填报员" }).where(eq(users.id, filerId));
    await db
      .insert(progressReports)
      .values({
        taskId: task27,
        periodIndex: 11,
        unitId: (await actorFor("交通局")).unitId!,
        status: "accepted",
        progress: "内部进展正文",
        percent: 30,
        progressState: "lagging",
        problems: "资金拨付卡壳的内部问题",
        coordinationRequest: "请求协调征地",
        returnReason: "督查室内部退回意见",
        submittedAt: new Date("2022-06-16T02:00:00Z"),
        submittedBy: filerId,
      });
    const audits = await auditCount();
    await publishPublicView(office, { planId });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "public_view.publish", entity: "public_view", entityId: String(planId) });
    let page = await getPublicPage(planId);
    const row27 = page!.content.rows.find((r) => r.seq === 27)!;
    expect(row27).toEqual({
      number: "27",
      seq: 27,
      content: expect.stringContaining("通用机场"),
      leadUnits: ["交通局"],
      state: "lagging",
      summary: null,
      summaryDate: null,
    });
    expect(page!.content.rows.some((r) => r.seq === 1)).toBe(false); // 全面负责
    const stored = JSON.stringify((await db.select().from(publicViews))[0]!.content);
    for (const word of ["李内部填报员", "内部进展正文", "资金拨付卡壳", "请求协调征地", "督查室内部退回意见", "王国泉", "张军"])
      expect(stored).not.toContain(word);

    // Approval refreshes the stored content at once.
    await submitPublicSummary(await actorFor("交通局"), { taskId: task27, text: "省道216线完成工可批复。" });
    await approvePublicSummary(office, { taskId: task27, version: await submitted(task27) });
    page = await getPublicPage(planId);
    expect(page!.content.rows.find((r) => r.seq === 27)).toMatchObject({ summary: "省道216线完成工可批复。", summaryDate: "2022-06-20" });

    // A change elsewhere (a task closed) shows once the content is older than PUBLIC_REFRESH_SECONDS.
    await db
      .update(tasks)
      .set({ closedAt: new Date("2022-06-19T00:00:00Z") })
      .where(eq(tasks.id, task27));
    expect((await getPublicPage(planId))!.content.rows.find((r) => r.seq === 27)!.state).toBe("lagging");
    await db
      .update(publicViews)
      .set({ refreshedAt: new Date("2022-06-20T01:50:00Z") })
      .where(eq(publicViews.planId, planId));
    page = await getPublicPage(planId);
    expect(page!.content.rows.find((r) => r.seq === 27)!.state).toBe("completed");
    expect(page!.refreshedAt.toISOString()).toBe("2022-06-20T02:00:00.000Z");

    await withdrawPublicView(office, { planId });
    expect(await lastAudit()).toMatchObject({ action: "public_view.withdraw", entityId: String(planId) });
    expect(await getPublicPage(planId)).toBeNull();
    expect((await refusal(withdrawPublicView(office, { planId }))).code).toBe("conflict");
    // The summary stays for a later publication.
    expect((await summaryRow(task27))!.published).toBe("省道216线完成工可批复。");
  });

  // Two connections at once: a Postgres server only (the embedded PGlite serves one connection).
  it.skipIf(!postgresServer)("while another instance refreshes a plan's content, a visit serves the stored content at once instead of waiting", async () => {
    await publishPublicView(await actorFor("ducha"), { planId });
    await db
      .update(tasks)
      .set({ closedAt: new Date("2022-06-19T00:00:00Z") })
      .where(eq(tasks.id, task27));
    await db
      .update(publicViews)
      .set({ refreshedAt: new Date("2022-06-20T01:00:00Z") })
      .where(eq(publicViews.planId, planId));
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await client.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('public_view_refresh'), ${planId})`;
        const started = Date.now();
        const page = await getPublicPage(planId);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(page!.refreshedAt.toISOString()).toBe("2022-06-20T01:00:00.000Z");
        expect(page!.content.rows.find((r) => r.seq === 27)!.state).toBe("unreported");
      });
    } finally {
      await client.end();
    }
    // The lock released, the next visit refreshes.
    const page = await getPublicPage(planId);
    expect(page!.content.rows.find((r) => r.seq === 27)!.state).toBe("completed");
    expect(page!.refreshedAt.toISOString()).toBe("2022-06-20T02:00:00.000Z");
  });

  it("a draft plan cannot be published", async () => {
    const [draft] = await db.insert(plans).values({ year: 2031, title: "草稿分解表", state: "draft" }).returning({ id: plans.id });
    expect(await refusal(publishPublicView(await actorFor("ducha"), { planId: draft!.id }))).toEqual({
      code: "conflict",
      message: "草稿分解表尚未开始执行，不能公开",
    });
    expect((await refusal(publishPublicView(await actorFor("ducha"), { planId: 999999 }))).code).toBe("not_found");
  });

  // Two connections at once: a Postgres server only (the embedded PGlite serves one connection).
  it.skipIf(!postgresServer)("counts requests across two instances sharing the database and refuses past the limit", async () => {
    process.env.PUBLIC_RATE_LIMIT = "5";
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const other = drizzle(client, { schema });
    try {
      const at = new Date("2026-12-03T12:00:10Z");
      const bucket = publicBucket(planId, "198.51.100.7");
      const answers: boolean[] = [];
      for (let i = 0; i < 3; i++) {
        answers.push((await countPublicRequest(planId, "198.51.100.7", at)).allowed);
        await countHit(other, bucket, windowStartOf(at, 60)); // the second instance's request
      }
      expect(answers).toEqual([true, true, true]); // hits 1, 3, 5
      const refused = await countPublicRequest(planId, "198.51.100.7", at);
      expect(refused).toEqual({ allowed: false, hits: 7, retryAfter: 50 });
      // Another address, another plan: counted apart.
      expect((await countPublicRequest(planId, "198.51.100.8", at)).allowed).toBe(true);
      expect((await countPublicRequest(planId + 1, "198.51.100.7", at)).allowed).toBe(true);
      // The next window starts again, and the old windows' rows are removed.
      const later = new Date("2026-12-03T12:02:01Z");
      expect(await countPublicRequest(planId, "198.51.100.7", later)).toEqual({ allowed: true, hits: 1, retryAfter: null });
      const left = await db.select().from(rateLimitHits);
      expect(left.every((r) => r.windowStart.getTime() >= new Date("2026-12-03T12:01:00Z").getTime())).toBe(true);
    } finally {
      await client.end();
    }
  });

  it("the route answers the page with Cache-Control, 404 when not published, 429 with Retry-After past the limit", async () => {
    process.env.PUBLIC_RATE_LIMIT = "3";
    let response = await publicGet(String(planId));
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toContain("该页面未公开或已撤回。");

    await publishPublicView(await actorFor("ducha"), { planId });
    response = await publicGet(String(planId), "203.0.113.10", "?q=%E9%80%9A%E7%94%A8%E6%9C%BA%E5%9C%BA");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const body = await response.text();
    expect(body).toContain("通用机场");
    expect(body).toContain("共 71 项任务，符合条件的 1 项");
    expect(body).not.toMatch(/<script/i);

    for (let i = 0; i < 2; i++) expect((await publicGet(String(planId), "203.0.113.10")).status).toBe(200);
    response = await publicGet(String(planId), "203.0.113.10");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.text()).toContain("访问过于频繁，请在");
    expect((await publicGet("abc", "203.0.113.11")).status).toBe(404);
  });
});
