/**
 * The supervision office returns a report with a reason; the unit sees it, revises and resubmits;
 * both versions stay readable. Clock pinned at 2022-06-20 10:00 (period 12 = 6月下半月 is current).
 * In the e2e database task ids follow the seq (task 27 is id 27, led by 交通局).
 */
import type { Browser } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function userPage(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return { page, close: () => context.close() };
}

test("the supervision office returns a report and the unit resubmits it", async ({ browser }) => {
  // The head of 交通局 files task 27's report for period 12 (a head's submission needs no sign-off).
  const unit = await userPage(browser, "交通局");
  await unit.page.goto("/reports/27/12");
  const form = unit.page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("完成通用机场选址论证报告初稿。");
  await form.getByLabel("完成进度").fill("20");
  await form.getByRole("radio", { name: "正常推进" }).check();
  await form.getByRole("button", { name: "报送" }).click();
  await expect(unit.page.getByTestId("report-state")).toHaveText("已报送");

  // The supervision office finds it in its queue and returns it.
  const office = await userPage(browser, "ducha");
  await office.page.goto("/supervision");
  await office.page.getByTestId("review-row").filter({ hasText: "通用机场" }).filter({ hasText: "6月下半月" }).getByRole("link").click();
  await expect(office.page.getByTestId("report-state")).toHaveText("已报送");
  await office.page.getByRole("button", { name: "退回" }).click();
  await office.page.getByLabel("退回理由（单位将看到）").fill("请补充包银高铁站点建设的具体进度。");
  await office.page.getByRole("button", { name: "确认退回" }).click();
  await expect(office.page.getByTestId("report-state")).toHaveText("被退回");

  // The unit sees the reason, revises and resubmits.
  await unit.page.reload();
  await expect(unit.page.getByText("请补充包银高铁站点建设的具体进度。")).toBeVisible();
  await expect(unit.page.getByTestId("report-state")).toHaveText("被退回");
  await form.getByLabel("本期工作进展").fill("完成通用机场选址论证报告初稿；包银高铁鄂托克站完成站房主体 30%。");
  await form.getByLabel("完成进度").fill("25");
  await form.getByRole("button", { name: "报送" }).click();
  await expect(unit.page.getByTestId("report-state")).toHaveText("已报送");

  // Both versions are kept; the office can now accept the revision.
  await office.page.reload();
  await expect(office.page.getByRole("region", { name: "第 2 版" })).toContainText("站房主体 30%");
  await expect(office.page.getByRole("region", { name: "第 1 版" })).toContainText("完成通用机场选址论证报告初稿。");
  await office.page.getByRole("button", { name: "审核通过" }).click();
  await expect(office.page.getByTestId("report-state")).toHaveText("已审核");
  await unit.close();
  await office.close();
});
