/**
 * The supervision office returns a report with a reason; the unit sees it, revises and resubmits;
 * both versions stay readable. Clock pinned at 2022-06-20 10:00 (period 12 = 6月下半月 is current).
 * In the e2e database task ids follow the seq (task 27 is id 27, led by 交通局).
 */
import { expect, test, userPage } from "./fixtures";

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

test("reviewers see and download the files a unit attached to its report and a cooperating unit to its input", async ({ browser }) => {
  // Task 39 (羊绒产业发展资金): 农牧局 leads, 财政局 cooperates, 柳天云 is the leader.
  const PDF = Buffer.from("%PDF-1.7\n% 羊绒产业资金拨付凭证\n%%EOF\n");
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  // 财政局 attaches a file to its input (the draft is saved first by itself) and submits it.
  const finance = await userPage(browser, "财政局");
  await finance.page.goto("/contributions/39/12");
  const input = finance.page.getByRole("form", { name: "配合进展" });
  await input.getByLabel("本期配合进展").fill("已拨付羊绒产业发展资金 1200 万元。");
  await input.getByLabel("上传附件").setInputFiles({ name: "资金拨付文件.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(input.getByRole("link", { name: "资金拨付文件.pdf" })).toBeVisible();
  await input.getByRole("button", { name: "报送" }).click();
  await expect(finance.page.getByTestId("contribution-feedback")).toContainText("已于");
  await finance.close();

  // 农牧局's head files the report with two files; the input's file is shown beside the form.
  const unit = await userPage(browser, "农牧局");
  await unit.page.goto("/reports/39/12");
  await expect(unit.page.getByRole("link", { name: "资金拨付文件.pdf" })).toBeVisible();
  const form = unit.page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("制定羊绒产业扶持办法，首批资金已到位。");
  await form.getByLabel("完成进度").fill("40");
  await form.getByRole("radio", { name: "正常推进" }).check();
  await form.getByLabel("上传附件").setInputFiles({ name: "扶持办法.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(form.getByRole("link", { name: "扶持办法.pdf" })).toBeVisible();
  await form.getByLabel("上传附件").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
  await expect(form.getByRole("link", { name: "现场照片.png" })).toBeVisible();
  await form.getByRole("button", { name: "报送" }).click();
  await expect(unit.page.getByTestId("report-state")).toHaveText("已报送");
  await unit.close();

  // The office opens the report: version 1 lists both files with type and size, and downloads one.
  const office = await userPage(browser, "ducha");
  await office.page.goto("/tasks/39/reports/12");
  const files = office.page.getByRole("list", { name: "第 1 版附件" }).getByTestId("attachment");
  await expect(files).toHaveCount(2);
  await expect(files.nth(0)).toContainText("扶持办法.pdf");
  await expect(files.nth(0)).toContainText("PDF");
  await expect(files.nth(0)).toContainText(`${PDF.byteLength} B`);
  await expect(files.nth(1)).toContainText("PNG 图片");
  const [download] = await Promise.all([office.page.waitForEvent("download"), files.nth(0).getByRole("link", { name: "扶持办法.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("扶持办法.pdf");
  expect(await download.failure()).toBeNull();

  // The task page: the period's report files and the input's file.
  await office.page.goto("/tasks/39");
  const row = office.page.getByTestId("history-period").filter({ hasText: "6月下半月" });
  await expect(row.getByRole("link", { name: "扶持办法.pdf" })).toBeVisible();
  await expect(row.getByRole("link", { name: "现场照片.png" })).toBeVisible();
  const inputFile = row.getByTestId("history-contribution").getByRole("link", { name: "资金拨付文件.pdf" });
  await expect(inputFile).toBeVisible();
  const inputHref = await inputFile.getAttribute("href");
  const fetched = await office.page.request.get(inputHref!);
  expect(fetched.status()).toBe(200);
  expect(Buffer.from(await fetched.body())).toEqual(PDF);
  const reportHref = await row.getByRole("link", { name: "扶持办法.pdf" }).getAttribute("href");
  await office.close();

  // The leader reads and downloads them too; a unit with no part in the task gets nothing.
  const leader = await userPage(browser, "柳天云");
  await leader.page.goto("/tasks/39/reports/12");
  await expect(leader.page.getByRole("list", { name: "第 1 版附件" }).getByTestId("attachment")).toHaveCount(2);
  expect((await leader.page.request.get(reportHref!)).status()).toBe(200);
  await leader.close();
  const stranger = await userPage(browser, "交通局");
  expect((await stranger.page.request.get(reportHref!)).status()).toBe(404);
  expect((await stranger.page.request.get(inputHref!)).status()).toBe(404);
  await stranger.close();
});
