/**
 * 同一事项（一次报送）and 跨年度结转 in the browser, at the pinned clock 2022-06-20 10:00 (period 12 =
 * 6月下半月 is current). This spec's own data: 民政局 leads tasks 58 (补助救助) and 60 (养老服务),
 * which no other spec touches; 政务服务局's task 19 is carried into a 2024 draft plan this spec
 * creates in the database (2024: no other spec uses that year).
 */
import postgres from "postgres";
import { expect, test, userPage } from "./fixtures";

test.describe.configure({ mode: "serial" });
// Two or three people's sessions in one path: allow a loaded machine more than the default minute.
test.slow();

test("the office links two tasks of one lead unit; the unit files one report; both task pages show it", async ({ browser }) => {
  const office = await userPage(browser, "ducha");
  await office.page.goto("/tasks/58");
  const panel = office.page.getByTestId("linked-work");
  await expect(panel.getByRole("heading", { name: "同一事项（一次报送）" })).toBeVisible();
  await panel.getByPlaceholder("任务内容中的字词，或序号").fill("养老服务");
  await panel.getByRole("button", { name: "查找" }).click();
  await panel.getByRole("button", { name: "关联 2022年 政府工作报告 第60项" }).click();
  await expect(panel.getByTestId("linked-task")).toContainText("2022年 政府工作报告 第60项");
  await expect(panel.getByTestId("linked-task")).toContainText("牵头：民政局");
  // A task of another lead unit is found but cannot be linked.
  await panel.getByPlaceholder("任务内容中的字词，或序号").fill("24");
  await panel.getByRole("button", { name: "查找" }).click();
  await expect(panel.getByTestId("link-candidate").filter({ hasText: "第24项" })).toContainText("无共同牵头单位，不能关联");
  await office.page.screenshot({ path: "test-results/linked-work-panel.png", fullPage: true });

  // The unit sees the link (read-only) and files one report, on task 58.
  const unit = await userPage(browser, "民政局");
  await unit.page.goto("/tasks/60");
  await expect(unit.page.getByTestId("linked-task")).toContainText("第58项");
  await expect(unit.page.getByRole("button", { name: "查找" })).toHaveCount(0);
  await unit.page.goto("/reports/58/12");
  const form = unit.page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("发放困难群众救助金 320 万元；社区为老餐厅新建 2 处。");
  await form.getByLabel("完成进度").fill("45");
  await form.getByRole("radio", { name: "正常推进" }).check();
  await form.getByRole("button", { name: "报送" }).click();
  await expect(unit.page.getByTestId("report-state")).toHaveText("已报送");

  // Both task pages show it; the item's report page says whose report it shares.
  for (const task of [58, 60]) {
    await office.page.goto(`/tasks/${task}`);
    await expect(office.page.getByTestId("task-history")).toContainText("社区为老餐厅新建 2 处");
  }
  await office.page.goto("/tasks/60/reports/12");
  await expect(office.page.getByTestId("report-state")).toHaveText("已报送");
  await expect(office.page.getByTestId("shared-report")).toContainText("与 2022年 政府工作报告 第58项 共用一份报告");
  await expect(office.page.getByRole("region", { name: "第 1 版" })).toContainText("发放困难群众救助金 320 万元");
  await office.page.screenshot({ path: "test-results/linked-work-shared-report.png", fullPage: true });
  await office.page.getByTestId("shared-report").getByRole("link", { name: "2022年 政府工作报告 第58项" }).click();
  await expect(office.page).toHaveURL(/\/tasks\/58\/reports\/12$/);
  await expect(office.page.getByTestId("shared-report")).toContainText("本报告同时计入：2022年 政府工作报告 第60项");
  await unit.close();
  await office.close();
});

test("the office carries an unfinished task into a later plan; history is reachable from both", async ({ browser }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into plans (year, title, state) values (2024, '2024年续建任务（跨年度结转）', 'draft')`;
  } finally {
    await sql.end();
  }
  const office = await userPage(browser, "ducha");
  await office.page.goto("/plans");
  await office.page.getByTestId("plan-row").filter({ hasText: "2022年政府工作报告目标任务分解表" }).getByRole("link", { name: "跨年度结转未完成任务" }).click();
  await expect(office.page.getByRole("heading", { level: 1 })).toContainText("跨年度结转");
  const form = office.page.getByRole("form", { name: "跨年度结转" });
  await form.getByLabel("结转到").selectOption({ label: "2024年 政府工作报告 · 2024年续建任务（跨年度结转）（草稿）" });
  await form.getByRole("button", { name: "全不选" }).click();
  await form.getByRole("checkbox", { name: "结转第19项" }).check();
  await expect(form.getByText("已选 1 项")).toBeVisible();
  await office.page.screenshot({ path: "test-results/carry-over.png", fullPage: true });
  await form.getByRole("button", { name: "结转所选任务" }).click();
  await expect(form.getByText("已结转 1 项任务到")).toBeVisible();
  const row = form.getByTestId("carry-task").filter({ hasText: "一网办" });
  await expect(row.getByRole("checkbox")).toBeDisabled();
  await row.getByRole("link", { name: /已结转至 2024年续建任务（跨年度结转） 第1项/ }).click();

  // The new task says where it came from and links back; the old one links forward.
  await expect(office.page.getByTestId("carry-over-links")).toContainText("结转自 2022年政府工作报告目标任务分解表 第19项");
  await expect(office.page.getByRole("heading", { level: 1 })).toContainText("一网办");
  await office.page
    .getByTestId("carry-over-links")
    .getByRole("link", { name: /第19项/ })
    .click();
  await expect(office.page).toHaveURL(/\/tasks\/19$/);
  await expect(office.page.getByTestId("carry-over-links")).toContainText("已结转至 2024年续建任务（跨年度结转） 第1项");
  await office.close();
});
