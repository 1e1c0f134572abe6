/**
 * Quantitative targets (量化指标): the administrator sees them in the import preview; the lead unit of task 24
 * (交通局; 实施农村路网建设300公里) confirms its 300公里; a cooperating unit (乌兰镇, through 各苏木镇) only reads.
 * Task ids equal seq numbers in the e2e database.
 */
import path from "node:path";
import readXlsxFile from "read-excel-file/node";
import { expect, signIn, test } from "./fixtures";

// This spec owns task 24's indicators and its reports for periods 9 and 10 (no other spec files them);
// the contribution spec files 乌兰镇's input on task 24, which carries no indicator.

const SEED = path.resolve("db/seed/2022-ordos-otog-work-report.txt");

test("the administrator sees each task's extracted indicators in the import preview", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/import");
  await page.getByLabel(/分解表文件/).setInputFiles(SEED);
  await page.getByRole("button", { name: "解析并预览" }).click();
  await expect(page.getByTestId("preview-count")).toHaveText("72");
  await expect(page.getByTestId("preview-indicator-count")).toContainText("识别出 64 个量化指标");

  const row24 = page.getByTestId("preview-row").filter({ hasText: "实施农村路网建设300公里" });
  await expect(row24.getByTestId("preview-indicator")).toHaveText(["农村路网建设300公里"]);
  const row2 = page.getByTestId("preview-row").filter({ hasText: "签约项目20个以上" });
  await expect(row2.getByTestId("preview-indicator")).toHaveText(["签约项目≥20个", "协议总金额≥500亿元"]);
  const row29 = page.getByTestId("preview-row").filter({ hasText: "城镇调查失业率控制在4%以内" });
  await expect(row29.getByTestId("preview-indicator")).toHaveText(["城镇新增就业≥1,700人", "城镇调查失业率≤4%"]);
  // Names and labels are not targets, and the preview says why.
  const row13 = page.getByTestId("preview-row").filter({ hasText: "美科20GW单晶拉棒" });
  await expect(row13.getByTestId("preview-indicator")).toHaveText(["重大项目≥100个", "完成投资≥100亿元"]);
  await expect(row13).toContainText("未作为指标：20GW（项目名称）、60万吨（项目名称）");
  const row27 = page.getByTestId("preview-row").filter({ hasText: "省道216线" });
  await expect(row27.getByTestId("preview-indicator")).toHaveCount(0);

  // Committing the same document again leaves the indicators as they are.
  await page.getByRole("button", { name: "确认导入 72 项任务" }).click();
  await expect(page.getByRole("status")).toContainText("新增 0 项，更新 72 项");
});

test("the lead unit 交通局 confirms task 24's 300公里; a cooperating unit only reads", async ({ page }) => {
  await signIn(page, "交通局");
  await page.goto("/tasks/24");
  const section = page.getByTestId("task-indicators");
  const row = section.getByTestId("task-indicator").filter({ hasText: "农村路网建设" });
  await expect(row).toContainText("300公里");
  await expect(row).toContainText("待确认");
  await row.getByRole("button", { name: "确认指标：农村路网建设" }).click();
  await expect(row).toContainText("已确认");
  await expect(row.getByRole("button")).toHaveCount(0);
  await expect(section).not.toContainText("待牵头单位确认");

  // The edit page: the unit adds a target of its own, corrects it, then removes it (on task 24 too: a
  // confirmed target is owed with every report, so a passing one must not touch tasks other specs file).
  await page.goto("/tasks/24/indicators");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("确认量化指标");
  const add = page.getByRole("form", { name: "添加量化指标" });
  await add.getByLabel("指标名称").fill("路面硬化完成率");
  await add.getByLabel("目标值").fill("abc");
  await add.getByRole("button", { name: "添加" }).click();
  await expect(add).toContainText("目标值须为数字");
  await add.getByLabel("目标值").fill("60");
  await add.getByLabel("单位").fill("%");
  await add.getByLabel(/水平/).check();
  await add.getByRole("button", { name: "添加" }).click();
  const editor = page.getByRole("form", { name: "量化指标：路面硬化完成率" });
  await expect(editor).toContainText("已确认");
  await editor.getByLabel("比较方式").selectOption(">=");
  await editor.getByLabel("基数（可空）").fill("10");
  await editor.getByRole("button", { name: "保存修改" }).click();
  await expect(editor.getByRole("status")).toHaveText("已保存");
  await page.goto("/tasks/24");
  await expect(page.getByTestId("task-indicator").filter({ hasText: "路面硬化完成率" })).toHaveText(/路面硬化完成率≥60%10%水平已确认/);
  await page.goto("/tasks/24/indicators");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("form", { name: "量化指标：路面硬化完成率" }).getByRole("button", { name: "移除" }).click();
  await expect(page.getByRole("form", { name: "量化指标：路面硬化完成率" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "量化指标：农村路网建设" })).toHaveCount(1);

  // 乌兰镇 cooperates on task 24: it sees the confirmed target, cannot confirm or edit.
  await page.context().clearCookies();
  await signIn(page, "乌兰镇");
  await page.goto("/tasks/24");
  const seen = page.getByTestId("task-indicators");
  await expect(seen.getByTestId("task-indicator")).toHaveText([/农村路网建设300公里.*已确认/]);
  await expect(seen.getByRole("button")).toHaveCount(0);
  await expect(seen.getByRole("link", { name: "编辑量化指标" })).toHaveCount(0);
  await page.goto("/tasks/24/indicators");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("量化指标由本任务的牵头单位或管理员确认");
  await expect(page.getByTestId("indicator-editor")).toHaveCount(0);
});

test("交通局 reports 120 of the 300公里 with its report; 张军's dashboard shows 40% against 序时进度", async ({ page }) => {
  await signIn(page, "交通局");
  await page.goto("/reports/24/9");
  const f = page.getByRole("form", { name: "进展报告" });
  const value = f.getByLabel(/农村路网建设/);
  await expect(value).toHaveValue("");
  await f.getByLabel("本期工作进展").fill("完成农村公路新改建 120 公里。");
  await f.getByLabel("完成进度").fill("40");
  await f.getByRole("radio", { name: "正常推进" }).check();
  await f.getByRole("button", { name: "报送" }).click();
  // The confirmed indicator's value is required; the rest of what was typed stays.
  await expect(f.getByTestId("indicator-input")).toContainText("请填写本期数值");
  await expect(f.getByLabel("本期工作进展")).toHaveValue("完成农村公路新改建 120 公里。");
  await value.fill("120");
  await f.getByRole("button", { name: "报送" }).click();
  await expect(page.getByTestId("indicator-values")).toContainText("农村路网建设：120公里");

  // The next period starts from it.
  await page.goto("/reports/24/10");
  await expect(page.getByRole("form", { name: "进展报告" }).getByLabel(/农村路网建设/)).toHaveValue("120");
  await expect(page.getByTestId("indicator-input")).toContainText("已按上期数值预填");

  // 张军 leads task 24: on his dashboard 120 of 300 is 40%, behind 序时进度 (46.7% on 6月20日).
  await page.context().clearCookies();
  await signIn(page, "张军");
  await page.goto("/leader");
  await page.getByTestId("dashboard-tabs").getByRole("link", { name: "量化指标" }).click();
  const row = page.getByTestId("leader-indicators").getByTestId("indicator-row").filter({ hasText: "农村路网建设" });
  await expect(row.getByTestId("indicator-completion")).toHaveText("40%");
  await expect(row).toContainText("序时进度 46.7%");
  await expect(row.getByTestId("indicator-pace")).toHaveText("滞后序时");
  await expect(row).toContainText("2022年5月上半月");

  // …and in 目标跟踪, the count of indicators behind pace filters to it.
  await page.goto("/indicators");
  await page.getByTestId("count-behind").click();
  await expect(page).toHaveURL(/pace=behind/);
  await expect(page.getByTestId("indicator-row").filter({ hasText: "农村路网建设" })).toHaveAttribute("data-pace", "behind");
  await expect(page.locator('[data-testid="indicator-row"]:not([data-pace="behind"])')).toHaveCount(0);
  const behind = await page.getByTestId("indicator-row").count();
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${behind} 项`);

  // Sorted by 完成率 (highest first), the filter kept; the export is the whole selection in that order.
  await page.getByRole("link", { name: "按完成率 / 序时进度升序排列" }).click();
  await expect(page).toHaveURL(/sort=completion/);
  await expect(page).toHaveURL(/pace=behind/);
  await page.getByRole("link", { name: "按完成率 / 序时进度降序排列" }).click();
  await expect(page).toHaveURL(/sort=-completion/);
  await expect(page).toHaveURL(/pace=behind/);
  const shown = await page.getByTestId("indicator-completion").allTextContents();
  const percents = shown.map((t) => (t === "—" ? -1 : Number.parseFloat(t)));
  expect(percents).toEqual([...percents].sort((a, b) => b - a));
  await expect(page.getByTestId("export-indicators")).toHaveAttribute("href", /pace=behind.*sort=-completion/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-indicators").click()]);
  const [sheet] = await readXlsxFile(await download.path());
  expect(sheet!.data).toHaveLength(1 + behind);
  expect(sheet!.data.slice(1).every((r) => r[13] === "滞后序时")).toBe(true);
});
