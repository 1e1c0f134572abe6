/**
 * The second factor as the supervision office and the administrator live it: enrol by scanning the QR
 * code (here: reading the secret off the page and computing the code with otpauth, as an authenticator
 * app does), sign in with password + code (also without JavaScript), a recovery code once, the
 * administrator's reset, and the setting that sends the office to enrolment. The tests run in order and
 * leave ducha and admin as they found them (no second factor, the setting off) for the other specs.
 */
import type { Browser, Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const NEEDED = "请输入动态验证码";
const WRONG = "动态验证码不正确或已使用过，请输入验证器中当前显示的 6 位数字，或一个未用过的恢复码";
const STEP_MS = 30_000;
const lastStep = new Map<string, number>();

/** What the authenticator app would show, never a step already used (the server accepts each step once, ±1 step). */
async function freshCode(secret: string): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const use = Math.max(step, (lastStep.get(secret) ?? 0) + 1);
    if (use <= step + 1) {
      lastStep.set(secret, use);
      return totp.generate({ timestamp: use * STEP_MS });
    }
    await new Promise((resolve) => setTimeout(resolve, (use - 1) * STEP_MS - now + 500));
  }
}

/** Enrols the signed-in user on /account/two-factor; returns the secret and the recovery codes shown. */
async function enrol(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("动态验证码（两步验证）");
  const qr = page.getByRole("img", { name: "动态验证码设置二维码" });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  // biome-ignore lint/performance/useDomNodeTextContent: the secret as the page shows it
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const form = page.getByRole("form", { name: "启用动态验证码" });
  await form.getByLabel("验证码").fill(await freshCode(secret));
  await form.getByRole("button", { name: "验证并启用" }).click();
  const list = page.getByRole("list", { name: "恢复码" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  await page.getByRole("button", { name: "我已保存" }).click();
  return { secret, codes };
}

/** Password first; the form then asks for the code, keeping what was typed. */
async function signInWithCode(page: Page, username: string, code: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(NEEDED);
  await expect(page.getByLabel("用户名")).toHaveValue(username);
  await expect(page.getByLabel("密码", { exact: true })).toHaveValue(DEMO_PASSWORD);
  await page.getByLabel("动态验证码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
}

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  return context.newPage();
}

let office: { secret: string; codes: string[] };

test("the office enrols with the QR code on the page, then signs in with password and code; a wrong code is refused", async ({ page }) => {
  await signIn(page, "ducha");
  office = await enrol(page);
  for (const code of office.codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  await expect(page.getByText("已启用", { exact: true })).toBeVisible();
  await expect(page.getByText("剩余可用恢复码：10 个")).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signInWithCode(page, "ducha", "000000");
  await expect(page.locator("form").getByRole("alert")).toHaveText(WRONG);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("动态验证码").fill(await freshCode(office.secret));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/supervision$/);
});

test("without JavaScript the office signs in with password and code by POST; no URL carries the password", async ({ browser }) => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/login");
  await page.getByLabel("用户名").fill("ducha");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  // Back on the sign-in page, now with the code field; the password is typed again.
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator("form").getByRole("alert")).toHaveText(NEEDED);
  await page.getByLabel("用户名").fill("ducha");
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("动态验证码").fill(await freshCode(office.secret));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/supervision$/);
  for (const url of urls) expect(decodeURIComponent(url)).not.toContain(DEMO_PASSWORD);
  await page.context().close();
});

test("a recovery code signs in once", async ({ browser }) => {
  const page = await newPage(browser);
  await signInWithCode(page, "ducha", office.codes[0]!.toUpperCase());
  await expect(page).toHaveURL(/\/supervision$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("剩余可用恢复码：9 个")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInWithCode(page, "ducha", office.codes[0]!);
  await expect(page.locator("form").getByRole("alert")).toHaveText(WRONG);
  await expect(page).toHaveURL(/\/login/);
  await page.context().close();
});

test("the administrator resets the office's second factor: the office is signed out and signs in with the password alone", async ({ page, browser }) => {
  const officePage = await newPage(browser);
  await signInWithCode(officePage, "ducha", office.codes[1]!);
  await expect(officePage).toHaveURL(/\/supervision$/);

  await signIn(page, "admin");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "ducha", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
  const section = page.getByRole("region", { name: "动态验证码" });
  await section.getByRole("button", { name: "重置动态验证码" }).click();
  const done = "已重置动态验证码，该用户已退出登录，下次登录后需重新设置";
  await expect(section.getByRole("status")).toHaveText(done);
  // The page refreshes itself after the reset; the message must outlive the button it came from.
  await expect(section).toContainText("未启用");
  await expect(section.getByRole("button", { name: "重置动态验证码" })).toHaveCount(0);
  await expect(section.getByRole("status")).toHaveText(done);
  await page.reload();
  await expect(page.getByRole("region", { name: "动态验证码" })).toContainText("未启用");

  await officePage.goto("/supervision");
  await expect(officePage).toHaveURL(/\/login/);
  await signIn(officePage, "ducha");
  await expect(officePage).toHaveURL(/\/supervision$/);
  await officePage.context().close();
});

test("with the setting on, the office without a second factor is sent to enrolment from every page", async ({ page, browser }) => {
  await signIn(page, "admin");
  await page.goto("/admin/security");
  const form = page.getByRole("form", { name: "安全设置" });
  const box = form.getByRole("checkbox", { name: /督查室和管理员必须使用动态验证码/ });
  await expect(box).not.toBeChecked();
  // Whoever requires it uses it already.
  await box.check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("alert")).toHaveText("请先为您自己的账号启用动态验证码，再要求督查室和管理员使用");
  const admin = await enrol(page);
  await page.goto("/admin/security");
  await form.getByRole("checkbox", { name: /督查室和管理员必须使用动态验证码/ }).check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存安全设置");

  const officePage = await newPage(browser);
  await signIn(officePage, "ducha");
  await expect(officePage).toHaveURL(/\/account\/two-factor$/);
  await expect(officePage.locator("main").getByRole("alert")).toContainText("系统要求督查室和管理员使用动态验证码");
  for (const path of ["/supervision", "/tasks", "/supervision/notices"]) {
    await officePage.goto(path);
    await expect(officePage).toHaveURL(/\/account\/two-factor$/);
  }
  await officePage.context().close();

  // Back as the other specs expect it: the setting off, the administrator without a second factor.
  await page.goto("/admin/security");
  await form.getByRole("checkbox", { name: /督查室和管理员必须使用动态验证码/ }).uncheck();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存安全设置");
  await page.goto("/account/two-factor");
  const disable = page.getByRole("form", { name: "关闭动态验证码" });
  await disable.getByLabel("动态验证码或恢复码").fill(await freshCode(admin.secret));
  await disable.getByRole("button", { name: "关闭动态验证码" }).click();
  await expect(page.getByRole("form", { name: "启用动态验证码" })).toBeVisible();
});
