/**
 * 消息提醒 (lib/services/delivery-preferences.ts): a user saves and reads back their own settings, a user
 * without a row has the defaults (and the outbox reads the same), only the administrator reads or writes
 * another user's, the audit row records contact details masked, and bad input writes nothing.
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, deliveryPreferences, users } from "@/db/schema";
import { loadRecipients } from "@/lib/data/outbox";
import { chosenChannels } from "@/lib/delivery/plan";
import { isDomainError } from "@/lib/errors";
import type { DeliveryPreferencesFormValues } from "@/lib/services/delivery-preference-schemas";
import {
  getDeliveryPreferencesFor,
  getMyDeliveryPreferences,
  saveDeliveryPreferencesFor,
  saveMyDeliveryPreferences,
} from "@/lib/services/delivery-preferences";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const userId = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const storedRow = async (id: number) => (await db.select().from(deliveryPreferences).where(eq(deliveryPreferences.userId, id)))[0] ?? null;
const auditsAfter = (count: number) => db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(count);

const DEFAULTS = { mobile: "", email: "", channels: {}, quietFrom: "22:00", quietUntil: "07:00", dailyDigest: false, dailyCap: 5 };

const MINE: DeliveryPreferencesFormValues = {
  mobile: "13912345678",
  email: "jiaotong@example.gov.cn",
  channels: { reminder: ["sms"], notice: ["email", "wecom"] },
  quietFrom: "21:30",
  quietUntil: "08:00",
  dailyDigest: true,
  dailyCap: 12,
};

describe("消息提醒: a user's own settings", () => {
  beforeEach(resetWithDemo);

  it("a user without a row has the defaults, and the outbox reads the same defaults", async () => {
    const actor = await actorFor("农牧局-填报");
    expect(await storedRow(actor.userId)).toBeNull();
    const page = await getMyDeliveryPreferences(actor);
    expect(page).toMatchObject({ preferences: DEFAULTS, saved: false });
    // No channel is set up in the demo.
    expect(page.configured).toEqual([]);
    expect(await getDeliveryPreferencesFor(await actorFor("admin"), actor.userId)).toEqual(page);
    const [recipient] = await loadRecipients(db, { userIds: [actor.userId] }, new Date());
    expect(recipient).toMatchObject({ mobile: null, email: null, channels: {}, quiet: { from: 22 * 60, until: 7 * 60 }, dailyDigest: false, dailyCap: 5 });
  });

  it("saves and reads back: the form's values, minutes in the table, the outbox follows them", async () => {
    const actor = await actorFor("交通局");
    const audits = await auditCount();
    expect(await saveMyDeliveryPreferences(actor, MINE, "10.3.0.7")).toEqual({ changed: true });
    expect(await getMyDeliveryPreferences(actor)).toMatchObject({
      preferences: { ...MINE, channels: { reminder: ["sms"], notice: ["wecom", "email"] } },
      saved: true,
    });
    expect(await storedRow(actor.userId)).toMatchObject({
      mobile: "13912345678",
      email: "jiaotong@example.gov.cn",
      channels: { reminder: ["sms"], notice: ["wecom", "email"] },
      quietFrom: 21 * 60 + 30,
      quietUntil: 8 * 60,
      dailyDigest: true,
      dailyCap: 12,
    });
    const [recipient] = await loadRecipients(db, { userIds: [actor.userId] }, new Date());
    expect(chosenChannels(recipient!, "reminder")).toEqual(["sms"]);
    expect(chosenChannels(recipient!, "notice")).toEqual(["wecom", "email"]);
    // A kind not set follows the defaults for the contact details given.
    expect(chosenChannels(recipient!, "closure")).toEqual(["sms", "email"]);
    expect(await auditCount()).toBe(audits + 1);

    // The same again: nothing to save, no audit row. A change: saved over the first.
    expect(await saveMyDeliveryPreferences(actor, MINE)).toEqual({ changed: false });
    expect(await auditCount()).toBe(audits + 1);
    const changed: DeliveryPreferencesFormValues = {
      ...MINE,
      mobile: "",
      channels: { reminder: ["wecom"] },
      quietFrom: "00:00",
      quietUntil: "00:00",
      dailyDigest: false,
    };
    expect(await saveMyDeliveryPreferences(actor, changed)).toEqual({ changed: true });
    expect((await getMyDeliveryPreferences(actor)).preferences).toEqual({ ...changed, channels: { reminder: ["wecom"] } });
    expect(await storedRow(actor.userId)).toMatchObject({ mobile: null, quietFrom: 0, quietUntil: 0, dailyDigest: false });
    expect(await auditCount()).toBe(audits + 2);
  });

  it("the audit row records who changed what, contact details masked", async () => {
    const actor = await actorFor("交通局");
    const audits = await auditCount();
    await saveMyDeliveryPreferences(actor, MINE, "10.3.0.7");
    const [row, ...more] = await auditsAfter(audits);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: "delivery_preferences.update",
      entity: "user",
      entityId: String(actor.userId),
      actorUserId: actor.userId,
      ip: "10.3.0.7",
      before: { ...DEFAULTS, mobile: null, email: null },
      after: {
        mobile: "139****5678",
        email: "j***@example.gov.cn",
        channels: { reminder: ["sms"], notice: ["wecom", "email"] },
        quietFrom: "21:30",
        quietUntil: "08:00",
        dailyDigest: true,
        dailyCap: 12,
      },
    });
    await saveMyDeliveryPreferences(actor, { ...MINE, mobile: "15800001111", email: "", channels: { reminder: ["sms"] } });
    const [second] = await auditsAfter(audits + 1);
    expect(second).toMatchObject({ before: { mobile: "139****5678", email: "j***@example.gov.cn" }, after: { mobile: "158****1111", email: null } });
    const written = JSON.stringify(await auditsAfter(audits));
    for (const secret of ["13912345678", "jiaotong", "15800001111"]) expect(written).not.toContain(secret);
  });

  it("bad input is refused with its message and writes nothing, over a saved row or none", async () => {
    const actor = await actorFor("交通局");
    const audits = await auditCount();
    expect(await refusal(saveMyDeliveryPreferences(actor, { ...MINE, mobile: "1391234567" }))).toEqual({ code: "invalid", message: "请填写 11 位手机号码" });
    expect(await refusal(saveMyDeliveryPreferences(actor, { ...MINE, email: "jiaotong@" }))).toEqual({ code: "invalid", message: "电子邮箱格式不正确" });
    expect(await refusal(saveMyDeliveryPreferences(actor, { ...MINE, dailyCap: 0 }))).toEqual({ code: "invalid", message: "每日上限应为 1–100 之间的整数" });
    expect(await refusal(saveMyDeliveryPreferences(actor, { ...MINE, quietFrom: "25:00" }))).toEqual({
      code: "invalid",
      message: "请按“时:分”填写时间，如 22:00",
    });
    expect(await storedRow(actor.userId)).toBeNull();
    expect(await auditCount()).toBe(audits);

    await saveMyDeliveryPreferences(actor, MINE);
    const saved = await storedRow(actor.userId);
    const bad = { ...MINE, dailyCap: 7, channels: { digest: ["sms"] } } as unknown as DeliveryPreferencesFormValues;
    expect(await refusal(saveMyDeliveryPreferences(actor, bad))).toEqual({ code: "invalid", message: "未知的消息类型：digest" });
    expect(await refusal(saveMyDeliveryPreferences(actor, { ...MINE, dailyCap: 7, mobile: "", channels: { reminder: ["sms"] } }))).toEqual({
      code: "invalid",
      message: "已选择短信提醒，请填写手机号码",
    });
    expect(await storedRow(actor.userId)).toEqual(saved);
    expect(await auditCount()).toBe(audits + 1);
  });
});

describe("消息提醒: another user's settings", () => {
  beforeEach(resetWithDemo);

  it("a unit user (or the office) can neither read nor write another user's; naming the user in the input is refused", async () => {
    const unit = await actorFor("交通局");
    const other = await userId("农牧局");
    const audits = await auditCount();
    for (const actor of [unit, await actorFor("交通局-填报"), await actorFor("ducha"), await actorFor("柳天云")]) {
      expect((await refusal(getDeliveryPreferencesFor(actor, other))).code).toBe("forbidden");
      expect((await refusal(saveDeliveryPreferencesFor(actor, other, MINE))).code).toBe("forbidden");
      // Even for their own account: the *For functions are the administrator's.
      expect((await refusal(saveDeliveryPreferencesFor(actor, actor.userId, MINE))).code).toBe("forbidden");
    }
    const smuggled = { ...MINE, userId: other } as unknown as DeliveryPreferencesFormValues;
    expect(await refusal(saveMyDeliveryPreferences(unit, smuggled))).toEqual({ code: "invalid", message: "不接受的字段：userId" });
    expect(await storedRow(other)).toBeNull();
    expect(await storedRow(unit.userId)).toBeNull();
    expect(await auditCount()).toBe(audits);
  });

  it("the administrator reads and saves any user's; the user sees them; the audit row names the administrator", async () => {
    const admin = await actorFor("admin");
    const unit = await actorFor("交通局");
    const audits = await auditCount();
    expect(await saveDeliveryPreferencesFor(admin, unit.userId, MINE, "10.0.0.2")).toEqual({ changed: true });
    const mine = await getMyDeliveryPreferences(unit);
    expect(mine.preferences).toEqual({ ...MINE, channels: { reminder: ["sms"], notice: ["wecom", "email"] } });
    expect(await getDeliveryPreferencesFor(admin, unit.userId)).toEqual(mine);
    // The administrator's own settings are untouched.
    expect(await storedRow(admin.userId)).toBeNull();
    const [row, ...more] = await auditsAfter(audits);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: "delivery_preferences.update",
      entityId: String(unit.userId),
      actorUserId: admin.userId,
      actorRole: "admin",
      ip: "10.0.0.2",
      after: { mobile: "139****5678" },
    });
    expect(await auditCount()).toBe(audits + 1);

    // An account that does not exist: not found, nothing written.
    expect(await refusal(getDeliveryPreferencesFor(admin, 999_999))).toEqual({ code: "not_found", message: "未找到该账号" });
    expect(await refusal(saveDeliveryPreferencesFor(admin, 999_999, MINE))).toEqual({ code: "not_found", message: "未找到该账号" });
    expect(await auditCount()).toBe(audits + 1);
  });
});
