/**
 * The inbox paged: page 2 holds the next messages, a page past the end the last page; all / unread /
 * read on every page with the selection's total; oldest first; another unit's messages on no page;
 * 全部标为已读 marks every unread message of the account, not only the page shown.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notifyUnits } from "@/lib/data/notifications";
import { INBOX_ORDER, type InboxState, parseInboxSearch } from "@/lib/inbox/query";
import type { SortOrder } from "@/lib/paging";
import { getInbox, type InboxItem, markAllNotificationsRead, markNotificationRead } from "@/lib/services/inbox";
import { actorFor, resetWithDemo } from "../support/db";

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

async function everyPage(actor: Actor, state: InboxState = "all", sort: SortOrder<"date"> = INBOX_ORDER) {
  const first = await getInbox(actor, { state, paging: { page: 1, size: 20, sort } });
  const items: InboxItem[] = [...first.items];
  for (let page = 2; page <= first.pages; page++) items.push(...(await getInbox(actor, { state, paging: { page, size: 20, sort } })).items);
  return { first, items };
}

describe("the inbox, paged", () => {
  let head: Actor;

  beforeAll(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    const office = await actorFor("ducha");
    head = await actorFor("交通局");
    const [mine, theirs] = [await unitId("交通局"), await unitId("农牧局")];
    for (let i = 1; i <= 45; i++) await notifyUnits(db, [mine], { kind: "test", title: `交通局-${i}`, createdBy: office.userId });
    for (let i = 1; i <= 30; i++) await notifyUnits(db, [theirs], { kind: "test", title: `农牧局-${i}`, createdBy: office.userId });
    // Read: every third of 交通局's (15 of 45).
    const all = (await getInbox(head, { paging: { page: 1, size: 100, sort: INBOX_ORDER } })).items;
    for (const item of all.filter((i) => Number(i.title.split("-")[1]) % 3 === 0)) await markNotificationRead(head, { id: item.id });
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("pages: the next messages on page 2, the rest on the last, a page past the end is the last", async () => {
    const { first, items } = await everyPage(head);
    expect(first).toMatchObject({ total: 45, unread: 30, selected: 45, page: 1, pages: 3, size: 20 });
    expect(items.map((i) => i.title)).toEqual(Array.from({ length: 45 }, (_, i) => `交通局-${45 - i}`));
    const past = await getInbox(head, { paging: { page: 9, size: 20, sort: INBOX_ORDER } });
    expect(past.page).toBe(3);
    expect(past.items.map((i) => i.title)).toEqual(["交通局-5", "交通局-4", "交通局-3", "交通局-2", "交通局-1"]);
  });

  it("unread and read on every page, each with its own total; oldest first turns the order around", async () => {
    const unread = await everyPage(head, "unread");
    expect(unread.first).toMatchObject({ selected: 30, pages: 2, total: 45, unread: 30 });
    expect(unread.items).toHaveLength(30);
    expect(unread.items.every((i) => !i.read && Number(i.title.split("-")[1]) % 3 !== 0)).toBe(true);
    const read = await everyPage(head, "read");
    expect(read.first).toMatchObject({ selected: 15, pages: 1 });
    expect(read.items.every((i) => i.read)).toBe(true);
    const oldest = await everyPage(head, "all", { key: "date", descending: false });
    expect(oldest.items.map((i) => i.title)).toEqual(Array.from({ length: 45 }, (_, i) => `交通局-${i + 1}`));
  });

  it("another unit's messages are on no page of any state", async () => {
    for (const state of ["all", "unread", "read"] as const) {
      const { items } = await everyPage(head, state);
      expect(items.every((i) => i.title.startsWith("交通局-"))).toBe(true);
    }
    const theirs = await everyPage(await actorFor("农牧局"));
    expect(theirs.first.total).toBe(30);
    expect(theirs.items.every((i) => i.title.startsWith("农牧局-"))).toBe(true);
  });

  it("the URL never throws: unknown state, size or sort fall back", () => {
    expect(parseInboxSearch({ filter: "everything", size: "7", sort: "-nope", page: "-3" })).toEqual({
      state: "all",
      paging: { page: 1, size: 50, sort: INBOX_ORDER },
    });
    expect(parseInboxSearch({ filter: "read", sort: "date", page: "2" })).toMatchObject({
      state: "read",
      paging: { page: 2, sort: { key: "date", descending: false } },
    });
  });

  it("全部标为已读 marks every unread message of the account (every page), and no other unit's", async () => {
    const filer = await actorFor("交通局-填报");
    expect((await getInbox(filer, { state: "unread" })).selected).toBe(45);
    expect(await markAllNotificationsRead(filer)).toEqual({ count: 45 });
    expect((await getInbox(filer, { state: "unread" })).selected).toBe(0);
    expect((await getInbox(head)).unread).toBe(30); // read state is per account
    expect((await getInbox(await actorFor("农牧局"))).unread).toBe(30);
  });
});
