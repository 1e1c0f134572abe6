/**
 * Sessions end on the server: an old cookie after signing out, 「退出所有设备」 or the administrator
 * ending them opens nothing; a stranger's guesses cannot keep the owner out of their own browser.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.includes("next-auth.session-token"));
}

/** A fresh browser that carries only the given cookies (what someone who copied them would hold). */
async function browserWith(browser: Browser, cookies: Awaited<ReturnType<typeof sessionCookies>>) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context;
}

test("after signing out, the old session cookie gets the sign-in page", async ({ page, browser }) => {
  await signIn(page, "水利局");
  await expect(page).toHaveURL(/\/unit$/);
  const copied = await sessionCookies(page.context());
  expect(copied).not.toHaveLength(0);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browserWith(browser, copied);
  const old = await replay.newPage();
  await old.goto("/unit");
  await expect(old).toHaveURL(/\/login/);
  // Route handlers and actions refuse it too.
  const response = await replay.request.get("/api/export/task-list");
  expect([401, 307, 302]).toContain(response.status());
  await replay.close();
});

test("「退出所有设备」 signs the account out of every browser", async ({ page, browser }) => {
  await signIn(page, "人社局");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "人社局");

  await page.goto("/account");
  await page.getByRole("link", { name: /登录设备/ }).click();
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expect(page.getByTestId("session-row").filter({ hasText: "当前设备" })).toHaveCount(1);
  await page.getByRole("button", { name: "退出所有设备" }).click();
  await expect(page).toHaveURL(/\/login\?ended=all/);
  await expect(page.getByRole("status")).toHaveText("已在所有设备上退出登录。");

  await otherPage.goto("/unit");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();
});

test("the administrator ends a user's sessions", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, "司法局-填报");

  await signIn(page, "admin");
  await page.goto("/admin/users?q=司法局-填报");
  await page.getByRole("link", { name: "司法局-填报" }).first().click();
  const section = page.getByRole("region", { name: "登录会话" });
  await expect(section.getByRole("list", { name: "该用户的登录设备" }).getByRole("listitem")).toHaveCount(1);
  await section.getByRole("button", { name: "结束该用户的所有会话" }).click();
  await expect(section.getByText("该用户目前没有登录的设备。")).toBeVisible();
  // What was done stays said after the page refreshed the list away.
  await expect(section.getByRole("status")).toHaveText("已结束该用户的所有会话，该用户须重新登录");
  await expect(section.getByRole("button", { name: "结束该用户的所有会话" })).toHaveCount(0);

  await user.goto("/unit");
  await expect(user).toHaveURL(/\/login/);
  await userContext.close();
});

test("a stranger's wrong passwords cannot keep the owner out of the browser they use", async ({ page, browser }) => {
  // The owner has signed in from this browser before.
  await signIn(page, "城管局");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  const stranger = await browser.newContext();
  const guesser = await stranger.newPage();
  await guesser.goto("/login");
  for (let i = 0; i < 5; i++) {
    await guesser.getByLabel("用户名").fill("城管局");
    await guesser.getByLabel("密码").fill(`guess-${i}-wrong`);
    await guesser.getByRole("button", { name: "登录" }).click();
    await expect(guesser.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  }
  // The stranger is slowed down, even with the right password …
  await guesser.getByLabel("用户名").fill("城管局");
  await guesser.getByLabel("密码").fill(DEMO_PASSWORD);
  await guesser.getByRole("button", { name: "登录" }).click();
  await expect(guesser.locator("form").getByRole("alert")).toHaveText(/登录失败次数过多/);
  await stranger.close();

  // … the owner, in their own browser, is not.
  await signIn(page, "城管局");
  await expect(page).toHaveURL(/\/unit$/);
});
