/**
 * A cooperating unit files its input (配合进展) in the browser, at the pinned clock 2022-06-20 10:00
 * (period 12 = 2022年6月下半月 is current, due 6月30日 24:00; earlier periods are past their due time).
 * 乌兰镇 cooperates on task 24 (实施农村路网建设300公里, lead 交通局) through 各苏木镇.
 *
 * This period's input is only drafted here (a draft does not count: 乌兰镇 stays missing on 24/12);
 * the submission is made for the past period 8 (4月下半月), which also shows the late mark. No other spec
 * files 乌兰镇's input or opens task 24's period 8 (the indicators spec reports periods 9 and 10).
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test, userPage, watchDialogs } from "./fixtures";

test.describe.configure({ mode: "serial" });

const SCRIPT = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
const DRAFT = "乌兰镇：本期完成乌兰镇段路基 12 公里（草稿）";
const FILED = `乌兰镇：4月下半月完成征地 35 亩，路基开挖 8 公里。${SCRIPT}`;

const form = (page: Page) => page.getByRole("form", { name: "配合进展" });
const contributionRow = (page: Page, seq: number) => page.getByTestId("contribution-items").locator(`[data-testid="work-item"][data-seq="${seq}"]`);

test("乌兰镇 drafts this period's input from its workspace; the draft survives a reload and stays its own", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "乌兰镇-填报");
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("乌兰镇");
  await expect(page.getByTestId("current-period")).toContainText("本期：2022年6月下半月");
  await expect(contributionRow(page, 24)).toHaveAttribute("data-state", "missing");
  await contributionRow(page, 24).getByRole("link", { name: "填报：第 24 项" }).click();

  await expect(page).toHaveURL(/\/contributions\/24\/12$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("实施农村路网建设300公里。");
  await expect(page.getByText("截止时间：6月30日 24:00")).toBeVisible();
  await expect(page.getByTestId("time-left")).toHaveText("还剩 10 天 14 小时");
  await expect(page.getByTestId("contribution-state")).toHaveText("未填报");

  // An empty submission is refused with a Chinese message; nothing is lost.
  await form(page).getByRole("button", { name: "报送" }).click();
  await expect(form(page).getByText("请填写本期配合进展").first()).toBeVisible();

  await form(page).getByLabel("本期配合进展").fill(DRAFT);
  await form(page).getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("contribution-feedback")).toHaveText("草稿已保存");
  await page.reload();
  await expect(form(page).getByLabel("本期配合进展")).toHaveValue(DRAFT);
  await expect(page.getByTestId("contribution-state")).toHaveText("草稿");

  await page.goto("/unit");
  await expect(contributionRow(page, 24)).toHaveAttribute("data-state", "draft");
  expect(dialogs).toEqual([]);
});

test("乌兰镇 files a past period's input: marked late by the server; the lead unit sees it, markup shown as text", async ({ browser }) => {
  const town = await userPage(browser, "乌兰镇-填报");
  await town.page.goto("/unit");
  const owed = town.page.locator('[data-testid="owed-task"][data-kind="contribution"][data-seq="24"]');
  await owed.locator('[data-testid="owed-period"][data-period="8"]').click();

  await expect(town.page).toHaveURL(/\/contributions\/24\/8$/);
  await expect(town.page.getByText("2022年4月下半月")).toBeVisible();
  await expect(town.page.getByTestId("time-left")).toContainText("已逾期");
  await form(town.page).getByLabel("本期配合进展").fill(FILED);
  await form(town.page).getByRole("button", { name: "报送" }).dblclick(); // a double click files once
  await expect(town.page.getByTestId("contribution-feedback")).toContainText("（逾期报送）");
  await expect(town.page.getByTestId("contribution-state")).toHaveText("逾期报送");
  await expect(form(town.page).getByRole("button", { name: "重新报送" })).toBeVisible();
  await expect(form(town.page).getByRole("button", { name: "保存草稿" })).toHaveCount(0);

  // No longer owed in the workspace.
  await town.page.goto("/unit");
  await expect(
    town.page.locator('[data-testid="owed-task"][data-kind="contribution"][data-seq="24"] [data-testid="owed-period"][data-period="8"]'),
  ).toHaveCount(0);
  await expect(
    town.page.locator('[data-testid="owed-task"][data-kind="contribution"][data-seq="24"] [data-testid="owed-period"][data-period="9"]'),
  ).toHaveCount(1);

  // The lead unit: its report form for that period shows the input; the task's history too.
  const lead = await userPage(browser, "交通局-填报");
  await lead.page.goto("/reports/24/8");
  await expect(lead.page.getByText(SCRIPT, { exact: false }).first()).toBeVisible();
  await expect(lead.page.getByText("乌兰镇：4月下半月完成征地 35 亩", { exact: false }).first()).toBeVisible();

  await lead.page.goto("/tasks/24");
  const history = lead.page.getByTestId("task-history");
  await expect(history.getByTestId("progress-curve")).toBeVisible();
  const period8 = history.locator('[data-testid="history-period"][data-period="8"]');
  await expect(period8.getByTestId("history-contribution")).toContainText("乌兰镇");
  await expect(period8.getByTestId("history-contribution")).toContainText("逾期");
  await expect(period8.getByText(SCRIPT, { exact: false })).toBeVisible();
  // This period's input is still a draft: not shown to anyone but 乌兰镇, and 乌兰镇 is listed as missing.
  const period12 = history.locator('[data-testid="history-period"][data-period="12"]');
  await expect(period12.getByTestId("history-missing")).toContainText("乌兰镇");
  await expect(lead.page.getByText(DRAFT)).toHaveCount(0);

  // The lead unit's workspace: this period's report of task 24, with the cooperating inputs tallied (the draft does not count).
  await lead.page.goto("/unit");
  const row24 = lead.page.getByTestId("report-items").locator('[data-testid="work-item"][data-seq="24"]');
  await expect(row24.getByTestId("state")).toHaveText(/未填报|草稿|待负责人审阅|已报送|逾期报送|被退回|已审核/);
  await expect(row24.getByTestId("inputs")).toHaveText("责任单位配合进展：已报送 0/6");

  expect(town.dialogs.concat(lead.dialogs)).toEqual([]);
  await town.close();
  await lead.close();
});

test("only a unit that owes the input gets the form: the lead unit, another unit and the office get 404", async ({ page }) => {
  for (const username of ["交通局", "农牧局", "ducha", "张军"]) {
    await signIn(page, username);
    const response = await page.goto("/contributions/24/12");
    expect(response?.status(), username).toBe(404);
    await page.context().clearCookies();
  }
});
