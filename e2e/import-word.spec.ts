import path from "node:path";
import { expect, signIn, test } from "./fixtures";

// A 2021 decomposition table published as a Word file (tests/fixtures/import/SOURCES.md): earlier than
// the demo's 2022 plan, so importing it changes nothing other specs see.
const WORD = path.resolve("tests/fixtures/import/e2e-import.docx");

test("the administrator imports a Word file: merged leaders filled, unread columns named, a column mapped by hand, 完成时限 kept", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/import");
  await page.getByLabel(/分解表文件/).setInputFiles(WORD);
  await page.getByRole("button", { name: "解析并预览" }).click();

  const rows = page.getByTestId("preview-row");
  await expect(rows).toHaveCount(6);
  // 张军's cell is merged over four rows, 崔婧's over two: every row has its leader.
  for (const i of [0, 1, 2, 3]) await expect(rows.nth(i).locator("td").nth(2)).toHaveText("张军");
  for (const i of [4, 5]) await expect(rows.nth(i).locator("td").nth(2)).toHaveText("崔婧");
  const preview = page.getByRole("region", { name: "导入预览" });
  await expect(preview).toContainText("未导入的列：实施主体、备注");
  await expect(rows.nth(2).getByTestId("preview-deadline")).toHaveText("6月底前→ 2021-06-30");

  // 实施主体 holds the cooperating units: map it by hand; the document is read again.
  await page.getByLabel("第 5 列「实施主体」导入为").selectOption({ label: "责任单位" });
  await expect(preview).toContainText("未导入的列：备注（");
  await expect(preview).not.toContainText("实施主体、备注");
  await expect(rows.nth(0).locator("td").nth(4)).not.toHaveText("—");
  await expect(page.getByTestId("import-column").nth(4)).toContainText("手动指定");

  await page.getByRole("button", { name: "确认导入 6 项任务" }).click();
  await expect(page.getByRole("status")).toContainText("导入完成：新增 6 项");
  await page.getByRole("link", { name: "查看任务总表" }).click();
  await expect(page).toHaveURL(/year=2021/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2021年重大民生实事项目目标任务责任分解表");
  const row = page.getByTestId("task-row").filter({ hasText: "瞿秋白纪念馆整体提升工程" });
  await expect(row).toContainText("6月30日");
  await row.getByRole("link").first().click();
  await expect(page.getByRole("main")).toContainText("2021年6月30日（6月底前）");

  // The same layout is read with the mapping the administrator made.
  await page.goto("/admin/import");
  await page.getByLabel(/分解表文件/).setInputFiles(WORD);
  await page.getByRole("button", { name: "解析并预览" }).click();
  await expect(page.getByTestId("import-column").nth(4)).toContainText("按上次的设置");
  await expect(page.getByLabel("第 5 列「实施主体」导入为")).toHaveValue("units");
});

test("files picked by mistake are refused with what to do, and nothing is written", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/import");
  const cases: [string, RegExp][] = [
    ["bad-legacy.doc", /另存为” \.docx/],
    ["bad-pdf.pdf", /PDF 文件无法导入/],
    ["bad-image-named.docx", /内容是一张图片/],
    ["word-no-table.docx", /Word 文件中没有找到任务表格/],
  ];
  for (const [name, message] of cases) {
    await page.getByLabel(/分解表文件/).setInputFiles(path.resolve("tests/fixtures/import", name));
    await page.getByRole("button", { name: "解析并预览" }).click();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText(message);
    await expect(alert).toContainText("未写入任何数据");
  }
  // Over 5 MB: refused in the browser before anything is sent.
  await page.getByLabel(/分解表文件/).setInputFiles({ name: "大文件.docx", mimeType: "application/octet-stream", buffer: Buffer.alloc(30 * 1024 * 1024) });
  await page.getByRole("button", { name: "解析并预览" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("文件过大（30.0 MB）：不能超过 5 MB");
});
