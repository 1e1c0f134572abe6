/**
 * An office PC whose browser cannot run the page's script (an older 信创 Chromium): signing in,
 * reading one's pages and filing a report still work, because the sign-in form posts to next-auth
 * itself, the pages are rendered on the server and the report form posts to its server action.
 * The only data written is task 27's report for period 10 (2022年5月下半月), which no other spec uses.
 */
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

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
  // Every request the browser makes: the password goes in a POST body, never in an address.
  const requests: { method: string; url: string }[] = [];
  page.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));
  await page.goto("/unit");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Funit/);
  await page.getByLabel("用户名").fill("交通局-填报");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("交通局");
  await expect(page.getByTestId("current-period")).toContainText("本期：2022年6月下半月");

  expect(requests.find((r) => r.url.includes("/api/auth/callback/credentials"))?.method).toBe("POST");
  expect(requests.filter((r) => r.url.includes(encodeURIComponent(DEMO_PASSWORD)) || r.url.includes(DEMO_PASSWORD) || /[?&]password=/.test(r.url))).toEqual([]);

  await page
    .getByTestId("report-items")
    .getByRole("link", { name: /：第 24 项$/ })
    .click();
  await expect(page).toHaveURL(/\/reports\/24\/12$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("农村路网");

  // Signing out is a form too: it ends the session without a script.
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/unit");
  await expect(page).toHaveURL(/\/login/);
});

test("without JavaScript 交通局's filer fills a report, is told what is wrong without losing it, and sends it to the head", async ({ page, browser }) => {
  await signIn(page, "交通局-填报");
  await page.goto("/reports/27/10");
  await expect(page.getByTestId("report-state")).toHaveText("未填报");
  const form = page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("通用机场跑道基础施工完成，高铁站点征地完成八成。");
  await form.getByLabel("完成进度").fill("150");
  await form.getByRole("radio", { name: "滞后" }).check();
  await form.getByLabel("存在问题").fill("<b>征地</b>进度慢");
  for (const input of await form.getByTestId("indicator-input").locator("input").all()) await input.fill("1");
  await form.getByRole("button", { name: "提交单位负责人审阅" }).click();

  // Refused: the message, beside the field too, and everything typed is still in the form.
  await expect(page).toHaveURL(/\/reports\/27\/10$/);
  await expect(form.getByRole("alert")).toHaveText("完成进度不能超过 100%");
  await expect(form.locator("#report-percent-error")).toHaveText("完成进度不能超过 100%");
  await expect(form.getByLabel("本期工作进展")).toHaveValue("通用机场跑道基础施工完成，高铁站点征地完成八成。");
  await expect(form.getByLabel("完成进度")).toHaveValue("150");
  await expect(form.getByRole("radio", { name: "滞后" })).toBeChecked();
  await expect(form.getByLabel("存在问题")).toHaveValue("<b>征地</b>进度慢");
  await expect(page.getByTestId("report-state")).toHaveText("未填报");

  await form.getByLabel("完成进度").fill("60");
  await form.getByRole("button", { name: "提交单位负责人审阅" }).click();
  await expect(page).toHaveURL(/\/reports\/27\/10$/);
  await expect(page.getByTestId("report-state")).toHaveText("待负责人审阅");
  await expect(page.getByTestId("report-notice")).toContainText("已提交单位负责人审阅");
  await expect(page.getByTestId("report-fields")).toContainText("通用机场跑道基础施工完成，高铁站点征地完成八成。");
  await expect(page.getByTestId("report-fields")).toContainText("60%");
  await expect(page.getByTestId("report-fields")).toContainText("<b>征地</b>进度慢");

  // The head (also without JavaScript) finds it waiting for the sign-off.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const head = await context.newPage();
  await signIn(head, "交通局");
  await head.goto("/reports/27/10");
  await expect(head.getByTestId("report-state")).toHaveText("待负责人审阅");
  await expect(head.getByTestId("report-notice")).toHaveText("填报人已提交，等待您审阅。");
  await context.close();
});
