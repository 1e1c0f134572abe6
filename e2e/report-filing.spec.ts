/**
 * Filing a half-monthly report in the browser, at the pinned clock 2022-06-20 10:00
 * (period 12 = 2022年6月下半月 is current; period 11 = 6月上半月 was due 6月15日 24:00).
 * 文旅局 leads tasks 8 (文化产业创业园…, with 阿尔寨石窟研究院 cooperating) and 9; no other spec files them,
 * so this spec owns their reports.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test, userPage, watchDialogs } from "./fixtures";

test.describe.configure({ mode: "serial" });

const SCRIPT = "<script>alert(1)</script>";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.from("This program cannot be run in DOS mode.")]);

const form = (page: Page) => page.getByRole("form", { name: "进展报告" });

test("a filer writes a draft, finds it after a reload, sends it to the head, who approves it", async ({ page, browser }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "文旅局-填报");
  await page.goto("/reports/8/12");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("加快推进文化产业创业园、阿尔寨石窟数字展厅等项目落地实施。");
  await expect(page.getByText("2022年6月下半月")).toBeVisible();
  await expect(page.getByText("截止时间：6月30日 24:00")).toBeVisible();
  await expect(page.getByTestId("time-left")).toHaveText("还剩 10 天 14 小时");
  await expect(page.getByTestId("report-state")).toHaveText("未填报");
  // Beside the form: the cooperating units that have not filed their input yet.
  await expect(page.getByTestId("missing-contributors")).toContainText("阿尔寨石窟研究院");
  await expect(page.getByText("提请责任领导协调的事项，可不填")).toBeVisible();

  const f = form(page);
  await f.getByLabel("本期工作进展").fill("完成农村公路新改建 86 公里，路基工程全面铺开。");
  await f.getByLabel("完成进度").fill("35");
  await f.getByRole("radio", { name: "正常推进" }).check();
  await f.getByLabel("存在问题").fill(SCRIPT);
  await f.getByRole("button", { name: "保存草稿" }).click();
  // The time is the server's (the app clock, like every other page), in Shanghai: never the browser's.
  await expect(page.getByTestId("save-status")).toHaveText("已保存 2022-06-20 10:00");

  // Autosave: 3 s after typing stops.
  await f.getByLabel("下步计划").fill("加快推进路面施工");
  await expect(page.getByTestId("save-status")).toHaveText(/有未保存的修改/);
  await expect(page.getByTestId("save-status")).toHaveText("已自动保存 2022-06-20 10:00", { timeout: 10_000 });

  // Leaving the page right after typing: the draft is sent as the page goes (keepalive).
  await f.getByLabel("需协调事项").fill("请协调征地手续");
  await page.goto("/unit");
  await expect(async () => {
    await page.goto("/reports/8/12");
    await expect(f.getByLabel("需协调事项")).toHaveValue("请协调征地手续", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  // An attachment: a real PDF is taken, a program named .pdf is not.
  const fileInput = f.getByLabel("上传附件");
  await fileInput.setInputFiles({ name: "进展材料.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(f.getByRole("link", { name: "进展材料.pdf" })).toBeVisible();
  await fileInput.setInputFiles({ name: "setup.pdf", mimeType: "application/pdf", buffer: EXE });
  await expect(f.getByText("文件类型不符：只接受 PDF、图片、Word、Excel")).toBeVisible();
  await expect(f.getByRole("link", { name: "setup.pdf" })).toHaveCount(0);
  // A PDF named .html is stored under the extension of what it is.
  await fileInput.setInputFiles({ name: "会议纪要.html", mimeType: "text/html", buffer: PDF });
  await expect(f.getByText("已上传「会议纪要.pdf」")).toBeVisible();
  await expect(f.getByRole("link", { name: "会议纪要.pdf" })).toBeVisible();
  await expect(f.getByRole("link", { name: "会议纪要.html" })).toHaveCount(0);

  // The draft is in the database: a reload finds everything, the markup as plain text.
  await page.reload();
  await expect(page.getByTestId("report-state")).toHaveText("草稿");
  await expect(f.getByLabel("本期工作进展")).toHaveValue("完成农村公路新改建 86 公里，路基工程全面铺开。");
  await expect(f.getByLabel("完成进度")).toHaveValue("35");
  await expect(f.getByRole("radio", { name: "正常推进" })).toBeChecked();
  await expect(f.getByLabel("存在问题")).toHaveValue(SCRIPT);
  await expect(f.getByLabel("下步计划")).toHaveValue("加快推进路面施工");
  await expect(f.getByRole("link", { name: "进展材料.pdf" })).toBeVisible();

  // A filer sends it to the unit head; a double click files once.
  await f.getByRole("button", { name: "提交单位负责人审阅" }).dblclick();
  await expect(page.getByTestId("report-state")).toHaveText("待负责人审阅");
  await expect(page.getByTestId("report-notice")).toHaveText("本期报告已提交单位负责人审阅，审阅期间不能修改；如需修改，请先撤回。");
  await expect(page.getByText(SCRIPT)).toBeVisible(); // shown as text
  await expect(page.getByRole("button", { name: "保存草稿" })).toHaveCount(0);

  // 撤回: the filer takes it back before the head reads it, and sends it again unchanged.
  await page.getByRole("button", { name: "撤回修改" }).click();
  await expect(page.getByTestId("report-state")).toHaveText("草稿");
  await expect(f.getByLabel("完成进度")).toHaveValue("35");
  await f.getByRole("button", { name: "提交单位负责人审阅" }).click();
  await expect(page.getByTestId("report-state")).toHaveText("待负责人审阅");

  // The head signs off: submitted now, with both names.
  const head = await userPage(browser, "文旅局");
  await head.page.goto("/reports/8/12");
  await expect(head.page.getByTestId("report-state")).toHaveText("待负责人审阅");
  await expect(head.page.getByText(SCRIPT)).toBeVisible();
  await head.page.getByRole("button", { name: "同意报送" }).click();
  await expect(head.page.getByTestId("report-state")).toHaveText("已报送");
  const version = head.page.getByTestId("report-version");
  await expect(version).toHaveCount(1);
  await expect(version).toContainText("第 1 版");
  await expect(version).toContainText("文旅局填报人提交 · 文旅局负责人审阅同意");
  await expect(version).toContainText("按时");
  // The attachment is served as a download, never rendered.
  const href = await head.page.getByRole("link", { name: "进展材料.pdf" }).getAttribute("href");
  const download = await head.page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  const renamed = await head.page.request.get((await head.page.getByRole("link", { name: "会议纪要.pdf" }).getAttribute("href"))!);
  expect(renamed.headers()["content-type"]).toBe("application/pdf");
  expect(renamed.headers()["content-disposition"]).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("会议纪要.pdf")}`);
  expect(dialogs.concat(head.dialogs)).toEqual([]);
  await head.close();

  // The filer sees it submitted, with the markup still as text after a reload.
  await page.reload();
  await expect(page.getByTestId("report-state")).toHaveText("已报送");
  await expect(page.getByText(SCRIPT)).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("period 11 submitted by the head at the pinned clock is marked 逾期报送", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "文旅局");
  await page.goto("/reports/9/11");
  await expect(page.getByText("2022年6月上半月")).toBeVisible();
  await expect(page.getByTestId("time-left")).toHaveAttribute("data-signal", "overdue");
  await expect(page.getByTestId("time-left")).toHaveText(/^已逾期/);
  const f = form(page);
  await f.getByLabel("本期工作进展").fill("完成项目前期手续办理。");
  await f.getByLabel("完成进度").fill("40");
  await f.getByRole("radio", { name: "滞后" }).check();
  await f.getByLabel("存在问题").fill("资金到位较慢");
  // The head's own submission is final: the button says so.
  await f.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByTestId("report-state")).toHaveText("逾期报送");
  await expect(page.getByTestId("report-notice")).toContainText("（逾期报送）");
  await expect(page.getByTestId("report-version")).toContainText("逾期报送");
  expect(dialogs).toEqual([]);
});

test("bad input gets a Chinese message under each field and everything typed stays; the next period starts from the last; the head returns it", async ({
  page,
  browser,
}) => {
  await signIn(page, "文旅局-填报");
  await page.goto("/reports/9/12");
  // Last period's report is beside the form and can be taken over without re-typing.
  await expect(page.getByTestId("previous-report")).toContainText("完成项目前期手续办理。");
  const f = form(page);
  await f.getByRole("button", { name: "沿用上期内容" }).click();
  await expect(f.getByLabel("本期工作进展")).toHaveValue("完成项目前期手续办理。");
  await expect(f.getByLabel("完成进度")).toHaveValue("40");
  await expect(f.getByRole("radio", { name: "滞后" })).toBeChecked();
  await expect(f.getByLabel("存在问题")).toHaveValue("资金到位较慢");

  // Lower than last period: a warning, not a refusal.
  await f.getByLabel("完成进度").fill("30");
  await expect(f.getByText("低于上期的 40%，请确认是否填写正确")).toBeVisible();

  // Over its length limit: the save bar says what is wrong and promises no autosave; nothing is saved until it is fixed.
  await f.getByLabel("本期工作进展").fill("字".repeat(5001));
  await expect(page.getByTestId("save-status")).toHaveText("本期工作进展超出字数上限，未保存");
  await page.waitForTimeout(4000); // longer than the autosave delay
  await expect(page.getByTestId("save-status")).toHaveText("本期工作进展超出字数上限，未保存");

  // Empty progress and 150%: refused with messages, the rest stays as typed.
  await f.getByLabel("本期工作进展").fill("");
  await f.getByLabel("完成进度").fill("150");
  await f.getByLabel("需协调事项").fill("请协调解决资金缺口");
  await f.getByRole("button", { name: "提交单位负责人审阅" }).click();
  await expect(f.getByText("请填写本期工作进展")).toBeVisible();
  await expect(f.getByText("完成进度不能超过 100%")).toBeVisible();
  await expect(f.getByLabel("本期工作进展")).toHaveAttribute("aria-invalid", "true");
  await expect(f.getByLabel("存在问题")).toHaveValue("资金到位较慢");
  await expect(f.getByLabel("需协调事项")).toHaveValue("请协调解决资金缺口");
  await expect(f.getByRole("radio", { name: "滞后" })).toBeChecked();
  await expect(page.getByTestId("report-state")).not.toHaveText("待负责人审阅");

  // Fixed, it goes through.
  await f.getByLabel("本期工作进展").fill("完成项目前期手续办理，开始招标。");
  await f.getByLabel("完成进度").fill("45");
  await f.getByRole("button", { name: "提交单位负责人审阅" }).click();
  await expect(page.getByTestId("report-state")).toHaveText("待负责人审阅");

  // The head sends it back with a comment (required); the filer sees it and can revise.
  const head = await userPage(browser, "文旅局");
  await head.page.goto("/reports/9/12");
  await head.page.getByRole("button", { name: "退回修改" }).click();
  await head.page.getByRole("button", { name: "确认退回" }).click();
  await expect(head.page.getByText("请填写退回理由")).toBeVisible();
  await head.page.getByLabel("退回意见").fill("请补充招标进展的具体时间节点");
  await head.page.getByRole("button", { name: "确认退回" }).click();
  await expect(head.page.getByTestId("report-state")).toHaveText("被退回");
  await head.close();

  await page.reload();
  await expect(page.getByTestId("report-state")).toHaveText("被退回");
  await expect(page.getByTestId("return-reason")).toContainText("请补充招标进展的具体时间节点");
  await expect(f.getByLabel("本期工作进展")).toHaveValue("完成项目前期手续办理，开始招标。");
  await expect(f.getByRole("button", { name: "提交单位负责人审阅" })).toBeEnabled();
});

test("two people editing one draft: the second save is refused, the newer text is shown, and nothing typed is lost", async ({ browser }) => {
  const filer = await userPage(browser, "文旅局-填报");
  const head = await userPage(browser, "文旅局");
  // Task 8, period 11: nothing filed there yet.
  await filer.page.goto("/reports/8/11");
  await head.page.goto("/reports/8/11");

  await form(filer.page).getByLabel("本期工作进展").fill("填报人写的内容");
  await form(filer.page).getByRole("button", { name: "保存草稿" }).click();
  await expect(filer.page.getByTestId("save-status")).toHaveText(/^已保存/);

  const headForm = form(head.page);
  await headForm.getByLabel("本期工作进展").fill("负责人写的内容");
  await headForm.getByRole("button", { name: "保存草稿" }).click();
  const conflict = head.page.getByTestId("conflict");
  await expect(conflict).toContainText("内容已在另一窗口或由其他人修改");
  // Saved at the app clock, by the account named (not "a colleague": it could be the user's own other window).
  await expect(head.page.getByTestId("conflict-saved-by")).toContainText("另一窗口或其他人于 2022-06-20 10:00 保存了新内容（保存账号：文旅局填报人）");
  await expect(head.page.getByTestId("conflict-current")).toContainText("填报人写的内容");
  await expect(headForm.getByLabel("本期工作进展")).toHaveValue("负责人写的内容"); // not overwritten
  await conflict.getByRole("button", { name: "以我的内容覆盖" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(head.page.getByTestId("save-status")).toHaveText(/^已保存/);

  // Now the filer is behind: it loads the head's text instead.
  await form(filer.page).getByLabel("下步计划").fill("填报人的下步计划");
  await form(filer.page).getByRole("button", { name: "保存草稿" }).click();
  await expect(filer.page.getByTestId("conflict-current")).toContainText("负责人写的内容");
  await expect(filer.page.getByTestId("conflict-saved-by")).toContainText("（保存账号：文旅局负责人）");
  await filer.page.getByTestId("conflict").getByRole("button", { name: "载入最新内容" }).click();
  await expect(form(filer.page).getByLabel("本期工作进展")).toHaveValue("负责人写的内容");
  await expect(form(filer.page).getByLabel("下步计划")).toHaveValue("");

  await head.page.reload();
  await expect(form(head.page).getByLabel("本期工作进展")).toHaveValue("负责人写的内容");
  expect(filer.dialogs.concat(head.dialogs)).toEqual([]);
  await filer.close();
  await head.close();
});

test("people outside the lead unit get 404 for the form", async ({ page }) => {
  for (const username of ["乌兰镇", "ducha"]) {
    await signIn(page, username);
    const response = await page.goto("/reports/8/12");
    expect(response?.status(), username).toBe(404);
    await page.context().clearCookies();
  }
});
