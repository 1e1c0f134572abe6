/**
 * The notice lists paged (/notices for a unit, a leader and the office; the office's published list):
 * page 2 holds the next notices, a page past the end the last page; 类别, 年度 and 签收 on every page
 * with the selection's total; oldest first; a unit or a leader sees only what was addressed to it on
 * every page, whatever the filter; a draft is on no list but the office's drafts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { leaders, noticeRecipients, notices, plans, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NOTICE_ORDER, type NoticeListFilter, type NoticeSort, parseNoticeListSearch } from "@/lib/notices/list-query";
import type { SortOrder } from "@/lib/paging";
import { listInbox, listNoticesForOfficePage } from "@/lib/services/notices";
import { actorFor, resetWithDemo } from "../support/db";

type InboxRow = Awaited<ReturnType<typeof listInbox>>["rows"][number];

async function everyPage(actor: Actor, filter: NoticeListFilter = {}, sort: SortOrder<NoticeSort> = NOTICE_ORDER) {
  const search = (page: number) => ({ filter, paging: { page, size: 20 as const, sort } });
  const first = await listInbox(actor, search(1));
  const rows: InboxRow[] = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await listInbox(actor, search(page))).rows);
  return { first, rows };
}

describe("notice lists, paged", () => {
  let jiaotong: Actor;
  let nongmu: Actor;
  let zhang: Actor;
  let office: Actor;

  beforeAll(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    const [plan] = await db.select({ id: plans.id }).from(plans);
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    const unitOf = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
    const [jt, nm] = [await unitOf("交通局"), await unitOf("农牧局")];
    const [zj] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "张军"));
    // 30 progress circulars of 2022 and 12 criticisms of 2021, one a day; a draft.
    const made = [
      ...Array.from({ length: 30 }, (_, i) => ({ kind: "progress" as const, year: 2022, number: i + 1 })),
      ...Array.from({ length: 12 }, (_, i) => ({ kind: "criticism" as const, year: 2021, number: i + 1 })),
    ];
    for (const [i, n] of made.entries()) {
      const [row] = await db
        .insert(notices)
        .values({
          planId: plan!.id,
          ...n,
          status: "published",
          title: `${n.kind === "progress" ? "进展" : "批评"}-${n.number}`,
          body: "正文",
          createdBy: admin!.id,
          publishedBy: admin!.id,
          publishedAt: new Date(Date.UTC(2022, 0, 1 + i)),
        })
        .returning({ id: notices.id });
      const acknowledgedAt = n.kind === "progress" && n.number % 3 === 0 ? new Date(Date.UTC(2022, 5, 1)) : null;
      await db.insert(noticeRecipients).values({ noticeId: row!.id, unitId: jt, acknowledgedAt });
      if (n.kind === "progress" && n.number <= 10) await db.insert(noticeRecipients).values({ noticeId: row!.id, unitId: nm });
      if (n.kind === "criticism") await db.insert(noticeRecipients).values({ noticeId: row!.id, leaderId: zj!.id });
    }
    await db.insert(notices).values({ planId: plan!.id, kind: "progress", year: 2022, title: "草稿", body: "草稿", createdBy: admin!.id });
    [jiaotong, nongmu, zhang, office] = [await actorFor("交通局"), await actorFor("农牧局"), await actorFor("张军"), await actorFor("ducha")];
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("a unit's list: the next notices on page 2, not yet acknowledged first, a page past the end is the last", async () => {
    const { first, rows } = await everyPage(jiaotong);
    expect(first).toMatchObject({ mode: "recipient", total: 42, page: 1, pages: 3, size: 20, pending: 32 });
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((r) => r.id)).size).toBe(42);
    // The 32 waiting for 签收 first, newest first; then the 10 acknowledged, newest first.
    expect(rows.slice(0, 32).every((r) => r.acknowledgedAt === null)).toBe(true);
    expect(rows.slice(32).every((r) => r.acknowledgedAt !== null)).toBe(true);
    const times = rows.slice(0, 32).map((r) => r.publishedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const past = await listInbox(jiaotong, { filter: {}, paging: { page: 7, size: 20, sort: NOTICE_ORDER } });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.id)).toEqual(rows.slice(40).map((r) => r.id));
  });

  it("类别, 年度 and 签收 hold on every page with their own totals; the pending count stays the whole list's", async () => {
    const criticism = await everyPage(jiaotong, { kind: "criticism" });
    expect(criticism.first).toMatchObject({ total: 12, pages: 1, pending: 32 });
    expect(criticism.rows.every((r) => r.kind === "criticism" && r.year === 2021)).toBe(true);
    const year = await everyPage(jiaotong, { year: 2022 });
    expect(year.first.total).toBe(30);
    expect(year.rows.every((r) => r.year === 2022)).toBe(true);
    const pending = await everyPage(jiaotong, { state: "pending" });
    expect(pending.first).toMatchObject({ total: 32, pages: 2 });
    expect(pending.rows.every((r) => r.acknowledgedAt === null)).toBe(true);
    const done = await everyPage(jiaotong, { state: "acknowledged", kind: "progress", year: 2022 });
    expect(done.first.total).toBe(10);
    expect(done.rows.map((r) => r.title).sort()).toEqual([
      "进展-12",
      "进展-15",
      "进展-18",
      "进展-21",
      "进展-24",
      "进展-27",
      "进展-3",
      "进展-30",
      "进展-6",
      "进展-9",
    ]);
    expect((await everyPage(jiaotong, { year: 2020 })).first).toMatchObject({ total: 0, pages: 1, page: 1 });
  });

  it("oldest first turns the order around (within 未签收 first)", async () => {
    const newest = (await everyPage(jiaotong, { kind: "criticism" })).rows.map((r) => r.id);
    const oldest = (await everyPage(jiaotong, { kind: "criticism" }, { key: "date", descending: false })).rows.map((r) => r.id);
    expect(oldest).toEqual([...newest].reverse());
  });

  it("a unit and a leader see only what was addressed to them, on every page, whatever the filter", async () => {
    const own = await everyPage(nongmu);
    expect(own.first.total).toBe(10);
    expect(own.rows.map((r) => r.title).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `进展-${i + 1}`).sort());
    expect((await everyPage(nongmu, { kind: "criticism" })).first.total).toBe(0);
    const leader = await everyPage(zhang);
    expect(leader.first.total).toBe(12);
    expect(leader.rows.every((r) => r.kind === "criticism")).toBe(true);
    expect((await everyPage(zhang, { year: 2022 })).rows).toEqual([]);
    // No account of either sees the draft.
    expect([...own.rows, ...leader.rows].some((r) => r.title === "草稿")).toBe(false);
  });

  it("the office: every published notice, paged and filtered; the drafts apart", async () => {
    const all = await everyPage(office);
    expect(all.first).toMatchObject({ mode: "all", total: 42, pages: 3, years: [2022, 2021] });
    expect(all.rows.some((r) => r.title === "草稿")).toBe(false);
    expect((await everyPage(office, { kind: "progress", year: 2022 })).first.total).toBe(30);
    const page = await listNoticesForOfficePage(office, { filter: { kind: "criticism" }, paging: { page: 1, size: 20, sort: NOTICE_ORDER } });
    expect(page.published).toMatchObject({ total: 12, pages: 1 });
    expect(page.published.rows.every((r) => r.kind === "criticism")).toBe(true);
    expect(page.published.rows[0]).toMatchObject({ recipients: 2, acknowledged: 0 });
    expect(page.drafts.map((d) => d.title)).toEqual(["草稿"]);
  });

  it("the URL never throws: what does not parse is not applied", () => {
    expect(parseNoticeListSearch({ kind: "memo", year: "abc", state: "x", size: "3", sort: "-x" })).toEqual({
      filter: { kind: undefined, year: undefined, state: undefined },
      paging: { page: 1, size: 50, sort: NOTICE_ORDER },
    });
    expect(parseNoticeListSearch({ kind: "criticism", year: "2021", state: "pending", sort: "date" })).toMatchObject({
      filter: { kind: "criticism", year: 2021, state: "pending" },
      paging: { sort: { key: "date", descending: false } },
    });
  });
});
