/**
 * 操作日志: the administrator's view of the audit log on a real database — filters by account
 * (its own events and the sign-in attempts in its name), by 「未登录」, by action and group, by day
 * and by record/IP; paging newest first with the selection's total; the streamed XLSX export read
 * back, itself audited, capped; and everyone else refused on the page, the service and the route.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { parseAuditSearch } from "@/lib/audit-log/filters";
import { DEFAULT_PAGE_SIZE as AUDIT_PAGE_SIZE } from "@/lib/paging";
import type { Actor } from "@/lib/auth/actor";
import { AUDIT_EXPORT_COLUMNS, AUDIT_EXPORT_MAX_ROWS, exportAuditLog, getAuditLogPage } from "@/lib/services/audit-log";
import { authenticate } from "@/lib/services/sign-in";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { CLIENT_ADDRESS_HEADER, EDGE_SERVER_ENV } from "@/lib/server/client-address";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const { GET } = await import("@/app/api/export/audit/route");
const { default: AuditLogPage } = await import("@/app/(app)/admin/audit/page");

const search = (params: Record<string, string>) => parseAuditSearch(params);
/** Shanghai wall-clock time on a fixture day of 2001 (no real event is that old). */
const at = (day: number, time: string) => new Date(`2001-03-${String(day).padStart(2, "0")}T${time}+08:00`);

let admin: Actor;
let transport: Actor;
let farming: Actor;

async function insert(rows: (typeof auditLog.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(auditLog).values(rows.slice(i, i + 1000));
}

describe("the audit log for the administrator", () => {
  beforeAll(async () => {
    await resetWithDemo();
    [admin, transport, farming] = await Promise.all([actorFor("admin"), actorFor("交通局"), actorFor("农牧局")]);
    const as = (actor: Actor) => ({ actorUserId: actor.userId, actorRole: actor.role, actorUnitId: actor.unitId });
    // Day 1: a small, known mix.
    await insert([
      { at: at(1, "08:00:00"), action: "auth.sign_in_failed", entity: "user", entityId: "交通局", ip: "203.0.113.9" },
      { at: at(1, "08:01:00"), action: "auth.sign_in_failed", entity: "user", entityId: "nobody", ip: "203.0.113.9" },
      { at: at(1, "08:02:00"), action: "auth.sign_in", entity: "user", entityId: String(transport.userId), ip: "10.0.0.8" },
      {
        at: at(1, "09:00:00"),
        ...as(transport),
        action: "report.submit",
        entity: "progress_report",
        entityId: "77",
        after: { version: 2, progress: '=HYPERLINK("http://evil")' },
        ip: "10.0.0.8",
      },
      { at: at(1, "09:30:00"), ...as(farming), action: "report.save_draft", entity: "progress_report", entityId: "78", ip: "10.0.0.9" },
      { at: at(1, "10:00:00"), ...as(admin), action: "user.reset_password", entity: "user", entityId: String(transport.userId), ip: "10.0.0.1" },
      {
        at: at(1, "10:05:00"),
        ...as(admin),
        action: "task.deadline_set",
        entity: "task",
        entityId: "24",
        before: { dueText: null },
        after: { dueText: "6月底前" },
        ip: "10.0.0.1",
      },
      { at: at(1, "11:00:00"), action: "legacy.thing", entity: "route", entityId: "x", ip: null },
      // Day 2 (Shanghai), though still 1 March in UTC: the day boundary is Shanghai's.
      { at: at(2, "07:00:00"), ...as(transport), action: "report.withdraw", entity: "progress_report", entityId: "77", ip: "10.0.0.8" },
      // Day 3: a username typed to be a spreadsheet formula.
      { at: at(3, "12:00:00"), action: "auth.sign_in_failed", entity: "user", entityId: "=cmd|' /C calc'!A0", ip: "203.0.113.10" },
    ]);
    // Days 10–11: 120 report drafts by 农牧局, one a minute, for paging.
    await insert(
      Array.from({ length: 120 }, (_, i) => ({
        at: new Date(at(10, "08:00:00").getTime() + i * 60_000),
        ...as(farming),
        action: "report.save_draft",
        entity: "progress_report",
        entityId: String(1000 + i),
        ip: "10.0.0.9",
      })),
    );
  });

  it("filters a day range by account: its own events and the sign-in attempts made in its name", async () => {
    const day = { from: "2001-03-01", to: "2001-03-01" };
    const all = await getAuditLogPage(admin, search(day));
    expect(all.total).toBe(8);
    expect(all.entries.map((e) => e.action)).toEqual([
      "legacy.thing",
      "task.deadline_set",
      "user.reset_password",
      "report.save_draft",
      "report.submit",
      "auth.sign_in",
      "auth.sign_in_failed",
      "auth.sign_in_failed",
    ]);

    const mine = await getAuditLogPage(admin, search({ ...day, user: String(transport.userId) }));
    expect(mine.total).toBe(3);
    expect(mine.entries.map((e) => [e.action, e.actor?.username ?? "未登录"])).toEqual([
      ["report.submit", "交通局"],
      ["auth.sign_in", "未登录"],
      ["auth.sign_in_failed", "未登录"],
    ]);
    // The admin's reset of 交通局's password is the admin's event, not 交通局's.
    expect((await getAuditLogPage(admin, search({ ...day, user: String(admin.userId) }))).entries.map((e) => e.action)).toEqual([
      "task.deadline_set",
      "user.reset_password",
    ]);

    // Both days: 交通局's withdrawal at 07:00 on 2 March (Shanghai) joins.
    expect((await getAuditLogPage(admin, search({ from: "2001-03-01", to: "2001-03-02", user: String(transport.userId) }))).total).toBe(4);
    expect((await getAuditLogPage(admin, search({ from: "2001-03-02", to: "2001-03-02" }))).entries.map((e) => e.action)).toEqual(["report.withdraw"]);
  });

  it("「未登录」: events with no actor, showing the username typed", async () => {
    const page = await getAuditLogPage(admin, search({ from: "2001-03-01", to: "2001-03-01", user: "anonymous" }));
    expect(page.total).toBe(4);
    const failed = page.entries.filter((e) => e.action === "auth.sign_in_failed");
    expect(failed.map((e) => [e.actor, e.typedUsername, e.actionLabel])).toEqual([
      [null, "nobody", "登录失败"],
      [null, "交通局", "登录失败"],
    ]);
    // A typed username that is an account names it; a success names the account by its id.
    expect(failed.find((e) => e.typedUsername === "交通局")!.subject?.id).toBe(transport.userId);
    const success = page.entries.find((e) => e.action === "auth.sign_in")!;
    expect(success.subject).toMatchObject({ id: transport.userId, username: "交通局" });
    expect(success.href).toBe(`/admin/users/${transport.userId}`);
  });

  it("filters by one action, by a group of the catalog, and by record or address", async () => {
    const day = { from: "2001-03-01", to: "2001-03-01" };
    expect((await getAuditLogPage(admin, search({ ...day, action: "report.submit" }))).entries.map((e) => e.entityId)).toEqual(["77"]);
    const auth = await getAuditLogPage(admin, search({ ...day, action: "group:auth" }));
    expect(auth.entries.map((e) => e.action)).toEqual(["auth.sign_in", "auth.sign_in_failed", "auth.sign_in_failed"]);
    const reports = await getAuditLogPage(admin, search({ ...day, action: "group:report" }));
    expect(reports.entries.map((e) => e.actionLabel)).toEqual(["保存报告草稿", "报送报告"]);
    // A name outside the catalog: filtered and shown as written.
    expect((await getAuditLogPage(admin, search({ ...day, action: "legacy.thing" }))).entries.map((e) => e.actionLabel)).toEqual(["legacy.thing"]);
    expect((await getAuditLogPage(admin, search({ ...day, q: "203.0.113.9" }))).total).toBe(2);
    // Exact, not a substring (each an index lookup).
    expect((await getAuditLogPage(admin, search({ ...day, q: "203.0.113" }))).total).toBe(0);
    expect((await getAuditLogPage(admin, search({ ...day, q: "77" }))).entries.map((e) => e.action)).toEqual(["report.submit"]);
    // LIKE wildcards are text, not patterns.
    expect((await getAuditLogPage(admin, search({ ...day, q: "%" }))).total).toBe(0);
    // The details: before and after, spaced out.
    const deadline = (await getAuditLogPage(admin, search({ ...day, action: "task.deadline_set" }))).entries[0]!;
    expect(deadline).toMatchObject({ href: "/tasks/24", entityLabel: "任务", actor: { displayName: admin.displayName, username: "admin", role: "管理员" } });
    expect(deadline.after).toBe('{\n  "dueText": "6月底前"\n}');
  });

  it("pages newest first: 50 a page, the total at the top, the last page partial, beyond it the last", async () => {
    const range = { from: "2001-03-10", to: "2001-03-11" };
    const pages = await Promise.all([1, 2, 3].map((page) => getAuditLogPage(admin, search({ ...range, page: String(page) }))));
    expect(pages.map((p) => [p.total, p.page, p.pages, p.entries.length])).toEqual([
      [120, 1, 3, AUDIT_PAGE_SIZE],
      [120, 2, 3, AUDIT_PAGE_SIZE],
      [120, 3, 3, 20],
    ]);
    const ids = pages.flatMap((p) => p.entries.map((e) => Number(e.entityId)));
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => 1119 - i));
    expect((await getAuditLogPage(admin, search({ ...range, page: "99" }))).page).toBe(3);
    expect(pages[0]!.entries[0]!.at).toBe("2001-03-10 09:59:00");
  });

  it("shows what the app itself writes: a failed sign-in by a typed name, under 「未登录」", async () => {
    // The audit log is append-only and shared by every test file on this database: an address of this test's own.
    await expect(authenticate({ username: "  交通局 ", password: "wrong-password", ip: "198.51.100.77" })).rejects.toThrow();
    const page = await getAuditLogPage(admin, search({ user: "anonymous", action: "auth.sign_in_failed", q: "198.51.100.77" }));
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ actor: null, typedUsername: "交通局", ip: "198.51.100.77", actionLabel: "登录失败" });
    // And under the account it was aimed at.
    expect((await getAuditLogPage(admin, search({ user: String(transport.userId), q: "198.51.100.77" }))).total).toBe(1);
  });

  it("is the administrator's alone: the page is not found, the service refuses", async () => {
    for (const username of ["ducha", "张军", "交通局", "交通局-填报"]) {
      const actor = await actorFor(username);
      await expect(getAuditLogPage(actor, search({}))).rejects.toMatchObject({ code: "forbidden" });
      await expect(exportAuditLog(actor, {})).rejects.toMatchObject({ code: "forbidden" });
      session.actor = actor;
      await expect(AuditLogPage({ searchParams: Promise.resolve({}) })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    }
    session.actor = null;
    await expect(AuditLogPage({ searchParams: Promise.resolve({}) })).rejects.toThrow(/NEXT_REDIRECT/);
    session.actor = admin;
    await expect(AuditLogPage({ searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
  });
});

describe("the audit log export", () => {
  // As the app's server (scripts/server.ts) hands requests on: the client's address resolved, in its own header.
  beforeAll(() => {
    process.env[EDGE_SERVER_ENV] = "1";
  });
  afterAll(() => {
    delete process.env[EDGE_SERVER_ENV];
  });

  async function download(actor: Actor | null, query: string, ip = "10.0.0.1") {
    session.actor = actor;
    return GET(new Request(`http://127.0.0.1:3100/api/export/audit${query}`, { headers: { [CLIENT_ADDRESS_HEADER]: ip, "x-forwarded-for": "203.0.113.66" } }));
  }

  it("streams the filtered selection as XLSX, newest first, formulas escaped, and records the export", async () => {
    const before = await auditCount();
    const response = await download(admin, "?from=2001-03-01&to=2001-03-01&action=group:auth");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("操作日志_"));
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheet!.data[0]).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(sheet!.data.slice(1).map((r) => [r[1], r[2], r[4], r[5]])).toEqual([
      ["未登录", null, "登录成功", "auth.sign_in"],
      ["未登录", "nobody", "登录失败", "auth.sign_in_failed"],
      ["未登录", "交通局", "登录失败", "auth.sign_in_failed"],
    ]);
    expect(sheet!.data[1]![0]).toBe("2001-03-01 08:02:00");

    // The export is itself in the log, with its filter and row count.
    expect(await auditCount()).toBe(before + 1);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, "audit.export")).orderBy(desc(auditLog.id)).limit(1);
    expect(row).toMatchObject({ actorUserId: admin.userId, actorRole: "admin", entity: "audit_log", ip: "10.0.0.1" });
    expect(row!.after).toEqual({ rows: 3, filter: { from: "2001-03-01", to: "2001-03-01", action: { kind: "group", group: "auth" } } });

    // 交通局's submission, with its payload: the text a spreadsheet would take for a formula is escaped.
    const submitted = await download(admin, `?from=2001-03-01&to=2001-03-01&user=${transport.userId}&action=report.submit`);
    const [submittedSheet] = await readXlsxFile(Buffer.from(await submitted.arrayBuffer()));
    expect(submittedSheet!.data).toHaveLength(2);
    const [, account, name, role, label, , entity, entityId, ip, , after] = submittedSheet!.data[1]!;
    expect([account, name, role, label, entity, entityId, ip]).toEqual(["交通局", transport.displayName, "单位", "报送报告", "报告", "77", "10.0.0.8"]);
    expect(JSON.parse(String(after))).toEqual({ version: 2, progress: '=HYPERLINK("http://evil")' });

    const typed = await download(admin, "?from=2001-03-03&to=2001-03-03");
    const [typedSheet] = await readXlsxFile(Buffer.from(await typed.arrayBuffer()));
    expect(typedSheet!.data.slice(1).map((r) => [r[1], r[2], r[7]])).toEqual([["未登录", "'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"]]);
  });

  it("writes a large selection in batches, every row once, newest first", async () => {
    const response = await download(admin, "?from=2001-03-10&to=2001-03-11");
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheet!.data.slice(1).map((r) => Number(r[7]))).toEqual(Array.from({ length: 120 }, (_, i) => 1119 - i));
  });

  it(`refuses a selection over ${AUDIT_EXPORT_MAX_ROWS} rows with a clear message`, async () => {
    await db.execute(sql`insert into audit_log (at, action, entity, entity_id)
      select timestamptz '2000-06-01 00:00:00+08' + make_interval(secs => g), 'bulk.fixture', 'route', g::text from generate_series(1, ${AUDIT_EXPORT_MAX_ROWS + 1}) g`);
    const response = await download(admin, "?from=2000-06-01&to=2000-06-30");
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("超过导出上限");
    expect((await download(admin, "?from=2000-06-01&to=2000-06-01&q=99999")).status).toBe(200);
  }, 60_000);

  it("refuses the signed out (401) and everyone but the administrator (404), recording each refusal", async () => {
    const before = await auditCount();
    expect((await download(null, "")).status).toBe(401);
    for (const username of ["ducha", "张军", "交通局", "交通局-填报"]) {
      const response = await download(await actorFor(username), "?user=anonymous");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).not.toContain("spreadsheetml");
    }
    expect(await auditCount()).toBe(before + 5);
    const refusals = await db
      .select({ actor: users.username, code: sql<string>`${auditLog.after}->>'code'` })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.action, "auth.refused"), eq(auditLog.entityId, "export.audit")))
      .orderBy(desc(auditLog.id))
      .limit(5);
    expect(refusals.map((r) => [r.actor, r.code]).reverse()).toEqual([
      [null, "unauthenticated"],
      ["ducha", "forbidden"],
      ["张军", "forbidden"],
      ["交通局", "forbidden"],
      ["交通局-填报", "forbidden"],
    ]);
    expect(await db.$count(auditLog, eq(auditLog.action, "audit.export"))).toBeGreaterThan(0);
  });
});
