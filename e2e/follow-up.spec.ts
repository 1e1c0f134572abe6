/**
 * The follow-up at the pinned clock (2022-06-20 10:00, period 12 = 2022年6月下半月 current):
 * the office reminds period 12 with one click; 交通局 sees the unread badge and the reminder in its
 * inbox, opens it (the count drops); that courtesy reminder is not in the ledger, the overdue period
 * 11's reminder is; the office records a 督办函 for 交通局; 交通局 writes its
 * 情况说明 (shown as text, markup and all); the office sees it in the ledger.
 * Other specs may add notifications for 交通局: counts are compared before and after, not fixed. No
 * other spec escalates 交通局 (reminds an overdue period, criticises it), so its 问责台账 row is this spec's.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

async function unreadCount(page: Page): Promise<number> {
  const badge = page.getByTestId("unread-badge");
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.textContent());
}

test("催办 → inbox → 督办函 → 情况说明 → the office sees it in the ledger", async ({ browser }) => {
  const office = await (await browser.newContext()).newPage();
  const unit = await (await browser.newContext()).newPage();

  // The office: period 12 is chosen by default; 交通局 owes its reports; one click reminds everyone.
  await signIn(office, "ducha");
  await office.goto("/supervision/reminders");
  await expect(office.getByRole("heading", { level: 2, name: /2022年6月下半月/ })).toBeVisible();
  await expect(office.getByTestId("previous-owed")).toContainText("2022年6月上半月");
  const jiaotongOwes = office.locator('[data-testid="owed-unit"][data-unit="交通局"]');
  await expect(jiaotongOwes).toContainText("第24项");
  await office.getByRole("button", { name: "一键催办" }).click();
  await expect(office.getByRole("status")).toContainText(/已向 \d+ 个单位发出催办/);
  await expect(office.getByTestId("reminder-entry").first()).toContainText("催办 2022年6月下半月");
  await expect(office.getByTestId("last-reminder")).toContainText("10 分钟内不能重复催办");
  await expect(office.getByRole("button", { name: "一键催办" })).toBeDisabled();

  // 交通局: the badge on every page, the reminder unread in the inbox; opening it marks it read.
  await signIn(unit, "交通局");
  await expect(unit.getByTestId("unread-reminders")).toContainText("催办：请于 6月30日 24:00 前报送2022年6月下半月");
  await expect(unit.getByTestId("unread-badge")).toBeVisible();
  const before = await unreadCount(unit);
  expect(before).toBeGreaterThan(0);
  await unit.getByTestId("inbox-link").click();
  await expect(unit).toHaveURL(/\/inbox$/);
  const reminder = unit.getByTestId("notification").filter({ hasText: "催办：请于 6月30日 24:00 前报送2022年6月下半月" });
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toHaveAttribute("data-read", "false");
  await reminder.getByRole("button").click();
  await expect(reminder.getByTestId("notification-body")).toContainText("第24项");
  await expect(reminder).toHaveAttribute("data-read", "true");
  // The read is saved: the reminder is no longer among the unread, and the badge counts what the server
  // counts. (Other specs' reports and notices may reach 交通局 meanwhile, so no fixed number is expected.)
  const check = await unit.context().newPage();
  await expect
    .poll(
      async () => {
        await check.goto("/inbox?filter=unread");
        const total = Number((await check.getByTestId("pager-summary").textContent())?.match(/共 (\d+)/)?.[1]);
        const stillUnread = await check.getByTestId("notification").filter({ hasText: "催办：请于 6月30日 24:00 前报送2022年6月下半月" }).count();
        return stillUnread === 0 && (await unreadCount(check)) === total;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await check.close();
  await reminder.getByRole("link", { name: "前往处理" }).click();
  await expect(unit).toHaveURL(/\/unit$/);
  await expect(unit.getByTestId("current-period")).toBeVisible();
  await expect(unit.getByTestId("unread-reminders")).toHaveCount(0);

  // Nothing of period 12 was due yet: that reminder is no step in the 问责台账. Period 11 is overdue: reminding it is.
  await office.goto("/supervision/escalations");
  const row = office.locator('[data-testid="ledger-row"][data-unit="交通局"]');
  await expect(office.getByRole("heading", { level: 1, name: "问责台账" })).toBeVisible();
  await expect(row).toHaveCount(0);
  await office.goto("/supervision/reminders?period=11");
  await expect(office.getByRole("heading", { level: 2, name: /2022年6月上半月/ })).toBeVisible();
  await office.getByRole("button", { name: "一键催办" }).click();
  await expect(office.getByRole("status")).toContainText(/个单位记入问责台账/);

  // The office records a 督办函 for 交通局 from its ledger.
  await office.goto("/supervision/escalations");
  await expect(row.getByTestId("step-badge")).toHaveText("催办");
  await row.getByRole("link", { name: "交通局" }).click();
  await expect(office).toHaveURL(/\/supervision\/escalations\/\d+$/);
  const letter = office.getByRole("form", { name: "督办函" });
  await letter.getByLabel("事实依据").fill("6月下半月第24、27项进展报告经催办仍未报送");
  await letter.getByLabel("办理期限").fill("2022-06-25T18:00");
  await letter.getByRole("button", { name: "发出督办函" }).click();
  await expect(letter.getByRole("status")).toHaveText("已记录督办函");
  const officeStep = office.locator('[data-testid="ledger-step"][data-step="supervision_letter"]');
  await expect(officeStep).toContainText("期限：6月25日 18:00");
  await expect(officeStep.getByTestId("explanation")).toContainText("单位尚未报送情况说明");

  // 交通局 is told, and writes its 情况说明 for that step (markup is shown as text).
  await unit.goto("/escalations");
  const unitStep = unit.locator('[data-testid="ledger-step"][data-step="supervision_letter"]');
  await expect(unitStep).toContainText("6月下半月第24、27项进展报告经催办仍未报送");
  const explanation = "因征地手续延误，已于6月22日补报。<img src=x onerror=alert(1)>";
  await unitStep.getByLabel("情况说明（报送后不能修改）").fill(explanation);
  await unitStep.getByRole("button", { name: "报送情况说明" }).click();
  await expect(unitStep.getByTestId("explanation-text")).toHaveText(explanation);
  await expect(unitStep.locator("img")).toHaveCount(0);

  // The office sees it in the ledger.
  await office.reload();
  await expect(officeStep.getByTestId("explanation-text")).toHaveText(explanation);
  await expect(officeStep.getByTestId("explanation")).toContainText("交通局负责人");
});

test("each side's pages are the other's 404", async ({ page }) => {
  await signIn(page, "交通局-填报");
  for (const path of ["/supervision/reminders", "/supervision/findings", "/supervision/escalations", "/supervision/escalations/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await expect((await page.goto("/inbox"))?.status()).toBe(200);
  await expect((await page.goto("/escalations"))?.status()).toBe(200);
});

test("the office records a finding and finds it by filter", async ({ page }) => {
  await signIn(page, "ducha");
  await page.goto("/supervision/findings");
  const form = page.getByRole("form", { name: "记录督查发现" });
  const task = form.getByLabel("任务");
  await task.selectOption((await task.locator("option", { hasText: /^27\./ }).getAttribute("value"))!);
  await form.getByLabel("差").check();
  await form.getByLabel("督查发现").fill("现场进度与报告不符 <b>核实</b>");
  await form.getByRole("button", { name: "记录" }).click();
  await expect(form.getByRole("status")).toHaveText("已记录");
  const finding = page.getByTestId("finding-row").filter({ hasText: "现场进度与报告不符 <b>核实</b>" });
  await expect(finding).toContainText("第27项");
  await expect(finding).toContainText("差");
  await page.getByRole("form", { name: "筛选督查发现" }).locator('select[name="rating"]').selectOption("good");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("finding-row").filter({ hasText: "现场进度与报告不符" })).toHaveCount(0);
});
