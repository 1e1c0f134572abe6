/**
 * The inbox: each account reads only the notifications addressed to its unit, its leader or itself;
 * unread counts are per account; opening one marks it read for that account only; marking another
 * unit's notification is "not found" and writes nothing; 全部标为已读 is one audit row.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { leaders, notificationReads, notifications, units } from "@/db/schema";
import { notifyLeaders, notifyUnits, notifyUsers } from "@/lib/data/notifications";
import { isDomainError } from "@/lib/errors";
import { getInbox, getUnreadCount, getUnreadReminders, markAllNotificationsRead, markNotificationRead } from "@/lib/services/inbox";
import { sendReminders } from "@/lib/services/reminders";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { markNotificationReadAction, markAllNotificationsReadAction } = await import("@/app/(app)/inbox/actions");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}
async function leaderId(name: string) {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name));
  return row!.id;
}

describe("the inbox", () => {
  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("each account sees its unit's, its leader's and its own notifications, newest first; counts per account", async () => {
    const office = await actorFor("ducha");
    await notifyUnits(db, [await unitId("交通局")], { kind: "test", title: "给交通局的第一条", createdBy: office.userId });
    await notifyUnits(db, [await unitId("农牧局")], { kind: "test", title: "给农牧局", createdBy: office.userId });
    await notifyLeaders(db, [await leaderId("张军")], { kind: "test", title: "给张军", createdBy: office.userId });
    await notifyUsers(db, [office.userId], { kind: "test", title: "给督查室", createdBy: null });
    await notifyUnits(db, [await unitId("交通局")], { kind: "test", title: "给交通局的第二条", createdBy: office.userId });

    const head = await actorFor("交通局");
    const filer = await actorFor("交通局-填报");
    expect((await getInbox(head)).items.map((i) => i.title)).toEqual(["给交通局的第二条", "给交通局的第一条"]);
    expect((await getInbox(filer)).items.map((i) => i.title)).toEqual(["给交通局的第二条", "给交通局的第一条"]);
    expect((await getInbox(await actorFor("农牧局"))).items.map((i) => i.title)).toEqual(["给农牧局"]);
    expect((await getInbox(await actorFor("张军"))).items.map((i) => i.title)).toEqual(["给张军"]);
    expect((await getInbox(await actorFor("贾瑞"))).items).toEqual([]);
    expect((await getInbox(office)).items.map((i) => i.title)).toEqual(["给督查室"]);
    expect((await getInbox(await actorFor("admin"))).items).toEqual([]);

    expect(await getUnreadCount(head)).toBe(2);
    expect(await getUnreadCount(filer)).toBe(2);
    // The head opens one: read for the head only.
    const first = (await getInbox(head)).items[1]!;
    const audits = await auditCount();
    expect(await markNotificationRead(head, { id: first.id })).toMatchObject({ changed: true });
    expect(await auditCount()).toBe(audits + 1);
    expect(await getUnreadCount(head)).toBe(1);
    expect(await getUnreadCount(filer)).toBe(2);
    expect((await getInbox(head)).items.map((i) => i.read)).toEqual([false, true]);
    // Opening it again changes nothing and writes nothing.
    expect(await markNotificationRead(head, { id: first.id })).toMatchObject({ changed: false });
    expect(await auditCount()).toBe(audits + 1);
  });

  it("another unit's, another leader's or another account's notification cannot be marked: not found, nothing written", async () => {
    const office = await actorFor("ducha");
    await notifyUnits(db, [await unitId("农牧局")], { kind: "test", title: "给农牧局", createdBy: office.userId });
    await notifyLeaders(db, [await leaderId("张军")], { kind: "test", title: "给张军", createdBy: office.userId });
    await notifyUsers(db, [office.userId], { kind: "test", title: "给督查室", createdBy: null });
    const all = await db.select().from(notifications);
    const audits = await auditCount();
    for (const username of ["交通局", "交通局-填报", "贾瑞", "admin"]) {
      const actor = await actorFor(username);
      for (const n of all) expect(await code(markNotificationRead(actor, { id: n.id })), `${username} → ${n.title}`).toBe("not_found");
    }
    // A leader is not its own unit's: 张军 reads 张军's only, the office its own only.
    expect(await code(markNotificationRead(await actorFor("张军"), { id: all.find((n) => n.title === "给农牧局")!.id }))).toBe("not_found");
    expect(await code(markNotificationRead(office, { id: all.find((n) => n.title === "给张军")!.id }))).toBe("not_found");
    expect(await code(markNotificationRead(office, { id: 999_999 }))).toBe("not_found");
    expect(await db.$count(notificationReads)).toBe(0);
    expect(await auditCount()).toBe(audits);
    // 全部标为已读 by someone else touches nothing of theirs.
    await markAllNotificationsRead(await actorFor("交通局"));
    expect(await db.$count(notificationReads)).toBe(0);
    // Through the server action: refused as not found (the refusal is audited), nothing marked.
    session.actor = await actorFor("交通局");
    expect(await markNotificationReadAction({ id: all[0]!.id })).toMatchObject({ ok: false, message: "未找到该记录，或您无权查看" });
    expect(await markNotificationReadAction({ id: all[0]!.id, userId: 1 } as never)).toMatchObject({ ok: false });
    expect(await db.$count(notificationReads)).toBe(0);
  });

  it("after 一键催办: unread counts per account; 全部标为已读 is one audit row and empties the count", async () => {
    const office = await actorFor("ducha");
    await sendReminders(office, { periodIndex: 12 });
    await sendReminders(office, { periodIndex: 11 });
    const head = await actorFor("交通局");
    const filer = await actorFor("交通局-填报");
    expect(await getUnreadCount(head)).toBe(2);
    expect(await getUnreadCount(filer)).toBe(2);
    const inbox = await getInbox(head);
    expect(inbox.items.map((i) => i.title)).toEqual([
      expect.stringMatching(/^催办：2022年6月上半月/),
      expect.stringMatching(/^催办：请于 6月30日 24:00 前报送2022年6月下半月/),
    ]);
    expect(inbox).toMatchObject({ total: 2, unread: 2 });
    // The unit's home page shows its unread reminders (and nothing of other kinds).
    await notifyUnits(db, [head.unitId!], { kind: "notice", title: "通报", createdBy: office.userId });
    expect((await getUnreadReminders(head)).map((i) => i.kind)).toEqual(["reminder", "reminder"]);
    await markNotificationRead(head, { id: inbox.items[0]!.id });
    expect((await getUnreadReminders(head)).map((i) => i.id)).toEqual([inbox.items[1]!.id]);
    expect(await getUnreadReminders(await actorFor("农牧局-填报"))).toHaveLength(2);

    session.actor = filer;
    const audits = await auditCount();
    expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: true, data: { count: 3 } });
    expect(await auditCount()).toBe(audits + 1);
    expect(await getUnreadCount(filer)).toBe(0);
    expect(await getUnreadCount(head)).toBe(2); // one reminder and the notice
    // Nothing left to mark: nothing written.
    expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: true, data: { count: 0 } });
    expect(await auditCount()).toBe(audits + 1);
    // Only unread for the head; a newer notification is unread for both again.
    await notifyUnits(db, [head.unitId!], { kind: "test", title: "新的", createdBy: office.userId });
    expect(await getUnreadCount(filer)).toBe(1);
    expect(await getUnreadCount(head)).toBe(3);
    expect((await getInbox(head, { state: "unread" })).items.map((i) => i.title)).toEqual(["新的", "通报", expect.stringMatching(/^催办：请于/)]);
  });

  it("a link outside the app is never followed", async () => {
    const head = await actorFor("交通局");
    await notifyUnits(db, [head.unitId!], { kind: "test", title: "外链", link: "https://evil.example/", createdBy: null });
    await notifyUnits(db, [head.unitId!], { kind: "test", title: "协议相对", link: "//evil.example/", createdBy: null });
    await notifyUnits(db, [head.unitId!], { kind: "test", title: "站内", link: "/unit", createdBy: null });
    const items = (await getInbox(head)).items;
    expect(items.map((i) => [i.title, i.link])).toEqual([
      ["站内", "/unit"],
      ["协议相对", null],
      ["外链", null],
    ]);
    expect(await markNotificationRead(head, { id: items[1]!.id })).toMatchObject({ link: null });
  });
});
