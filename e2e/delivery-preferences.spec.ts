/**
 * 消息提醒: a unit user sets how they are reached beyond the app — a bad mobile number is refused beside the
 * field and nothing typed is lost, 短信 for 催办 only, quiet hours and 每日汇总 are saved and kept after a
 * reload — and the administrator opens the same settings from the user's account page. The spec owns
 * 能源局's settings (no other spec signs in as 能源局).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test, userPage } from "./fixtures";

const USER = "能源局";
const MOBILE = "13912345678";

/** Every checkbox of the kinds × channels table: 「催办：短信」 … */
const box = (form: Locator, kind: string, channel: string) => form.getByRole("checkbox", { name: `${kind}：${channel}`, exact: true });

/** What the form shows: contact, the 短信 column, quiet hours, 每日汇总. */
async function expectSaved(page: Page) {
  const form = page.getByRole("form", { name: "消息提醒" });
  await expect(form.getByLabel("手机号码")).toHaveValue(MOBILE);
  await expect(box(form, "催办", "短信")).toBeChecked();
  for (const channel of ["钉钉机器人", "企业微信机器人", "电子邮件"]) await expect(box(form, "催办", channel)).not.toBeChecked();
  for (const kind of ["通报", "整改", "督办", "调度事项", "督办事项签收提醒"]) await expect(box(form, kind, "短信")).not.toBeChecked();
  await expect(form.getByLabel("开始时间")).toHaveValue("21:30");
  await expect(form.getByLabel("结束时间")).toHaveValue("07:30");
  await expect(form.getByLabel("每日汇总")).toBeChecked();
  await expect(form.getByLabel("每日上限（条）")).toHaveValue("8");
}

test("a unit user sets 消息提醒 (a bad mobile number refused, nothing lost); the administrator sees the same", async ({ page, browser }) => {
  await signIn(page, USER);
  await page.goto("/account");
  await page.getByRole("link", { name: /消息提醒/ }).click();
  await expect(page).toHaveURL(/\/account\/notifications$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("消息提醒");
  const form = page.getByRole("form", { name: "消息提醒" });
  await expect(form.getByText("尚未保存过消息提醒设置")).toBeVisible();
  await expect(form.getByText("管理员尚未开通的渠道不会发送")).toBeVisible();
  // No contact details yet: no channel is ticked by default.
  await expect(box(form, "催办", "短信")).not.toBeChecked();

  // A mobile number one digit short: the message beside the field, what was typed stays.
  await form.getByLabel("手机号码").fill("1391234567");
  await form.getByLabel("每日上限（条）").fill("8");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.locator("#delivery-mobile-error")).toHaveText("请填写 11 位手机号码");
  await expect(form.getByLabel("手机号码")).toHaveValue("1391234567");
  await expect(form.getByLabel("每日上限（条）")).toHaveValue("8");

  // Fixed: with a mobile number, every kind not set follows the default (短信).
  await form.getByLabel("手机号码").fill(MOBILE);
  await expect(page.locator("#delivery-mobile-error")).toHaveCount(0);
  await expect(box(form, "通报", "短信")).toBeChecked();
  // 短信 for 催办 only: every other kind's 短信 unticked (each then set on its own, 恢复默认 beside it).
  const kinds = await form.locator("tbody th[scope=row] > span:first-child").allTextContents();
  expect(kinds).toHaveLength(16);
  for (const kind of kinds.filter((k) => k !== "催办")) await box(form, kind, "短信").uncheck();
  await expect(box(form, "催办", "短信")).toBeChecked();
  await expect(form.getByRole("button", { name: "通报：恢复默认" })).toBeVisible();
  await expect(form.getByRole("button", { name: "催办：恢复默认" })).toHaveCount(0);

  await form.getByLabel("开始时间").fill("21:30");
  await form.getByLabel("结束时间").fill("07:30");
  await form.getByLabel("每日汇总").check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存");

  await page.reload();
  await expectSaved(page);
  await expect(page.getByRole("form", { name: "消息提醒" }).getByText("尚未保存过消息提醒设置")).toHaveCount(0);
  await page.screenshot({ path: "test-results/delivery-preferences/account-notifications.png", fullPage: true });

  // The administrator opens the user's 消息提醒 from the user's account page and sees the same.
  const admin = await userPage(browser, "admin");
  await admin.page.goto(`/admin/users?q=${encodeURIComponent(USER)}`);
  await admin.page.locator("main").getByRole("link", { name: USER, exact: true }).first().click();
  await expect(admin.page).toHaveURL(/\/admin\/users\/\d+$/);
  await admin.page.getByRole("link", { name: "设置该用户的消息提醒" }).click();
  await expect(admin.page).toHaveURL(/\/admin\/users\/\d+\/notifications$/);
  await expect(admin.page.getByText(`（${USER}）的手机号码`)).toBeVisible();
  await expectSaved(admin.page);
  expect(admin.dialogs).toEqual([]);
  await admin.close();
});

test("消息提醒 of another user is the administrator's alone: a unit user gets 未找到", async ({ page }) => {
  await signIn(page, USER);
  const response = await page.goto("/admin/users/1/notifications");
  expect(response?.status()).toBe(404);
});
