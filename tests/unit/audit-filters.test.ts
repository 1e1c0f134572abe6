/** The 操作日志 filters: parsed from the URL without ever throwing, written back for links and the export; the page window; entries as shown. */
import { describe, expect, it } from "vitest";
import { auditQuery, auditTimeRange, parseAuditSearch } from "@/lib/audit-log/filters";
import { pageCount, pageWindow } from "@/lib/paging";
import { namedAccounts, presentAuditEntry, recordHref } from "@/lib/audit-log/present";

describe("parsing the 操作日志 filters", () => {
  it("reads an account, an action, a group, dates, text and the page", () => {
    expect(parseAuditSearch({ user: "12", action: "report.submit", from: "2026-11-01", to: "2026-11-30", q: " 10.0.0.8 ", page: "3" })).toEqual({
      filter: {
        actor: { kind: "user", userId: 12 },
        action: { kind: "action", action: "report.submit" },
        from: "2026-11-01",
        to: "2026-11-30",
        text: "10.0.0.8",
      },
      page: 3,
      size: 50,
    });
    expect(parseAuditSearch(new URLSearchParams("user=anonymous&action=group:auth"))).toEqual({
      filter: { actor: { kind: "anonymous" }, action: { kind: "group", group: "auth" } },
      page: 1,
      size: 50,
    });
    // A name outside the catalog is still a filter (an older build's action), shown raw.
    expect(parseAuditSearch({ action: "legacy.thing" }).filter.action).toEqual({ kind: "action", action: "legacy.thing" });
  });

  it("drops what does not parse instead of failing the page", () => {
    expect(parseAuditSearch({ user: "-1", action: "group:nope", from: "2026-02-30", to: "yesterday", page: "0", q: "   ", size: "7" })).toEqual({
      filter: {},
      page: 1,
      size: 50,
    });
    expect(parseAuditSearch({ user: "x'; drop table", action: "report.submit; --", page: "abc", size: "100" })).toEqual({ filter: {}, page: 1, size: 100 });
    expect(parseAuditSearch({ q: "a".repeat(101) }).filter.text).toBeUndefined();
    expect(parseAuditSearch({ user: ["7", "8"] }).filter.actor).toEqual({ kind: "user", userId: 7 });
  });

  it("writes the filter back as the query string, page 1 left out, and round-trips", () => {
    const search = parseAuditSearch({ user: "anonymous", action: "group:account", from: "2026-11-01", q: "交通局", page: "2" });
    const query = auditQuery(search.filter, search.page);
    expect(query).toBe("user=anonymous&action=group%3Aaccount&from=2026-11-01&q=%E4%BA%A4%E9%80%9A%E5%B1%80&page=2");
    expect(parseAuditSearch(new URLSearchParams(query))).toEqual(search);
    expect(auditQuery({}, 1)).toBe("");
  });

  it("takes the dates as Shanghai days, the end day included", () => {
    const { since, before } = auditTimeRange({ from: "2026-11-01", to: "2026-11-30" });
    expect(since!.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(before!.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(auditTimeRange({})).toEqual({});
  });

  it("counts pages and shows the first, the last and two either side of the current one", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(10, 20000)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20000]);
    expect(pageWindow(3, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
  });
});

describe("an entry as the page shows it", () => {
  const base = {
    id: 1,
    at: new Date("2026-11-30T23:59:58Z"),
    actorUserId: null,
    actorRole: null,
    actorUsername: null,
    actorDisplayName: null,
    before: null,
    after: null,
    ip: "10.0.0.8",
  };

  it("a failed sign-in: 「未登录」 with the username typed", () => {
    const view = presentAuditEntry({ ...base, action: "auth.sign_in_failed", entity: "user", entityId: "交通局" }, [
      { id: 9, username: "交通局", displayName: "交通局" },
    ]);
    expect(view).toMatchObject({
      at: "2026-12-01 07:59:58",
      actor: null,
      typedUsername: "交通局",
      actionLabel: "登录失败",
      entityLabel: "账号",
      href: "/admin/users/9",
    });
  });

  it("an account's change: its name, role, the record linked, before/after spaced out", () => {
    const view = presentAuditEntry({
      ...base,
      actorUserId: 1,
      actorRole: "admin",
      actorUsername: "admin",
      actorDisplayName: "系统管理员",
      action: "task.deadline_set",
      entity: "task",
      entityId: "24",
      before: { dueText: null },
      after: { dueText: "6月底前" },
    });
    expect(view.actor).toEqual({ displayName: "系统管理员", username: "admin", role: "管理员" });
    expect(view.typedUsername).toBeNull();
    expect(view.href).toBe("/tasks/24");
    expect(view.after).toBe('{\n  "dueText": "6月底前"\n}');
    expect(presentAuditEntry({ ...base, action: "x.y", entity: "route", entityId: "export.audit" }).href).toBeNull();
  });

  it("links only numeric ids of records that have a page", () => {
    expect(recordHref("notice", "5")).toBe("/notices/5");
    expect(recordHref("notice", "../x")).toBeNull();
    expect(recordHref("plan", "3/12")).toBeNull();
    expect(recordHref("finding", "5")).toBeNull();
    expect(
      namedAccounts([
        { entity: "user", entityId: "7" },
        { entity: "user", entityId: "交通局" },
        { entity: "task", entityId: "8" },
      ]),
    ).toEqual({ ids: [7], usernames: ["交通局"] });
  });
});
