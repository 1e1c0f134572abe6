/**
 * 督查总览 and 报送情况矩阵 at the pinned clock 2022-06-20 10:00 (period 12 current, 11 the one
 * being supervised). Other specs file reports for 交通局, 文旅局 and 乌兰镇 only; 农牧局 (15 lead tasks)
 * never reports, so it is red in every past period.
 */
import readXlsxFile from "read-excel-file/node";
import { expect, signIn, test } from "./fixtures";

const countOf = async (page: import("@playwright/test").Page, key: string) =>
  Number(await page.getByTestId(`count-${key}`).getByTestId("count-value").textContent());

test("the office reviews period 11: counts that add up, a filter by lead unit, a count that filters, the export", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/supervision/overview");
  // By default the latest period whose due time has passed.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("督查总览 · 2022年6月上半月");
  await page.goto("/supervision/overview?period=11");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("督查总览 · 2022年6月上半月");
  expect(await countOf(page, "tasks")).toBe(71);
  const parts = await Promise.all(["on_time", "late", "missing", "returned", "open"].map((k) => countOf(page, k)));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(71);
  expect(await countOf(page, "open")).toBe(0); // period 11 is past its due time
  expect(await countOf(page, "missing")).toBeGreaterThan(60);
  // A page of 50 of the 71; the rest on page 2.
  await expect(page.getByTestId("pager-summary")).toHaveText("共 71 项，第 1 / 2 页");
  await expect(page.getByTestId("overview-row")).toHaveCount(50);

  // Filter by a lead unit through the form: the URL keeps it, the rows and counts follow.
  await page.locator("select[name=unit]").selectOption({ label: "农牧局" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/[?&]unit=\d+/);
  await expect(page).toHaveURL(/[?&]period=11/);
  const rows = page.getByTestId("overview-row");
  await expect(rows).toHaveCount(15);
  await expect(page.getByTestId("pager-summary")).toHaveText("共 15 项");
  for (const cell of await page.getByTestId("lead-units").all()) await expect(cell).toContainText("农牧局");
  expect(await countOf(page, "tasks")).toBe(15);
  expect(await countOf(page, "missing")).toBe(15);

  // A count is a link that filters by its state, keeping the unit.
  await page.getByTestId("count-on_time").click();
  await expect(page).toHaveURL(/state=on_time/);
  await expect(page).toHaveURL(/unit=\d+/);
  await expect(page.getByTestId("overview-row")).toHaveCount(0);
  await page.getByTestId("count-missing").click();
  await expect(page.getByTestId("overview-row")).toHaveCount(15);
  await expect(page.locator('[data-testid="overview-row"]:not([data-state="missing"])')).toHaveCount(0);
  await expect(page.getByTestId("overview-row").first().getByRole("link", { name: /查看/ })).toHaveAttribute("href", /^\/tasks\/\d+\/reports\/11$/);

  // The export carries the same filters.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-overview").click()]);
  expect(download.suggestedFilename()).toBe("督查总览_2022年6月上半月_未报送.xlsx");
  const [sheet] = await readXlsxFile(await download.path());
  expect(sheet!.data[0]![0]).toBe("序号");
  expect(sheet!.data).toHaveLength(16);
});

test("the office filters by state, goes to page 2 with the filter kept, sorts, and exports the whole selection", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/supervision/overview?period=11");
  const missing = await countOf(page, "missing");
  expect(missing).toBeGreaterThan(50);

  // Filter by state through the form: every row on the page is missing, the total is the count's.
  await page.locator("select[name=state]").selectOption({ label: "未报送" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/state=missing/);
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${missing} 项，第 1 / 2 页`);
  const rows = page.getByTestId("overview-row");
  await expect(rows).toHaveCount(50);
  const firstPage = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));

  // Page 2: the next rows, the filter still applied.
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/state=missing/);
  await expect(page).toHaveURL(/period=11/);
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${missing} 项，第 2 / 2 页`);
  await expect(rows).toHaveCount(missing - 50);
  await expect(page.locator('[data-testid="overview-row"]:not([data-state="missing"])')).toHaveCount(0);
  const secondPage = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));
  expect(Math.min(...secondPage)).toBeGreaterThan(Math.max(...firstPage));
  // The counts are of the whole period whatever the page.
  expect(await countOf(page, "missing")).toBe(missing);
  expect(await countOf(page, "tasks")).toBe(71);

  // Sort by 序号 turned around: back to page 1, the filter kept, the highest 序号 first.
  await page.getByRole("link", { name: "按序号降序排列" }).click();
  await expect(page).toHaveURL(/sort=-seq/);
  await expect(page).toHaveURL(/state=missing/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${missing} 项，第 1 / 2 页`);
  const descending = await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-seq"))));
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  expect(descending[0]).toBe(Math.max(...firstPage, ...secondPage));
  await expect(page.locator('[data-testid="overview-row"]:not([data-state="missing"])')).toHaveCount(0);

  // The export: every missing row of the period (both pages), in the order shown.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-overview").click()]);
  const [sheet] = await readXlsxFile(await download.path());
  const seqs = sheet!.data.slice(1).map((r) => r[0] as number);
  expect(seqs).toHaveLength(missing);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  expect(sheet!.data.slice(1).every((r) => r[5] === "未报送")).toBe(true);
});

test("the matrix shows a unit that never reported in red, worst units first, and a unit's name opens its overview", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/supervision/matrix");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报送情况矩阵");
  await expect(page.getByTestId("pager-summary")).toContainText(/共 \d+ 个单位/);
  const row = page.locator('[data-testid="matrix-row"][data-unit="农牧局"]');
  await expect(row).toHaveCount(1);
  // The period columns, by their headers' names.
  const periods = await page
    .getByTestId("compliance-matrix")
    .locator("thead a")
    .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));
  const cells = row.locator("td[data-s]");
  await expect(cells).toHaveCount(periods.length);
  const cell = cells.nth(periods.indexOf("2022年6月上半月"));
  await expect(cell).toHaveAttribute("data-s", "missing");
  await expect(cell).toHaveText("✕");
  // Coloured as the legend says 未报送 is.
  const red = await page
    .getByTestId("matrix-legend")
    .locator("span.bg-red-600")
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(red);
  await expect(cells.nth(periods.indexOf("2022年6月下半月"))).toHaveAttribute("data-s", "open");
  expect(Number(await row.getByTestId("total-missing").textContent())).toBe(15 * 11);
  // The worst offenders come first: 农牧局 (the most lead tasks, none reported) tops the list.
  await expect(page.getByTestId("matrix-row").first()).toHaveAttribute("data-unit", "农牧局");

  await row.getByRole("link", { name: "农牧局" }).click();
  await expect(page).toHaveURL(/\/supervision\/overview\?unit=\d+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("督查总览 · 2022年6月上半月");
  await expect(page.getByTestId("overview-row")).toHaveCount(15);
});

test("units and leaders do not find the overview, the matrix or the export", async ({ page }) => {
  await signIn(page, "交通局");
  for (const path of ["/supervision/overview", "/supervision/matrix"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await page.request.get("/api/export/overview?period=11")).status()).toBe(404);
});

test("比对: a report taken over unchanged from the last period is flagged beside the report and in the overview", async ({ page, browser }) => {
  // 住建局 (no other spec files for it) reports task 28 for period 11, then takes it over for period 12.
  await signIn(page, "住建局");
  await page.goto("/reports/28/11");
  const form = page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("完成老旧小区改造 3 个，累计完成年度目标的 30%。");
  await form.getByLabel("完成进度").fill("30");
  await form.getByRole("radio", { name: "正常推进" }).check();
  await form.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByTestId("report-state")).toHaveText("逾期报送");
  await page.goto("/reports/28/12");
  await form.getByRole("button", { name: "沿用上期内容" }).click();
  await form.getByLabel("完成进度").fill("35");
  await form.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByTestId("report-state")).toHaveText("已报送");

  const office = await browser.newContext();
  const ducha = await office.newPage();
  await signIn(ducha, "ducha");
  await ducha.goto("/tasks/28/reports/12");
  const comparison = ducha.getByTestId("comparison");
  await expect(comparison).toHaveAttribute("data-flag", "identical");
  await expect(comparison).toContainText("6月上半月 第 1 版");
  await expect(comparison.getByTestId("similarity")).toHaveText("100%");
  await expect(comparison.getByTestId("percent-delta")).toHaveText("+5");
  await expect(comparison.getByTestId("copy-flag")).toHaveText("照抄上期");
  // Period 11 had nothing before it to compare with.
  await ducha.goto("/tasks/28/reports/11");
  await expect(ducha.getByTestId("comparison")).toContainText("无可比对");

  await ducha.goto("/supervision/overview?period=12&state=copied");
  const row = ducha.locator('[data-testid="overview-row"][data-seq="28"]');
  await expect(row.getByTestId("copy-flag")).toHaveText("照抄上期");
  expect(await countOf(ducha, "copied")).toBeGreaterThanOrEqual(1);
  await office.close();
});
