/**
 * Issue 16 in the browser, on an app server and Postgres cluster of this file's own (ports E2E_PORT+6
 * and E2E_PORT+10) with the outbox worker running inside the app, and an SMS gateway stand-in on
 * 127.0.0.1 started here:
 * - the administrator sets up the SMS gateway, sends a test message and reads the gateway's answer;
 * - the office's 一键催办 reaches the owing unit's phones through the worker, and the delivery log
 *   shows each message sent, with the gateway's answer; 重新发送 queues it again.
 */
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { createPostgres, seedDatabase, startApp, type OwnApp, type OwnPostgres } from "../tests/support/own-servers";
import { type HttpReceiver, startHttpReceiver } from "../tests/support/receivers";
import { signIn } from "./fixtures";

const BASE = Number(process.env.E2E_PORT ?? 3100);

test.describe.configure({ mode: "serial" });

let pg: OwnPostgres;
let app: OwnApp;
let gateway: HttpReceiver;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  gateway = await startHttpReceiver({ status: 200, body: "result=0&msg=提交成功" });
  pg = createPostgres(BASE + 10);
  seedDatabase(pg.url);
  // 交通局's accounts have mobile numbers (their own settings page is another spec's).
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  await sql`insert into delivery_preferences (user_id, mobile)
    select id, '1390000' || lpad(id::text, 4, '0') from users where unit_id = (select id from units where name = '交通局')`;
  await sql.end();
  app = await startApp(BASE + 6, { DATABASE_URL: pg.url, APP_NOW: "2022-06-20T10:00:00+08:00", OUTBOX_WORKER: "on", OUTBOX_INTERVAL_MS: "1000" });
});

test.afterAll(async () => {
  await app?.stop();
  pg?.remove();
  await gateway?.close();
});

test("the administrator sets up SMS and tests it; 一键催办 reaches 交通局's phones; the log shows it and resends", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await browser.newPage({ baseURL: app.baseURL });
  await signIn(admin, "admin");
  await admin.goto("/admin/channels");
  await expect(admin.getByTestId("channel-status-sms")).toHaveText("尚未配置");
  const sms = admin.getByRole("form", { name: "短信设置" });
  // A wrong address first: the message says what is wrong and what was typed stays.
  await sms.getByLabel("短信网关地址").fill("sms.example.gov.cn/send");
  await sms.getByLabel("参数模板").fill("account=county&pwd=Pa55&mobile={mobile}&content={text}");
  await sms.getByRole("button", { name: "保存" }).click();
  await expect(sms.getByRole("alert")).toContainText("请填写以 http:// 或 https:// 开头的短信网关地址");
  await expect(sms.getByLabel("参数模板")).toHaveValue("account=county&pwd=Pa55&mobile={mobile}&content={text}");
  await sms.getByLabel("短信网关地址").fill(`${gateway.origin}/sms/send`);
  await sms.getByLabel("成功标志（可不填）").fill("result=0");
  await sms.getByRole("button", { name: "保存" }).click();
  await expect(sms.getByRole("status")).toContainText("已保存");
  // The template holds the account's password: never shown again.
  await expect(sms.getByLabel("参数模板")).toHaveValue("");
  await admin.reload();
  await expect(admin.getByTestId("channel-status-sms")).toContainText("已启用：POST 127.0.0.1");
  await expect(admin.getByRole("form", { name: "短信设置" }).getByLabel("参数模板")).toHaveAttribute("placeholder", "已设置，留空则不变");
  expect(await admin.content()).not.toContain("Pa55");

  await admin.getByLabel("测试手机号").fill("13800001111");
  await admin.getByRole("region", { name: "短信" }).getByRole("button", { name: "发送测试消息" }).click();
  await expect(admin.getByTestId("channel-test-answer-sms")).toContainText("发送成功。网关回答：HTTP 200");
  await expect(admin.getByTestId("channel-test-answer-sms")).toContainText("提交成功");
  const tested = new URLSearchParams(gateway.requests.at(-1)!.body);
  expect(tested.get("mobile")).toBe("13800001111");
  expect(tested.get("pwd")).toBe("Pa55");
  expect(tested.get("content")).toContain("测试消息");
  await admin.screenshot({ path: "test-results/delivery-channels.png", fullPage: true });

  // The office reminds; the worker sends within seconds.
  const office = await browser.newPage({ baseURL: app.baseURL });
  await signIn(office, "ducha");
  await office.goto("/supervision/reminders");
  await office.getByRole("button", { name: "一键催办" }).click();
  await expect(office.getByRole("status")).toContainText(/已向 \d+ 个单位发出催办/);
  await expect
    .poll(() => gateway.requests.filter((r) => (new URLSearchParams(r.body).get("content") ?? "").includes("催办")).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const reminded = gateway.requests.map((r) => new URLSearchParams(r.body)).filter((p) => (p.get("content") ?? "").includes("催办"));
  expect(reminded.every((p) => p.get("mobile")!.startsWith("1390000"))).toBe(true);

  await admin.goto("/admin/deliveries?channel=sms&state=sent");
  const row = admin.getByTestId("delivery-row").filter({ hasText: "催办" }).first();
  await expect(row.getByTestId("delivery-state")).toHaveText("已发送");
  await expect(row).toContainText("result=0&msg=提交成功");
  const before = gateway.requests.length;
  await row.getByRole("button", { name: /^重新发送/ }).click();
  await expect(admin.getByText("已加入发送队列")).toBeVisible();
  await expect.poll(() => gateway.requests.length, { timeout: 30_000 }).toBeGreaterThan(before);
  await admin.screenshot({ path: "test-results/delivery-log.png", fullPage: true });
});
