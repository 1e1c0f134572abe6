import postgres from "postgres";
import { expect, signIn, test } from "./fixtures";

// This spec's own data: a second 执行中 plan for 2022 (民生实事) with one monthly task led by 交通局,
// written straight into the database before the test and removed after it, so no other spec sees it.
const url = process.env.E2E_DATABASE_URL ?? "";
const TITLE = "2022年民生实事项目（工作台分表测试）";
const CONTENT = "新建城区公共停车场3处，新增停车泊位800个（工作台分表测试）";

test.skip(process.env.E2E_DATABASE_KIND === "pglite" || !url, "seeds through a Postgres connection");

let sql: ReturnType<typeof postgres>;
let planId = 0;
let taskId = 0;

test.beforeAll(async () => {
  sql = postgres(url, { max: 1, onnotice: () => {} });
  const [unit] = await sql<{ id: number }[]>`select id from units where name = '交通局'`;
  const [plan] = await sql<{ id: number }[]>`
    insert into plans (year, title, source, kind, cadence, state, reporting_start_period, activated_at)
    values (2022, ${TITLE}, 'livelihood', 'table', 'half_monthly', 'active', 11, now()) returning id`;
  planId = plan!.id;
  const [task] = await sql<{ id: number }[]>`
    insert into tasks (plan_id, seq, content, cadence, due_on) values (${planId}, 1, ${CONTENT}, 'monthly', '2022-12-31') returning id`;
  taskId = task!.id;
  await sql`insert into task_units (task_id, unit_id, role) values (${taskId}, ${unit!.id}, 'lead')`;
});

test.afterAll(async () => {
  if (!sql) return;
  if (taskId) {
    await sql`delete from progress_reports where task_id = ${taskId}`;
    await sql`delete from task_units where task_id = ${taskId}`;
    await sql`delete from tasks where id = ${taskId}`;
  }
  if (planId) await sql`delete from plans where id = ${planId}`;
  await sql.end();
});

test("a unit sees the tasks of two live plans, each labelled, and narrows the list to one plan", async ({ page }) => {
  await signIn(page, "交通局");
  await page.goto("/unit");
  await expect(page.getByTestId("covered")).toHaveText("覆盖：2022年 政府工作报告、2022年 民生实事");

  const reports = page.getByTestId("report-items").getByTestId("work-item");
  const ours = reports.filter({ hasText: CONTENT });
  await expect(ours).toHaveCount(1);
  await expect(ours.getByTestId("plan-label")).toHaveText("2022年 民生实事");
  // A monthly task owes the month, not the half month the page's header names.
  await expect(ours).toContainText("每月报送");
  await expect(ours.getByTestId("item-period")).toHaveText("2022年6月");
  await expect(reports.filter({ hasText: "2022年 政府工作报告" })).toHaveCount(2); // 交通局 leads 24 and 27
  await page.screenshot({ path: "test-results/workspace-plans-all.png", fullPage: true });

  // Narrow to the 民生实事 plan: the URL keeps the choice, only its task is listed.
  const filter = page.getByTestId("plan-filter");
  await filter.getByRole("link", { name: /2022年 民生实事/ }).click();
  await expect(page).toHaveURL(new RegExp(`/unit\\?plan=${planId}$`));
  await expect(page.getByTestId("covered")).toHaveText("覆盖：2022年 民生实事");
  await expect(reports).toHaveCount(1);
  await expect(reports.first()).toContainText(CONTENT);
  await expect(filter.getByRole("link", { name: /2022年 民生实事/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("lead-count")).toHaveText("1");

  // Reloading keeps the filter; 全部 brings both plans back.
  await page.reload();
  await expect(reports).toHaveCount(1);
  await filter.getByRole("link", { name: "全部" }).click();
  await expect(page).toHaveURL(/\/unit$/);
  await expect(reports.filter({ hasText: "2022年 政府工作报告" })).toHaveCount(2);

  // Its report is for 2022年6月 (key 12); 6月上半月 (key 11) is refused in Chinese.
  await ours.getByRole("link", { name: /填报/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${taskId}/12$`));
  await expect(page.getByText("2022年6月", { exact: false }).first()).toBeVisible();
  await page.goto(`/reports/${taskId}/11`);
  await expect(page.getByRole("heading", { name: "无法填报" })).toBeVisible();
  await expect(page.getByText("该任务每月报送，没有「2022年6月上半月」这一期")).toBeVisible();
});
