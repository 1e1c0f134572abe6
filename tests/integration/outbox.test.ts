/**
 * Issue 16, the outbox: every in-app message is queued for delivery in the same transaction; a worker
 * sends what is due, with retries and backoff, never twice; quiet hours, the daily cap and 每日汇总 are
 * kept by the app clock; a recipient is only ever the message's own.
 * A local HTTP receiver (the SMS gateway here) is started by this file on 127.0.0.1.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deliveryPreferences, outboxMessages, reminders, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { saveChannelRow } from "@/lib/data/delivery-channels";
import { notifyLeaders, notifyUnits, notifyUsers } from "@/lib/data/notifications";
import { channelSummary, sealChannelConfig } from "@/lib/delivery/channel-store";
import type { SmsConfig } from "@/lib/delivery/channels";
import { deliverDue } from "@/lib/delivery/worker";
import { getReminderPage, sendReminders } from "@/lib/services/reminders";
import { actorFor, resetWithDemo } from "../support/db";
import { type HttpReceiver, startHttpReceiver } from "../support/receivers";

const bj = (local: string) => new Date(`${local}+08:00`);
const OK = { status: 200, body: "OK:1" };

let gateway: HttpReceiver;
let office: Actor;

function smsConfig(): SmsConfig {
  return { kind: "sms", url: `${gateway.origin}/sms`, method: "POST", encoding: "form", template: "mobile={mobile}&content={text}", successText: "OK" };
}

async function setUpSms() {
  const config = smsConfig();
  await saveChannelRow(db, {
    kind: "sms",
    enabled: true,
    sealedConfig: sealChannelConfig(config),
    summary: channelSummary(config),
    updatedBy: office.userId,
    at: new Date(),
  });
}

async function usersOfUnits(unitIds: readonly number[]) {
  return db
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(and(inArray(users.unitId, [...unitIds]), eq(users.disabled, false)));
}

/** Every account of these units gets a mobile number (SMS is then its default channel). */
async function giveMobiles(userIds: readonly number[]) {
  await db
    .insert(deliveryPreferences)
    .values(userIds.map((userId) => ({ userId, mobile: `139${String(userId).padStart(8, "0")}` })))
    .onConflictDoNothing();
}

async function rowsFor(userIds: readonly number[]) {
  return db
    .select()
    .from(outboxMessages)
    .where(inArray(outboxMessages.userId, [...userIds]))
    .orderBy(outboxMessages.id);
}

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

/** The texts the gateway received, decoded. */
const received = () => gateway.requests.map((r) => new URLSearchParams(r.body));

beforeAll(async () => {
  gateway = await startHttpReceiver(OK);
});
afterAll(async () => {
  await gateway.close();
  delete process.env.APP_NOW;
});

beforeEach(async () => {
  process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  await resetWithDemo();
  office = await actorFor("ducha");
  gateway.requests.length = 0;
});
afterEach(() => {
  gateway.reply(); // nothing queued for the next test
});

describe("with no channel set up", () => {
  it("一键催办 leaves every message in the app and the log says 未配置渠道, one row per account", async () => {
    const owed = (await getReminderPage(office, { periodIndex: 10 })).owed.map((u) => u.unitId);
    expect(owed.length).toBeGreaterThan(1);
    await sendReminders(office, { periodIndex: 10 });
    const accounts = await usersOfUnits(owed);
    const rows = await rowsFor(accounts.map((a) => a.id));
    expect(rows).toHaveLength(accounts.length);
    expect(rows.every((r) => r.state === "unconfigured" && r.channel === null && r.lastAnswer === "未配置渠道")).toBe(true);
    expect(await deliverDue({ at: bj("2022-06-20T10:01") })).toEqual({ sent: 0, failed: 0, retrying: 0, digests: 0 });
    expect(gateway.requests).toHaveLength(0);
  });
});

describe("with SMS set up", () => {
  beforeEach(async () => {
    await setUpSms();
  });

  it("一键催办: exactly one SMS per account of each owing unit, none to anyone else; the 催办 is done before anything is sent", async () => {
    const owed = (await getReminderPage(office, { periodIndex: 10 })).owed.map((u) => u.unitId);
    const accounts = await usersOfUnits(owed);
    const everyone = await db.select({ id: users.id }).from(users);
    await giveMobiles(everyone.map((u) => u.id));

    await sendReminders(office, { periodIndex: 10 });
    // The reminder is committed and its messages queued, nothing sent yet.
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(reminders))[0]!.n).toBeGreaterThan(0);
    expect(gateway.requests).toHaveLength(0);
    const queued = await db.select().from(outboxMessages);
    expect(queued.map((r) => r.userId).sort((a, b) => a - b)).toEqual(accounts.map((a) => a.id).sort((a, b) => a - b));
    expect(queued.every((r) => r.channel === "sms" && r.state === "pending" && r.kind === "reminder")).toBe(true);

    const run = await deliverDue({ at: bj("2022-06-20T10:00:05"), limit: 500 });
    expect(run).toMatchObject({ sent: accounts.length, failed: 0, retrying: 0 });
    const mobiles = received().map((p) => p.get("mobile"));
    expect(new Set(mobiles).size).toBe(accounts.length);
    expect(mobiles.sort()).toEqual(accounts.map((a) => `139${String(a.id).padStart(8, "0")}`).sort());
    // What the unit reads: the app's name, then the reminder's own title.
    expect(received()[0]!.get("content")!.startsWith(`【落实】${queued[0]!.title}\n`)).toBe(true);
    // A second pass sends nothing again.
    expect((await deliverDue({ at: bj("2022-06-20T10:05") })).sent).toBe(0);
    expect(gateway.requests).toHaveLength(accounts.length);
  });

  it("a gateway answering 500 twice then 200: delivered on the third attempt, each attempt logged", async () => {
    const [filer] = await usersOfUnits([await unitId("交通局")]);
    await giveMobiles([filer!.id]);
    gateway.reply({ status: 500, body: "busy" }, { status: 500, body: "busy" }, OK);
    await notifyUsers(db, [filer!.id], { kind: "reminder", title: "请于6月25日前报送", createdBy: office.userId });

    expect(await deliverDue({ at: bj("2022-06-20T10:00") })).toMatchObject({ sent: 0, retrying: 1 });
    let [row] = await rowsFor([filer!.id]);
    expect(row).toMatchObject({ state: "pending", attempts: 1, dueAt: bj("2022-06-20T10:00:30") });
    expect(row!.lastAnswer).toContain("500");
    // Not before its time.
    expect(await deliverDue({ at: bj("2022-06-20T10:00:20") })).toMatchObject({ sent: 0, retrying: 0 });
    expect(await deliverDue({ at: bj("2022-06-20T10:00:30") })).toMatchObject({ retrying: 1 });
    [row] = await rowsFor([filer!.id]);
    expect(row).toMatchObject({ state: "pending", attempts: 2, dueAt: bj("2022-06-20T10:01:30") });
    expect(await deliverDue({ at: bj("2022-06-20T10:01:30") })).toMatchObject({ sent: 1 });
    [row] = await rowsFor([filer!.id]);
    expect(row).toMatchObject({ state: "sent", attempts: 3, sentAt: bj("2022-06-20T10:01:30") });
    expect(row!.lastAnswer).toContain("OK:1");
    expect(gateway.requests).toHaveLength(3);
  });

  it("a gateway that never takes it: failed after the last attempt, and left alone", async () => {
    const [filer] = await usersOfUnits([await unitId("交通局")]);
    await giveMobiles([filer!.id]);
    gateway.reply(...Array.from({ length: 6 }, () => ({ status: 503, body: "down" })));
    await notifyUsers(db, [filer!.id], { kind: "reminder", title: "催办", createdBy: office.userId });
    let at = bj("2022-06-20T10:00").getTime();
    for (let i = 0; i < 6; i++) {
      await deliverDue({ at: new Date(at) });
      const [row] = await rowsFor([filer!.id]);
      at = row!.dueAt.getTime();
    }
    const [row] = await rowsFor([filer!.id]);
    expect(row).toMatchObject({ state: "failed", attempts: 6 });
    await deliverDue({ at: new Date(at + 3_600_000) });
    expect(gateway.requests).toHaveLength(6);
  });

  it("quiet hours hold an SMS written at 23:00 until 07:00 by the app clock", async () => {
    const [filer] = await usersOfUnits([await unitId("交通局")]);
    await giveMobiles([filer!.id]);
    process.env.APP_NOW = "2022-06-20T23:00:00+08:00";
    await notifyUsers(db, [filer!.id], { kind: "reminder", title: "夜间催办", createdBy: office.userId });
    expect((await rowsFor([filer!.id]))[0]!.dueAt).toEqual(bj("2022-06-21T07:00"));
    expect((await deliverDue({ at: bj("2022-06-21T06:59") })).sent).toBe(0);
    expect(gateway.requests).toHaveLength(0);
    expect((await deliverDue({ at: bj("2022-06-21T07:00") })).sent).toBe(1);
    expect(gateway.requests).toHaveLength(1);
  });

  it("the daily cap: the sixth message of the day joins the digest, which goes out as one message at 07:00", async () => {
    const [filer] = await usersOfUnits([await unitId("交通局")]);
    await giveMobiles([filer!.id]);
    for (let i = 1; i <= 6; i++) await notifyUsers(db, [filer!.id], { kind: "reminder", title: `第${i}条`, createdBy: office.userId });
    const rows = await rowsFor([filer!.id]);
    expect(rows.map((r) => r.state)).toEqual(["pending", "pending", "pending", "pending", "pending", "held"]);
    expect(rows[5]!.dueAt).toEqual(bj("2022-06-21T07:00"));
    expect((await deliverDue({ at: bj("2022-06-20T10:00") })).sent).toBe(5);
    expect((await deliverDue({ at: bj("2022-06-21T07:00") })).digests).toBe(1);
    expect((await deliverDue({ at: bj("2022-06-21T07:00") })).sent).toBe(0);
    expect(gateway.requests).toHaveLength(6);
    expect(received()[5]!.get("content")).toContain("每日汇总：1 条新消息");
    expect(received()[5]!.get("content")).toContain("1. 第6条");
    const [held] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, rows[5]!.id));
    expect(held!.state).toBe("digested");
  });

  it("每日汇总: three messages in a day, one message the next morning listing them", async () => {
    const [filer] = await usersOfUnits([await unitId("交通局")]);
    await db.insert(deliveryPreferences).values({ userId: filer!.id, mobile: "13900000001", dailyDigest: true });
    for (const title of ["甲", "乙", "丙"]) await notifyUsers(db, [filer!.id], { kind: "reminder", title, createdBy: office.userId });
    expect((await deliverDue({ at: bj("2022-06-20T18:00") })).sent).toBe(0);
    const run = await deliverDue({ at: bj("2022-06-21T07:00") });
    expect(run).toMatchObject({ digests: 1, sent: 1 });
    expect(gateway.requests).toHaveLength(1);
    expect(received()[0]!.get("content")).toContain("每日汇总：3 条新消息\n1. 甲\n2. 乙\n3. 丙");
  });

  it("two workers at once deliver each message exactly once", async () => {
    const accounts = await db.select({ id: users.id }).from(users).limit(40);
    await giveMobiles(accounts.map((a) => a.id));
    await notifyUsers(
      db,
      accounts.map((a) => a.id),
      { kind: "reminder", title: "并发", createdBy: office.userId },
    );
    const at = bj("2022-06-20T10:00:01");
    const runs = await Promise.all([deliverDue({ at, limit: 7 }), deliverDue({ at, limit: 7 }), deliverDue({ at, limit: 7 }), deliverDue({ at, limit: 7 })]);
    let sent = runs.reduce((n, r) => n + r.sent, 0);
    while (sent < accounts.length) {
      const more = await Promise.all([deliverDue({ at, limit: 7 }), deliverDue({ at, limit: 7 })]);
      const n = more.reduce((s, r) => s + r.sent, 0);
      if (n === 0) break;
      sent += n;
    }
    expect(sent).toBe(accounts.length);
    const mobiles = received().map((p) => p.get("mobile"));
    expect(mobiles).toHaveLength(accounts.length);
    expect(new Set(mobiles).size).toBe(accounts.length);
  });
});

describe("a message reaches only its own recipients", () => {
  it("to a unit: that unit's accounts; to a leader: the leader's account; to a user: that user", async () => {
    await setUpSms();
    const everyone = await db.select({ id: users.id, unitId: users.unitId, leaderId: users.leaderId }).from(users);
    await giveMobiles(everyone.map((u) => u.id));
    const jiaotong = await unitId("交通局");
    const leader = everyone.find((u) => u.leaderId !== null)!;
    const someone = everyone.find((u) => u.unitId !== null && u.unitId !== jiaotong)!;
    for (const kind of ["reminder", "rectification", "review", "coordination", "dispatch_follow_up", "escalation", "closure", "extension", "explanation"]) {
      await db.delete(outboxMessages);
      await notifyUnits(db, [jiaotong], { kind, title: `${kind} 交通局`, createdBy: office.userId });
      await notifyLeaders(db, [leader.leaderId!], { kind, title: `${kind} 领导`, createdBy: office.userId });
      await notifyUsers(db, [someone.id], { kind, title: `${kind} 本人`, createdBy: office.userId });
      const rows = await db.select().from(outboxMessages);
      const byTitle = (suffix: string) =>
        rows
          .filter((r) => r.title.endsWith(suffix))
          .map((r) => r.userId)
          .sort((a, b) => a - b);
      expect(byTitle("交通局"), kind).toEqual(
        everyone
          .filter((u) => u.unitId === jiaotong)
          .map((u) => u.id)
          .sort((a, b) => a - b),
      );
      expect(byTitle("领导"), kind).toEqual(
        everyone
          .filter((u) => u.leaderId === leader.leaderId)
          .map((u) => u.id)
          .sort((a, b) => a - b),
      );
      expect(byTitle("本人"), kind).toEqual([someone.id]);
    }
  });

  it("a disabled account is sent nothing", async () => {
    await setUpSms();
    const jiaotong = await unitId("交通局");
    const accounts = await usersOfUnits([jiaotong]);
    await giveMobiles(accounts.map((a) => a.id));
    await db.update(users).set({ disabled: true }).where(eq(users.id, accounts[0]!.id));
    await notifyUnits(db, [jiaotong], { kind: "reminder", title: "x", createdBy: office.userId });
    expect((await rowsFor([accounts[0]!.id])).length).toBe(0);
  });
});
