/**
 * An office PC whose browser cannot run the page's script (an older 信创 Chromium): signing in and
 * reading one's pages still work, because the sign-in form posts to next-auth itself and the pages
 * are rendered on the server. Nothing is written, so the shared demo data is left as it is.
 */
import { DEMO_PASSWORD, expect, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("without JavaScript a wrong password comes back to the sign-in page with the message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("交通局-填报");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
});

test("without JavaScript 交通局's filer signs in, lands on the workspace and opens a report form", async ({ page }) => {
  await page.goto("/unit");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Funit/);
  await page.getByLabel("用户名").fill("交通局-填报");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("交通局");
  await expect(page.getByTestId("current-period")).toContainText("本期：2022年6月下半月");

  await page.getByTestId("report-items").getByRole("link", { name: /：第 24 项$/ }).click();
  await expect(page).toHaveURL(/\/reports\/24\/12$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("农村路网");
});
