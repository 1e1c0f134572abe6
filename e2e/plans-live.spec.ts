import { expect, signIn, test } from "./fixtures";

/*
 * The issue's core test: importing a second plan never takes over; once the office starts it, both
 * live plans' tasks show, each labelled with its plan. This spec's own plan (its own title, so it is
 * a new plan whatever else was imported) is archived at the end, so the demo's live work is as before.
 */
const TITLE = "2023年政府工作报告重点任务清单（联调批次）";
const PLAN = [
  TITLE,
  "序号\t重点工作任务\t责任领导\t牵头单位\t责任单位",
  "1\t建成农村公路联网工程120公里。\t柳天云\t交通局\t各苏木镇",
  "2\t新增高效节水灌溉面积3万亩。\t柳天云\t农牧局\t",
].join("\n");

const OLD = "2022年 政府工作报告";
const NEW = "2023年 政府工作报告";

test("a second live plan: import changes nothing; once started, both plans' tasks show, each labelled", async ({ browser }) => {
  // Five users on several pages each.
  test.setTimeout(180_000);
  const unit = await browser.newPage();
  await signIn(unit, "农牧局");
  await unit.goto("/tasks?size=100"); // every row on one page
  const unitTasks = await unit.getByTestId("task-row").count();
  expect(unitTasks).toBeGreaterThan(0);

  // The administrator imports the 2023 plan: a draft.
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  await admin.goto("/admin/import");
  await admin.getByRole("tab", { name: "粘贴文本" }).click();
  await admin.getByLabel(/分解表内容/).fill(PLAN);
  await admin.getByRole("button", { name: "解析并预览" }).click();
  await expect(admin.getByRole("region", { name: "导入预览" })).toContainText(/将新建「\d{4}年 政府工作报告」分解表（草稿/);
  await admin.getByRole("button", { name: "确认导入 2 项任务" }).click();
  await expect(admin.getByRole("status")).toContainText("这份分解表是草稿");

  // Nothing changes for the leader and the unit.
  const leader = await browser.newPage();
  await signIn(leader, "柳天云");
  await expect(leader.getByTestId("task-count")).toHaveText("22");
  await leader.goto("/tasks?size=100");
  await expect(leader.getByTestId("task-row")).toHaveCount(22);
  await expect(leader.getByTestId("plan-coverage")).toHaveText(`覆盖：${OLD}`);
  await expect(leader.getByTestId("task-row").filter({ hasText: "农村公路联网工程" })).toHaveCount(0);
  await unit.reload();
  await expect(unit.getByTestId("task-row")).toHaveCount(unitTasks);

  // The office starts it.
  const office = await browser.newPage();
  await signIn(office, "ducha");
  await office.goto("/plans");
  const row = office.getByTestId("plan-row").filter({ hasText: TITLE });
  await expect(row).toContainText("草稿");
  await row.getByRole("button", { name: "开始执行" }).click();
  await row.getByRole("button", { name: "确认开始执行" }).click();
  await expect(row).toContainText("执行中");

  // The leader: both plans' tasks, each labelled; her dashboard counts them all.
  await leader.goto("/tasks?size=100");
  await expect(leader.getByTestId("task-row")).toHaveCount(24);
  await expect(leader.getByTestId("plan-coverage")).toHaveText(`覆盖：${NEW}、${OLD}`);
  await expect(leader.getByTestId("task-row").filter({ has: leader.getByTestId("plan-label").filter({ hasText: NEW }) })).toHaveCount(2);
  await expect(leader.getByTestId("task-row").filter({ has: leader.getByTestId("plan-label").filter({ hasText: OLD }) })).toHaveCount(22);
  await expect(leader.getByTestId("task-row").filter({ hasText: "农村公路联网工程" }).getByTestId("plan-label")).toHaveText(NEW);
  await leader.goto("/leader?view=tasks");
  await expect(leader.getByTestId("task-count")).toHaveText("24");
  await expect(leader.getByTestId("dashboard-task").filter({ hasText: "高效节水灌溉" }).getByTestId("plan-label")).toHaveText(NEW);
  // Narrowed to one plan with the switcher, kept in the URL.
  await leader.getByTestId("plan-switcher").getByRole("link", { name: NEW }).click();
  await expect(leader).toHaveURL(/plan=\d+/);
  await expect(leader.getByTestId("task-count")).toHaveText("2");
  await expect(leader.getByTestId("plan-coverage")).toHaveText(`覆盖：${NEW}`);

  // The unit: its own tasks of both plans.
  await unit.reload();
  await expect(unit.getByTestId("task-row")).toHaveCount(unitTasks + 1);
  await expect(unit.getByTestId("task-row").filter({ hasText: "高效节水灌溉" }).getByTestId("plan-label")).toHaveText(NEW);

  // The office: the task table covers both; the overview counts this half month's plan and points to the other year's.
  await office.goto("/tasks?size=50");
  await expect(office.getByTestId("plan-coverage")).toHaveText(`覆盖：${NEW}、${OLD}`);
  await expect(office.getByTestId("task-total")).toHaveText("共 74 项，第 1 / 2 页");
  await expect(office.getByTestId("task-row")).toHaveCount(50);
  await office.goto("/supervision/overview");
  await expect(office.getByTestId("plan-coverage")).toHaveText(`覆盖：${OLD}`);
  await expect(office.getByTestId("overview-row").first().getByTestId("plan-label")).toHaveText(OLD);
  await office.getByTestId("other-years").getByRole("link", { name: NEW }).click();
  await expect(office.getByTestId("overview-row")).toHaveCount(2);
  await expect(office.getByTestId("overview-row").first().getByTestId("plan-label")).toHaveText(NEW);
  await office.screenshot({ path: "test-results/plans-live-overview.png", fullPage: true });

  // Back to one live plan: the office archives this spec's plan; it still opens read-only by year.
  await office.goto("/plans");
  await row.getByRole("button", { name: "归档" }).click();
  await row.getByRole("button", { name: "确认归档" }).click();
  await expect(row).toContainText("已归档");
  await leader.goto("/tasks?size=100");
  await expect(leader.getByTestId("task-row")).toHaveCount(22);
  await leader.goto("/tasks?year=2023");
  await expect(leader.getByTestId("plan-coverage")).toContainText(`${NEW}（已归档）`);
  await expect(leader.getByTestId("task-row").filter({ hasText: "农村公路联网工程" })).toHaveCount(1);
});
