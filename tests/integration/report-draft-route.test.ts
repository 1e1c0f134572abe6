/**
 * The draft save the form sends with `keepalive` when the page is hidden or closed:
 * the same checks as the server action (signed in, same origin, strict zod, lead unit, versions).
 */
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, progressReports } from "@/db/schema";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getReportForm } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const { POST } = await import("@/app/api/reports/[taskId]/[period]/draft/route");

const ORIGIN = "http://luoshi.test";
const FIELDS: ReportFields = { progress: "页面关闭前的内容", percent: 40, progressState: "lagging", problems: "", nextSteps: "", coordinationRequest: "" };

async function save(body: unknown, headers: Record<string, string> = { origin: ORIGIN }, taskId = "24", period = "12") {
  const request = new Request(`${ORIGIN}/api/reports/${taskId}/${period}/draft`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ taskId, period }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const reportCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(progressReports))[0]!.n;

describe("page-hide draft save (route handler)", () => {
  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    await resetWithDemo();
    session.actor = await actorFor("交通局-填报");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("saves the draft with its version and one audit row; a stale version gets the newer text (409)", async () => {
    const before = await auditCount();
    expect(await save({ baseVersion: 0, ...FIELDS })).toEqual({
      status: 200,
      body: { ok: true, data: { version: 1, status: "draft", savedAt: new Date("2022-06-20T10:00+08:00").toISOString() } },
    });
    expect(await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before)).toEqual([{ action: "report.save_draft" }]);
    expect((await getReportForm(session.actor!, { taskId: 24, periodIndex: 12 })).report?.fields).toEqual(FIELDS);

    const stale = await save({ baseVersion: 0, ...FIELDS, progress: "旧版本上的修改" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, current: { version: 1, fields: FIELDS } });
  });

  it("refuses the signed out (401), other sites (403), other units (404), bad input and extra fields (400)", async () => {
    session.actor = null;
    expect((await save({ baseVersion: 0, ...FIELDS })).status).toBe(401);
    session.actor = await actorFor("交通局-填报");
    expect((await save({ baseVersion: 0, ...FIELDS }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await save({ baseVersion: 0, ...FIELDS }, {})).status).toBe(403);
    for (const other of ["乌兰镇", "农牧局-填报", "ducha", "张军"]) {
      session.actor = await actorFor(other);
      expect((await save({ baseVersion: 0, ...FIELDS })).status, other).toBe(404);
    }
    session.actor = await actorFor("交通局-填报");
    const bad = await save({ baseVersion: 0, ...FIELDS, percent: 150 });
    expect(bad).toMatchObject({ status: 400, body: { message: "完成进度不能超过 100%", fieldErrors: { percent: ["完成进度不能超过 100%"] } } });
    expect((await save({ baseVersion: 0, ...FIELDS, unitId: 1 })).status).toBe(400);
    expect((await save("not json")).status).toBe(400);
    expect((await save({ baseVersion: 0, ...FIELDS, progress: "长".repeat(40_000) })).status).toBe(413);
    // The path names the report: a body cannot point the save at another task.
    expect((await save({ baseVersion: 0, ...FIELDS, taskId: 15 })).status).toBe(200);
    expect(await db.select({ taskId: progressReports.taskId }).from(progressReports)).toEqual([{ taskId: 24 }]);
    expect(await reportCount()).toBe(1);
  });
});
