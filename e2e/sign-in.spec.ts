import { expect, signIn, test } from "./fixtures";

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("柳天云");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks/);
});

for (const [username, home, heading] of [
  ["admin", "/admin", "系统管理"],
  ["ducha", "/supervision", "督查室"],
  ["柳天云", "/leader", "柳天云，您好"],
  ["农牧局", "/unit", "农牧局"],
] as const) {
  test(`${username} lands on the home page of their role`, async ({ page }) => {
    await signIn(page, username);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "ducha");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/supervision");
  await expect(page).toHaveURL(/\/login/);
});
