import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const INITIAL_PASSWORD = "e2e-initial-pass-1";

/** The administrator creates a filer account of 交通局 through the form; returns its username. */
async function createFilerAccount(page: Page, tag: string): Promise<string> {
  const username = `交通局-${tag}-${Date.now()}`;
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "新建账号" });
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("显示名称").fill("交通局测试填报人");
  await form.getByLabel("角色").selectOption({ label: "单位" });
  await form.getByLabel("单位", { exact: true }).selectOption({ label: "交通局" });
  await form.getByLabel("单位内身份").selectOption({ label: "填报人" });
  await form.getByLabel("初始密码").fill(INITIAL_PASSWORD);
  await form.getByRole("button", { name: "创建账号" }).click();
  await page.waitForURL(/\/admin\/users\/\d+/);
  await expect(page.locator("main").getByRole("status")).toContainText(`已创建账号「${username}」`);
  return username;
}

test("the administrator creates a unit account, disables it, and it is signed out and cannot sign in", async ({ page, browser }) => {
  const username = await createFilerAccount(page, "停用");

  // The new user signs in (another browser); a password the administrator gave must be changed first.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, username, INITIAL_PASSWORD);
  await expect(user).toHaveURL(/\/account\/password$/);

  // The administrator disables the account.
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.locator("main").getByRole("status").filter({ hasText: "已停用账号" })).toBeVisible();
  await expect(page.getByRole("button", { name: "启用账号" })).toBeVisible();

  // The open session ends at once…
  await user.goto("/tasks");
  await expect(user).toHaveURL(/\/login/);
  // …and signing in again is refused: with the right password, the user is told the account is disabled and whom to ask.
  await user.getByLabel("用户名").fill(username);
  await user.getByLabel("密码").fill(INITIAL_PASSWORD);
  await user.getByRole("button", { name: "登录" }).click();
  await expect(user.locator("form").getByRole("alert")).toHaveText("该账号已停用，不能登录。如需恢复使用，请联系系统管理员（县政府督查室）");
  // A wrong password still gets the generic message.
  await user.getByLabel("密码").fill("not-the-password");
  await user.getByRole("button", { name: "登录" }).click();
  await expect(user.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await userContext.close();
});

test("a new user changes the password the administrator gave them and stays signed in", async ({ page, browser }) => {
  const username = await createFilerAccount(page, "改密");
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, username, INITIAL_PASSWORD);
  // Until the password is changed, every page leads to the password page.
  await expect(user).toHaveURL(/\/account\/password$/);
  await user.goto("/tasks");
  await expect(user).toHaveURL(/\/account\/password$/);
  await expect(user.getByText("您的密码由管理员设置")).toBeVisible();
  const form = user.getByRole("form", { name: "修改密码" });
  // A wrong current password: a clear message, and what was typed stays.
  await form.getByLabel("当前密码").fill("not-the-password");
  await form.getByLabel("新密码", { exact: true }).fill("grassland-spring-7");
  await form.getByLabel("再次输入新密码").fill("grassland-spring-7");
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(form.getByRole("alert")).toHaveText("当前密码不正确");
  await expect(form.getByLabel("新密码", { exact: true })).toHaveValue("grassland-spring-7");

  await form.getByLabel("当前密码").fill(INITIAL_PASSWORD);
  await form.getByRole("button", { name: "修改密码" }).click();
  await expect(user).toHaveURL(/\/unit$/);
  // Still signed in with a fresh session; the old password no longer works, the new one does.
  await user.goto("/tasks");
  await expect(user).toHaveURL(/\/tasks$/);
  await user.getByRole("button", { name: "退出登录" }).click();
  await expect(user).toHaveURL(/\/login/);
  await user.getByLabel("用户名").fill(username);
  await user.getByLabel("密码").fill(INITIAL_PASSWORD);
  await user.getByRole("button", { name: "登录" }).click();
  await expect(user.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await signIn(user, username, "grassland-spring-7");
  await userContext.close();
});
