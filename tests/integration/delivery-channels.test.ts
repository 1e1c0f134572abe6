/**
 * Issue 16, the administrator's side: channels saved sealed (secrets never in the clear, never shown
 * again, kept when left blank), 「发送测试消息」 with the gateway's answer, the delivery log and 重新发送;
 * nobody but the administrator reaches any of it. Gateways are local receivers this file starts.
 */
import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, deliveryChannels, outboxMessages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notifyUsers } from "@/lib/data/notifications";
import { deliverDue } from "@/lib/delivery/worker";
import { getChannelSettings, saveChannel, switchChannel, testChannel } from "@/lib/services/delivery-channels";
import { getDeliveryLog, resendDelivery } from "@/lib/services/delivery-log";
import { actorFor, resetWithDemo } from "../support/db";
import { type HttpReceiver, ROBOT_OK, type SmtpReceiver, startHttpReceiver, startSmtpReceiver } from "../support/receivers";

let gateway: HttpReceiver;
let smtp: SmtpReceiver;
let admin: Actor;

const SMS_TEMPLATE = "account=county&pwd=S3cret-pw&mobile={mobile}&content={text}";
const smsForm = (template = SMS_TEMPLATE) => ({
  kind: "sms" as const,
  enabled: true,
  fields: { url: `${gateway.origin}/sms/send`, method: "POST", encoding: "form", template, successText: "OK" },
});

beforeAll(async () => {
  [gateway, smtp] = await Promise.all([startHttpReceiver({ status: 200, body: "OK" }), startSmtpReceiver()]);
});
afterAll(async () => {
  await Promise.all([gateway.close(), smtp.close()]);
  delete process.env.APP_NOW;
});
beforeEach(async () => {
  process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  await resetWithDemo();
  admin = await actorFor("admin");
  gateway.requests.length = 0;
  smtp.mails.length = 0;
});

describe("saving a channel", () => {
  it("stores it sealed: no secret in the row, none shown again; a secret left blank keeps its value", async () => {
    await saveChannel(admin, smsForm());
    const [row] = await db.select().from(deliveryChannels);
    expect(row!.sealedConfig).not.toContain("S3cret-pw");
    expect(row!.sealedConfig).not.toContain("county");
    expect(row!.summary).toBe(`POST ${new URL(gateway.origin).host}`);
    const sms = (await getChannelSettings(admin)).find((c) => c.kind === "sms")!;
    expect(sms).toMatchObject({ configured: true, enabled: true, secretsSet: ["template"] });
    expect(JSON.stringify(sms)).not.toContain("S3cret-pw");
    expect(sms.fields).toMatchObject({ url: `${gateway.origin}/sms/send`, method: "POST", successText: "OK" });

    // Saved again with the template blank: the stored one is still what is sent.
    await saveChannel(admin, smsForm(""));
    await testChannel(admin, { kind: "sms", mobile: "13800000001" });
    const params = new URLSearchParams(gateway.requests.at(-1)!.body);
    expect(params.get("pwd")).toBe("S3cret-pw");
    expect(params.get("mobile")).toBe("13800000001");
    // The audit rows say what changed without the secret.
    const audits = await db.select().from(auditLog).where(eq(auditLog.entity, "delivery_channel"));
    expect(audits.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(audits)).not.toContain("S3cret-pw");
  });

  it("bad input: the channel's Chinese message, nothing written", async () => {
    await expect(
      saveChannel(admin, { kind: "sms", enabled: true, fields: { url: "ftp://x", method: "POST", encoding: "form", template: SMS_TEMPLATE } }),
    ).rejects.toThrow("请填写以 http:// 或 https:// 开头的短信网关地址");
    await expect(
      saveChannel(admin, { kind: "email", enabled: true, fields: { host: "smtp.example.gov.cn", port: 70000, secure: true, from: "a@b.cn" } }),
    ).rejects.toThrow("端口应为 1–65535 的整数");
    expect(await db.select().from(deliveryChannels)).toHaveLength(0);
  });

  it("turned off, a channel takes no new messages (they stay in the app)", async () => {
    await saveChannel(admin, smsForm());
    await switchChannel(admin, { kind: "sms", enabled: false });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, "交通局"));
    await db.execute(sql`insert into delivery_preferences (user_id, mobile) values (${user!.id}, '13800000002')`);
    await notifyUsers(db, [user!.id], { kind: "reminder", title: "关闭后", createdBy: admin.userId });
    const [row] = await db.select().from(outboxMessages);
    expect(row).toMatchObject({ state: "unconfigured", channel: null });
  });
});

describe("发送测试消息", () => {
  it("SMS: the gateway's answer comes back as it was, failure included", async () => {
    await saveChannel(admin, smsForm());
    expect(await testChannel(admin, { kind: "sms", mobile: "13800000001" })).toEqual({ ok: true, answer: expect.stringContaining("OK") });
    expect(new URLSearchParams(gateway.requests[0]!.body).get("content")).toContain("测试消息");
    gateway.reply({ status: 403, body: "IP 不在白名单" });
    const refused = await testChannel(admin, { kind: "sms", mobile: "13800000001" });
    expect(refused.ok).toBe(false);
    expect(refused.answer).toContain("403");
    expect(refused.answer).toContain("IP 不在白名单");
  });

  it("钉钉: signed with the robot's secret, the number @-mentioned", async () => {
    await saveChannel(admin, { kind: "dingtalk", enabled: true, fields: { webhook: `${gateway.origin}/robot/send?access_token=abc`, secret: "SECtest123" } });
    gateway.reply(ROBOT_OK);
    expect((await testChannel(admin, { kind: "dingtalk", mobile: "13800000003" })).ok).toBe(true);
    const request = gateway.requests[0]!;
    const url = new URL(request.url, gateway.origin);
    const timestamp = url.searchParams.get("timestamp")!;
    const expected = createHmac("sha256", "SECtest123").update(`${timestamp}\nSECtest123`).digest("base64");
    expect(url.searchParams.get("sign")).toBe(expected);
    expect(JSON.parse(request.body)).toMatchObject({ msgtype: "text", at: { atMobiles: ["13800000003"] } });
  });

  it("e-mail: arrives at the SMTP server with its Chinese subject", async () => {
    await saveChannel(admin, {
      kind: "email",
      enabled: true,
      fields: { host: "127.0.0.1", port: smtp.port, secure: false, username: null, password: null, from: "县政府督查室 <ducha@example.gov.cn>" },
    });
    expect((await testChannel(admin, { kind: "email", email: "filer@example.gov.cn" })).ok).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.parsed.subject).toBe("测试消息");
    expect(smtp.mails[0]!.to).toEqual(["filer@example.gov.cn"]);
    expect(smtp.mails[0]!.parsed.text).toContain("收到即说明渠道配置正确");
  });

  it("a channel not saved yet cannot be tested", async () => {
    await expect(testChannel(admin, { kind: "wecom" })).rejects.toThrow("请先保存该渠道的配置");
  });
});

describe("the delivery log and 重新发送", () => {
  it("lists what was sent and resends a sent message as a new row; an unconfigured one cannot be resent", async () => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, "交通局"));
    await notifyUsers(db, [user!.id], { kind: "reminder", title: "未配置时", createdBy: admin.userId });
    await saveChannel(admin, smsForm());
    await db.execute(sql`insert into delivery_preferences (user_id, mobile) values (${user!.id}, '13800000004')`);
    await notifyUsers(db, [user!.id], { kind: "reminder", title: "已配置时", createdBy: admin.userId });
    await deliverDue({ at: new Date("2022-06-20T10:00:10+08:00") });

    const log = await getDeliveryLog(admin);
    expect(log.total).toBe(2);
    expect(log.rows.map((r) => [r.title, r.state, r.channel])).toEqual(
      expect.arrayContaining([
        ["已配置时", "sent", "sms"],
        ["未配置时", "unconfigured", null],
      ]),
    );
    expect((await getDeliveryLog(admin, { filter: { state: "sent" } })).rows.map((r) => r.title)).toEqual(["已配置时"]);
    expect((await getDeliveryLog(admin, { filter: { channel: "email" } })).total).toBe(0);

    const sent = log.rows.find((r) => r.state === "sent")!;
    const { id } = await resendDelivery(admin, { id: sent.id });
    const [copy] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(copy).toMatchObject({ state: "pending", channel: "sms", title: "已配置时", attempts: 0 });
    await deliverDue({ at: new Date("2022-06-20T10:01+08:00") });
    expect(gateway.requests).toHaveLength(2);

    const unconfigured = log.rows.find((r) => r.state === "unconfigured")!;
    await expect(resendDelivery(admin, { id: unconfigured.id })).rejects.toThrow("只有已发送或发送失败的消息可以重新发送");
  });
});

describe("only the administrator", () => {
  it("the office, a leader and a unit are refused everywhere", async () => {
    await saveChannel(admin, smsForm());
    for (const username of ["ducha", "柳天云", "交通局"]) {
      const actor = await actorFor(username);
      await expect(getChannelSettings(actor), username).rejects.toMatchObject({ code: "forbidden" });
      await expect(saveChannel(actor, smsForm()), username).rejects.toMatchObject({ code: "forbidden" });
      await expect(testChannel(actor, { kind: "sms", mobile: "13800000001" }), username).rejects.toMatchObject({ code: "forbidden" });
      await expect(switchChannel(actor, { kind: "sms", enabled: false }), username).rejects.toMatchObject({ code: "forbidden" });
      await expect(getDeliveryLog(actor), username).rejects.toMatchObject({ code: "forbidden" });
      await expect(resendDelivery(actor, { id: 1 }), username).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(gateway.requests).toHaveLength(0);
  });
});
