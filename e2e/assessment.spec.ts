/**
 * 考核 end to end (clock 2022-06-20 10:00): the office sets a rubric for the 2022 plan's second quarter
 * and opens the scores to units; 公安局 sees its own breakdown with links to the records behind each point
 * and objects to 进度达标; another unit (国资委) cannot open 公安局's breakdown (404); the office answers the
 * objection (采纳), adjusts 公安局's score with a reason, and publishes the result as 考核通报〔2022〕第1号; the
 * notice shows the table and 公安局 sees the answer and the reason.
 * This spec owns the only assessment (2022, 第二季度) and the only 考核结果通报; it signs in as 公安局 and 国资委,
 * which no other spec uses. Scores depend on what other specs file, so none is expected to the point.
 */
import type { Browser } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const TITLE = "2022年第二季度目标任务考核";
const SHOTS = process.env.ASSESSMENT_SHOTS;

/** A signed-in user whose confirmation dialogs (公开, 发布) are answered yes. */
async function confirmingPage(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, username);
  return page;
}

test("the office scores, a unit objects, the office answers, adjusts and publishes", async ({ browser }) => {
  test.setTimeout(120_000);
  const office = await confirmingPage(browser, "ducha");

  // The rubric: the default offered, for the second quarter.
  await office.goto("/supervision/assessments");
  await office.getByRole("link", { name: "制定考核方案" }).click();
  const form = office.getByRole("form", { name: "制定考核方案" });
  await expect(form.getByLabel("按时报送分值")).toHaveValue("30");
  await expect(form.getByLabel("通报批评扣分每次分值")).toHaveValue("2");
  // The 2022 plan by name: a spec of the shared-state pass may have started a second live plan (2023) first.
  const plan = form.getByLabel("分解表");
  const plan2022 = await plan
    .locator("option")
    .filter({ hasText: /^2022年 政府工作报告/ })
    .getAttribute("value");
  await plan.selectOption(plan2022!);
  await form.getByLabel("考核名称").fill(TITLE);
  await form.getByLabel("考核期").selectOption("quarter");
  await form.getByLabel("季度").selectOption("2");
  // A bad value is refused in Chinese and what was typed stays.
  await form.getByLabel("报送质量分值").fill("-5");
  await form.getByRole("button", { name: "保存考核方案" }).click();
  await expect(form.getByText("分值不能为负数")).toBeVisible();
  await expect(form.getByLabel("考核名称")).toHaveValue(TITLE);
  await form.getByLabel("报送质量分值").fill("20");
  await form.getByRole("button", { name: "保存考核方案" }).click();
  await expect(office).toHaveURL(/\/supervision\/assessments\/\d+$/);
  const id = office.url().split("/").pop()!;
  await expect(office.getByRole("heading", { name: TITLE })).toBeVisible();
  const table = office.getByTestId("assessment-table");
  await expect(table.getByRole("link", { name: "公安局" })).toBeVisible();

  await office.getByRole("button", { name: "向单位公开得分（征求意见）" }).click();
  await expect(office.getByText("异议期至")).toBeVisible();
  if (SHOTS) await office.screenshot({ path: `${SHOTS}/office-table.png`, fullPage: true });

  // 公安局: its own breakdown, each point with the records behind it; it objects to 进度达标.
  const unit = await confirmingPage(browser, "公安局");
  await unit.goto("/assessments");
  await unit.getByRole("link", { name: TITLE }).click();
  await expect(unit).toHaveURL(new RegExp(`/assessments/${id}$`));
  await expect(unit.getByRole("heading", { name: `${TITLE} · 公安局` })).toBeVisible();
  await expect(unit.getByTestId("breakdown-total")).toContainText("分");
  const onTime = unit.getByRole("region", { name: /按时报送/ });
  const evidence = onTime.getByRole("link").first();
  await expect(evidence).toHaveAttribute("href", /^\/tasks\/\d+\/reports\/\d+$/);
  await expect(
    unit
      .getByRole("region", { name: /进度达标/ })
      .getByRole("link")
      .first(),
  ).toHaveAttribute("href", /^\/tasks\/\d+$/);
  const objection = unit.getByRole("form", { name: "提出异议" });
  await objection.getByLabel("异议的考核项").selectOption({ label: "进度达标" });
  await objection.getByRole("button", { name: "提出异议" }).click();
  await expect(objection.getByText("请写明异议内容")).toBeVisible();
  await objection.getByLabel("异议内容").fill("第30项6月已完成全部执法检查，进度应为60%，请核实");
  await objection.getByRole("button", { name: "提出异议" }).click();
  await expect(unit.getByTestId("objection")).toContainText("待答复");
  if (SHOTS) await unit.screenshot({ path: `${SHOTS}/unit-breakdown.png`, fullPage: true });
  // The evidence opens the report page it names.
  const href = (await evidence.getAttribute("href"))!;
  expect((await unit.goto(href))?.status()).toBe(200);
  await expect(unit.getByTestId("report-state")).toBeVisible();

  // Another unit cannot open 公安局's breakdown, nor export the table.
  const other = await confirmingPage(browser, "国资委");
  const officeUnitLink = await table.getByRole("link", { name: "公安局" }).getAttribute("href");
  const denied = await other.goto(officeUnitLink!);
  expect(denied?.status()).toBe(404);
  expect((await other.request.get(`/api/export/assessments/${id}`)).status()).toBe(404);
  await other.goto(`/assessments/${id}`);
  await expect(other.getByRole("heading", { name: `${TITLE} · 国资委` })).toBeVisible();
  await expect(other.getByText("第30项6月已完成全部执法检查")).toHaveCount(0);

  // The office answers (采纳), adjusts with a reason, and publishes.
  await office.reload();
  const pending = office.getByTestId("objection").filter({ hasText: "公安局" });
  await expect(pending).toContainText("第30项6月已完成全部执法检查");
  await pending.getByLabel("采纳", { exact: true }).check();
  await pending.getByLabel("答复内容").fill("经核实采纳，进度达标加 2 分");
  await pending.getByRole("button", { name: "答复" }).click();
  await expect(pending).toContainText("已采纳");
  const adjust = office.getByRole("form", { name: "调整得分" });
  await adjust.getByLabel("单位", { exact: true }).selectOption({ label: "公安局" });
  await adjust.getByLabel("调整分值").fill("2");
  await adjust.getByRole("button", { name: "调整得分" }).click();
  await expect(adjust.getByText("请写明调整理由")).toBeVisible();
  await adjust.getByLabel("调整理由（单位可见）").fill("异议经核实采纳：第30项进度达标");
  await adjust.getByRole("button", { name: "调整得分" }).click();
  await expect(adjust.getByText("已调整得分")).toBeVisible();
  const download = office.waitForEvent("download");
  await office.getByRole("link", { name: "导出 XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await office.getByRole("button", { name: "发布考核结果通报" }).click();
  await expect(office).toHaveURL(/\/notices\/\d+$/);
  const article = office.getByRole("article", { name: "通报正文" });
  await expect(article).toContainText("考核通报〔2022〕第1号");
  await expect(article).toContainText("公安局");
  await expect(article).toContainText("异议经核实采纳：第30项进度达标");
  if (SHOTS) await office.screenshot({ path: `${SHOTS}/notice.png`, fullPage: true });

  // 公安局 sees the answer and the reason, and the notice.
  await unit.goto(`/assessments/${id}`);
  await expect(unit.getByTestId("objection")).toContainText("督查室答复：经核实采纳，进度达标加 2 分");
  await expect(unit.getByTestId("adjustments")).toContainText("+2.00 分：异议经核实采纳：第30项进度达标");
  await unit.getByRole("link", { name: "查看考核结果通报" }).click();
  await expect(unit.getByRole("article", { name: "通报正文" })).toContainText("考核通报〔2022〕第1号");
});
