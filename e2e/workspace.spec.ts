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
  await expect(page.locator('[data-testid="owed-task"][data-kind="contribution"][data-seq="41"] [data-period="1"]')).toHaveAttribute(
    "href",
    "/contributions/41/1",
  );
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

test("on a phone (390 px) the workspace's tasks are cards and the forms do not scroll sideways; the desktop keeps its table", async ({ browser }, testInfo) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await signIn(page, "交通局");
  await page.goto("/unit");
  const items = page.getByTestId("work-item");
  await expect(items).toHaveCount(4); // 2 reports, 2 inputs
  expect(await overflow()).toBeLessThanOrEqual(0);
  for (const item of await items.all()) {
    const card = (await item.boundingBox())!;
    // The task's text gets a full line (it was squeezed to two characters).
    const task = (await item.locator('a[href^="/tasks/"]').boundingBox())!;
    expect(task.width).toBeGreaterThanOrEqual(300);
    // The state and the deadline are on the card, inside the screen.
    for (const part of [item.getByTestId("state"), item.getByTestId("work-item-deadline")]) {
      await expect(part).toBeVisible();
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(card.x);
      expect(box.x + box.width).toBeLessThanOrEqual(Math.min(card.x + card.width, 390));
    }
  }
  await expect(page.getByTestId("report-items").getByRole("columnheader", { name: "本期状态" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("unit-390.png"), fullPage: true });

  // The forms a filer opens from there: a report (lead) and an input (cooperating).
  await page
    .getByTestId("report-items")
    .locator('[data-testid="work-item"][data-seq="24"]')
    .getByRole("link", { name: /：第 24 项$/ })
    .click();
  await expect(page).toHaveURL(/\/reports\/24\/12$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("report-390.png"), fullPage: true });
  await page.goto("/contributions/41/12");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await phone.close();

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const wide = await desktop.newPage();
  await signIn(wide, "交通局");
  await wide.goto("/unit");
  const table = wide.getByTestId("report-items");
  for (const name of ["序号", "重点工作任务", "本期状态", "期限", "操作"]) await expect(table.getByRole("columnheader", { name })).toBeVisible();
  const row = table.locator('[data-testid="work-item"][data-seq="24"]');
  expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe("table-row");
  // One line per task: the state and the deadline sit beside the task, not under it.
  const [task, state] = [(await row.getByTestId("work-item-task").boundingBox())!, (await row.getByTestId("state").boundingBox())!];
  expect(state.x).toBeGreaterThan(task.x + task.width - 1);
  expect(state.y).toBeLessThan(task.y + task.height);
  await desktop.close();
});
