/**
 * A unit's workspace (本单位工作台) and its task-list export, at the pinned clock 2022-06-20 10:00
 * (period 12 = 2022年6月下半月 current, due 6月30日 24:00). Other specs file reports for 交通局's
 * tasks, so this one checks the structure, not particular report states.
 */
import readXlsxFile from "read-excel-file/node";
import { expect, signIn, test } from "./fixtures";

test("交通局's workspace: this period, every task it leads and every input it owes, what is owed from past periods", async ({ page }) => {
  await signIn(page, "交通局");
  await expect(page).toHaveURL(/\/unit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("交通局");
  await expect(page.getByTestId("lead-count")).toHaveText("2");
  await expect(page.getByTestId("cooperating-count")).toHaveText("7");
  const current = page.getByTestId("current-period");
  await expect(current).toContainText("本期：2022年6月下半月");
  await expect(current).toContainText("截止时间：6月30日 24:00");

  const reports = page.getByTestId("report-items").getByTestId("work-item");
  await expect(reports).toHaveCount(2);
  expect((await reports.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-seq")))).sort()).toEqual(["24", "27"]);
  await expect(page.getByTestId("report-items").getByRole("link", { name: /：第 24 项$/ })).toHaveAttribute("href", "/reports/24/12");

  const inputs = page.getByTestId("contribution-items").getByTestId("work-item");
  await expect(inputs).toHaveCount(2); // 41 and 65 name 交通局; 各地各部门 obliges no one
  await expect(page.getByTestId("contribution-items").getByRole("link", { name: /：第 41 项$/ })).toHaveAttribute("href", "/contributions/41/12");
  await expect(page.getByTestId("shared-tasks").locator("li")).toHaveCount(5);

  // Past periods: every owed period is red (overdue) and links to its form.
  const owedPeriods = page.getByTestId("past-owed").getByTestId("owed-period");
  expect(await owedPeriods.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("summary")).toContainText("往期欠报");
  await expect(page.locator('[data-testid="owed-task"][data-kind="contribution"][data-seq="41"] [data-period="1"]')).toHaveAttribute("href", "/contributions/41/1");
});

test("the export button downloads the unit's task list as XLSX", async ({ page }) => {
  await signIn(page, "交通局-填报");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-task-list").click()]);
  expect(download.suggestedFilename()).toBe("交通局任务清单.xlsx");
  const path = await download.path();
  const sheets = await readXlsxFile(path);
  const data = sheets[0]!.data;
  expect(data[0]).toEqual(["序号", "重点工作任务", "责任领导", "本单位角色", "牵头单位", "最新进度（%）", "最新进展", "最近报送时间", "本期状态"]);
  expect(data.slice(1).map((r) => r[0])).toEqual([24, 27, 1, 5, 12, 16, 19, 41, 65]);
});

test("the export refuses the signed-out (401) and other roles (403)", async ({ page, request }) => {
  // Without a session cookie the proxy sends the visitor to sign in; with a forged one the handler itself says 401.
  const anonymous = await request.get("/api/export/task-list", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toContain("/login");
  const forged = await request.get("/api/export/task-list", { maxRedirects: 0, headers: { cookie: "next-auth.session-token=forged" } });
  expect(forged.status()).toBe(401);
  await signIn(page, "ducha");
  expect((await page.request.get("/api/export/task-list")).status()).toBe(403);
});
