import readXlsxFile from "read-excel-file/node";
import { expect, signIn, test } from "./fixtures";

test("柳天云 sees only the 22 tasks she is responsible for", async ({ page }) => {
  await signIn(page, "柳天云");
  // The home page is her dashboard: her 22 tasks (listed under 全部任务); the task table shows the same 22.
  await expect(page.getByTestId("task-count")).toHaveText("22");
  await page
    .getByTestId("dashboard-tabs")
    .getByRole("link", { name: /全部任务/ })
    .click();
  await expect(page.getByTestId("dashboard-task")).toHaveCount(22);
  // 20 a page unless the reader asks for more: page 1 of 2, then all 22 on one page of 50.
  await page.goto("/tasks");
  await expect(page.getByTestId("task-total")).toHaveText("共 22 项（您负责的任务），第 1 / 2 页");
  await expect(page.getByTestId("task-row")).toHaveCount(20);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "每页 50 条" }).click();
  await expect(page).toHaveURL(/[?&]size=50/);
  await expect(page.getByTestId("task-total")).toHaveText("共 22 项（您负责的任务）");
  await expect(page.getByTestId("task-row")).toHaveCount(22);
  const leaderCells = page.getByTestId("task-row").locator("td:nth-child(3)");
  for (const text of await leaderCells.allTextContents()) expect(text).toContain("柳天云");
});

test("王国泉, responsible for everything, sees all 72 tasks", async ({ page }) => {
  await signIn(page, "王国泉");
  // His dashboard of the report's plan counts its 71 ordinary tasks (row 1 is his overall responsibility); the
  // task table lists all 72. (Over every live plan it would also count the 督办事项 other specs register.)
  await page.getByTestId("plan-switcher").getByRole("link", { name: "2022年 政府工作报告" }).click();
  await expect(page).toHaveURL(/[?&]plan=\d+/);
  await expect(page.getByTestId("task-count")).toHaveText("71");
  await page.goto("/tasks?size=50");
  // 50 a page: the count is of the whole selection, the rest on page 2.
  await expect(page.getByTestId("task-total")).toHaveText("共 72 项，第 1 / 2 页");
  await expect(page.getByTestId("task-row")).toHaveCount(50);
  await expect(page.getByTestId("pager-summary")).toHaveText("共 72 项，第 1 / 2 页");
  // Everyone overseeing tasks sees this period's report state beside each (the overall row has none).
  await expect(page.getByRole("columnheader", { name: "本期状态" })).toBeVisible();
  await expect(page.getByTestId("task-row").nth(1).getByTestId("period-state")).toBeVisible();
  await expect(page.getByTestId("task-row").first().getByTestId("period-state")).toHaveCount(0);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/[?&]size=50/);
  await expect(page.getByTestId("task-row")).toHaveCount(22);
  await expect(page.getByTestId("task-row").first().locator("td").first()).toHaveText("51");
  await expect(page.getByTestId("task-row").last().getByTestId("period-state")).toBeVisible();
});

test("a unit sees the tasks it leads and those it cooperates on", async ({ page }) => {
  await signIn(page, "交通局");
  // 交通局 leads 24 and 27; it cooperates on 41 and 65, and on every task of 各地各部门 / 各部门 (1, 5, 12, 16, 19).
  await expect(page.getByTestId("lead-count")).toHaveText("2");
  await expect(page.getByTestId("cooperating-count")).toHaveText("7");
  await page.getByRole("link", { name: "任务清单" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(9);
});

test("the task table searches by text, leader and unit", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/tasks");
  await expect(page.getByTestId("task-total")).toHaveText("共 72 项，第 1 / 4 页");
  await page.getByLabel("关键词或序号").fill("农村路网");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await expect(page.getByTestId("task-row")).toContainText("实施农村路网建设300公里");

  await page.getByLabel("关键词或序号").fill("");
  await page.getByLabel("责任领导").selectOption({ label: "崔婧" });
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(12);

  await page.getByLabel("责任领导").selectOption({ label: "全部" });
  await page.getByRole("search").getByLabel("单位").selectOption({ label: "乌兰镇" });
  await page.getByRole("button", { name: "搜索" }).click();
  // 乌兰镇 is named directly on 48 and through 各苏木镇 / 各地各部门 / 各部门 on many more.
  await expect(page.getByTestId("task-row").first()).toBeVisible();
  await page.getByRole("link", { name: /实施农村路网建设300公里/ }).click();
  await expect(page.getByText("＝ 乌兰镇、棋盘井镇、蒙西镇、木凯淖尔镇、苏米图苏木、阿尔巴斯苏木")).toBeVisible();
});

test("filter, page, sort and export: the search stays with every page and goes into the file", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/tasks?size=100");
  const pager = page.getByRole("navigation", { name: "分页" });
  await expect(page.getByTestId("task-row")).toHaveCount(72);
  // Back to the table's own size, 20 a page: the size leaves the URL.
  await pager.getByRole("link", { name: "每页 20 条" }).click();
  await expect(page).not.toHaveURL(/size=/);
  await expect(page.getByTestId("task-row")).toHaveCount(20);
  await expect(page.getByTestId("task-total")).toHaveText("共 72 项，第 1 / 4 页");

  // Filter: 柳天云's 22 tasks, 20 a page (the page size kept by the search).
  await page.getByLabel("责任领导").selectOption({ label: "柳天云" });
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByTestId("task-total")).toHaveText("共 22 项，第 1 / 2 页");
  await expect(page.getByTestId("task-row")).toHaveCount(20);

  // Next page: the filter is still applied.
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/leader=\d+/);
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("task-total")).toHaveText("共 22 项，第 2 / 2 页");
  await expect(page.getByTestId("task-row")).toHaveCount(2);
  for (const text of await page.getByTestId("task-row").locator("td:nth-child(3)").allTextContents()) expect(text).toContain("柳天云");
  await expect(page.getByLabel("责任领导")).toHaveValue(/\d+/);

  // Sort by 完成时限: back to page 1 of the same selection, the header says how it is sorted.
  await page.getByRole("link", { name: "按完成时限升序排列" }).click();
  await expect(page).toHaveURL(/sort=due/);
  await expect(page).toHaveURL(/leader=\d+/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByTestId("task-total")).toHaveText("共 22 项，第 1 / 2 页");
  await expect(page.getByRole("link", { name: "按完成时限降序排列" })).toHaveAttribute("data-sorted", "ascending");
  await page.getByRole("link", { name: "按完成时限降序排列" }).click();
  await expect(page).toHaveURL(/sort=-due/);
  await expect(page.getByTestId("task-row")).toHaveCount(20);

  // Export: every one of the 22 (more than a page), 柳天云's only.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^重点工作任务_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [sheet] = await readXlsxFile(await download.path());
  const rows = sheet!.data.slice(1);
  expect(rows).toHaveLength(22);
  expect(rows.every((row) => String(row[3]).includes("柳天云"))).toBe(true);
});
