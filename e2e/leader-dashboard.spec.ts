/**
 * 领导驾驶舱 at the pinned clock 2022-06-20 10:00 (序时进度 of a whole-year task 46.7%). 林草局
 * (no other spec uses it) files task 46 (leader 柳天云) for 6月下半月 at 10%: 欠进度, with a 需协调事项.
 * 柳天云's first screen shows what needs him (the red tasks, the request waiting for his instruction);
 * one click away he sees the counts and the legend and drills from 欠进度 to the task and its report; 王国泉 compares leaders on
 * the whole-government view and drills down; the digest prints on A4; a phone has no sideways scroll.
 */
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TASK = 46;
const ASK = "林草局请求协调交通运输局保障苗木运输车辆通行";
const countOf = async (page: Page, key: string) => Number(await page.getByTestId(`count-${key}`).getByTestId("count-value").textContent());

test("林草局 files task 46 for 6月下半月 at 10%", async ({ page }) => {
  await signIn(page, "林草局");
  await page.goto(`/reports/${TASK}/12`);
  const f = page.getByRole("form", { name: "进展报告" });
  await f.getByLabel("本期工作进展").fill("完成人工造林 1.2 万亩，植被恢复工程招标完成。");
  await f.getByLabel("完成进度").fill("10");
  await f.getByRole("radio", { name: "滞后" }).check();
  await f.getByLabel("存在问题").fill("苗木调运受疫情影响");
  await f.getByLabel("需协调事项").fill(ASK);
  await f.getByRole("button", { name: "报送", exact: true }).click();
  await expect(page.getByTestId("report-state")).toHaveText("已报送");
});

test("柳天云's first screen shows what needs him now; the rest is one click away", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "柳天云");
  await expect(page).toHaveURL(/\/leader$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("柳天云，您好");
  const attention = page.getByTestId("attention");
  await expect(attention.getByRole("heading", { name: "需要您关注" })).toBeInViewport();
  // The red tasks, task 46 (furthest behind) among them, and the request waiting for his instruction.
  const red = attention.locator(`[data-testid="attention-task"][data-task="${TASK}"]`);
  await expect(red).toBeInViewport();
  await expect(red).toContainText("欠进度 36.7 个百分点");
  const ask = attention.getByTestId("attention-request").filter({ hasText: ASK });
  await expect(ask).toBeInViewport();
  await expect(ask).toContainText("林草局");
  await expect(attention.getByTestId("attention-follow-ups")).toBeVisible();
  await page.screenshot({ path: "test-results/leader-first-screen.png" });
  await page.screenshot({ path: "test-results/leader-attention-full.png", fullPage: true });
  // Well under the old ≈3,800 px, and readable: body text 16 px.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1600);
  const fontPx = (locator: ReturnType<Page["locator"]>) => locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await fontPx(red.getByRole("link").first())).toBeGreaterThanOrEqual(16);
  expect(await fontPx(ask.locator("p").first())).toBeGreaterThanOrEqual(16);
  expect(await fontPx(page.getByTestId("task-count").locator(".."))).toBeGreaterThanOrEqual(16);
  // Not on the first screen: the full list, the chart, the units table.
  await expect(page.getByTestId("dashboard-task")).toHaveCount(0);
  await expect(page.getByTestId("progress-chart")).toHaveCount(0);

  // One click: the units and the chart.
  const tabs = page.getByTestId("dashboard-tabs");
  await tabs.getByRole("link", { name: "牵头单位与走势" }).click();
  await expect(tabs.getByRole("link", { name: "牵头单位与走势" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator('[data-testid="progress-chart"] > svg')).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "牵头单位", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/leader-units.png", fullPage: true });
});

test("柳天云 sees the counts and the legend, and drills from 欠进度 to the task and its report", async ({ page }) => {
  await signIn(page, "柳天云");
  await expect(page).toHaveURL(/\/leader$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("柳天云，您好");
  await page
    .getByTestId("dashboard-tabs")
    .getByRole("link", { name: /全部任务/ })
    .click();
  await expect(page).toHaveURL(/\/leader\?view=tasks$/);
  const total = Number(await page.getByTestId("task-count").textContent());
  expect(total).toBeGreaterThan(20);
  const paces = await Promise.all(["ahead", "on_pace", "behind", "completed", "unreported"].map((k) => countOf(page, k)));
  expect(paces.reduce((a, b) => a + b, 0)).toBe(total);
  const lights = await Promise.all(["red", "amber", "green"].map((k) => countOf(page, k)));
  expect(lights.reduce((a, b) => a + b, 0)).toBe(total);
  expect(await countOf(page, "behind")).toBeGreaterThanOrEqual(1);
  // Nobody has dispatched anything yet.
  expect(await countOf(page, "stale")).toBe(total);

  // One page holds them all (共 N 项, no page links); red first: every red card before the first non-red one.
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${total} 项`);
  const signals = await page.getByTestId("dashboard-task").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-signal")));
  expect(signals).toHaveLength(total);
  expect(signals.indexOf("red")).toBe(0);
  expect(signals.lastIndexOf("red")).toBeLessThan(Math.max(signals.indexOf("amber"), signals.indexOf("green"), signals.length));

  // The legend explains the rules.
  const legend = page.getByTestId("dashboard-legend");
  await legend.getByText("图例与规则说明").click();
  await expect(legend).toContainText("序时进度 = 任务时限内已过去的时间比例");
  await expect(legend).toContainText("低于序时进度超过 5 个百分点");
  await expect(legend).toContainText("红灯");
  await expect(legend).toContainText("超过两周未调度");

  // A count filters the list; the card shows its pace against 序时进度 and why it is red.
  await page.getByTestId("count-behind").click();
  await expect(page).toHaveURL(/\/leader\?pace=behind#tasks$/);
  const cards = page.getByTestId("dashboard-task");
  await expect(cards).toHaveCount(await countOf(page, "behind"));
  await expect(page.locator('[data-testid="dashboard-task"]:not([data-pace="behind"])')).toHaveCount(0);
  const card = page.locator(`[data-testid="dashboard-task"][data-task="${TASK}"]`);
  await expect(card.getByTestId("latest-percent")).toHaveText("10%");
  await expect(card.getByTestId("expected")).toHaveText("46.7%");
  await expect(card.getByTestId("signal-light")).toHaveText("红灯");
  await expect(card.getByTestId("signal-reasons")).toContainText("欠进度 36.7 个百分点（已报 10%，序时进度 46.7%）");
  await expect(card.getByTestId("stale-dispatch")).toHaveText("超过两周未调度");

  // From the card to the report behind the number, and to the task.
  await card.getByRole("link", { name: "（6月下半月报告）" }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK}/reports/12$`));
  await expect(page.getByText("完成人工造林 1.2 万亩").first()).toBeVisible();
  await page.goBack();
  await card.getByTestId("task-link").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("全面开展国土绿化行动");

  // Not theirs: the whole-government view and another leader's dashboard are not found.
  expect((await page.goto("/dashboard"))!.status()).toBe(404);
  expect((await page.goto("/leader/digest?leader=1"))!.status()).toBe(404);
});

test("柳天云's task list pages: a count's filter → page 2 → the filter kept → by 序号", async ({ page }) => {
  await signIn(page, "柳天云");
  await page.goto("/leader?view=tasks");
  const total = Number(await page.getByTestId("task-count").textContent());
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${total} 项`);
  // 超过两周未调度: every task not dispatched lately, more than one page of 20.
  const stale = await countOf(page, "stale");
  expect(stale).toBeGreaterThan(20);
  await page.getByTestId("count-stale").click();
  await expect(page).toHaveURL(/\/leader\?stale=1#tasks$/);
  await expect(page.getByTestId("list-count")).toHaveText(`共 ${stale} 项`);
  await page.getByRole("link", { name: "每页 20 条" }).click();
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${stale} 项，第 1 / ${Math.ceil(stale / 20)} 页`);
  const cards = page.getByTestId("dashboard-task");
  await expect(cards).toHaveCount(20);
  const firstPage = await cards.evaluateAll((all) => all.map((c) => c.getAttribute("data-task")));
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/stale=1&view=tasks&page=2&size=20$/);
  await expect(page.getByRole("heading", { name: /筛选：超过两周未调度/ })).toBeVisible();
  await expect(cards).toHaveCount(Math.min(20, stale - 20));
  const secondPage = await cards.evaluateAll((all) => all.map((c) => c.getAttribute("data-task")));
  expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
  await expect(page.locator('[data-testid="dashboard-task"]:not(:has([data-testid="stale-dispatch"]))')).toHaveCount(0);
  // By 序号: page 1 again, the filter and the size kept, 序号 rising.
  await page.getByRole("link", { name: "按序号升序排列" }).click();
  await expect(page).toHaveURL(/stale=1&view=tasks&size=20&sort=seq$/);
  await expect(page.getByTestId("pager-summary")).toHaveText(`共 ${stale} 项，第 1 / ${Math.ceil(stale / 20)} 页`);
  const seqs = await cards.evaluateAll((all) => all.map((c) => Number(/序号 (\d+)/.exec(c.textContent ?? "")![1])));
  expect(seqs).toHaveLength(20);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
});

test("王国泉 compares leaders and units on the whole-government view and drills down", async ({ page }) => {
  await signIn(page, "王国泉");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("全局视图");
  const total = Number(await page.getByTestId("task-count").textContent());
  expect(total).toBe(71);
  const row = page.locator('[data-testid="leader-row"][data-leader="柳天云"]');
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("leader-row")).toHaveCount(9);
  const behind = row.getByTestId("leader-behind");
  const n = Number(await behind.textContent());
  expect(n).toBeGreaterThanOrEqual(1);
  await behind.click();
  await expect(page).toHaveURL(/\/dashboard\/tasks\?leader=\d+&pace=behind$/);
  await expect(page.getByTestId("drill-filter")).toContainText("责任领导：柳天云 · 欠进度");
  await expect(page.getByTestId("dashboard-task")).toHaveCount(n);
  await page.locator(`[data-testid="dashboard-task"][data-task="${TASK}"]`).getByTestId("task-link").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK}$`));

  // Units side by side: 林草局's behind-pace number leads to its tasks.
  await page.goto("/dashboard");
  const unit = page.locator('[data-testid="unit-row"][data-unit="林草局"]');
  await unit.getByTestId("unit-behind").click();
  await expect(page).toHaveURL(/\/dashboard\/tasks\?unit=\d+&pace=behind$/);
  await expect(page.getByTestId("drill-filter")).toContainText("牵头单位：林草局");
  await expect(page.locator(`[data-testid="dashboard-task"][data-task="${TASK}"]`)).toHaveCount(1);
  // The chart is plain server-rendered SVG; its bar for 6月下半月 opens that period's digest.
  await page.goto("/dashboard");
  await page.locator('[data-testid="chart-bar"][data-period="12"]').click();
  await expect(page).toHaveURL(/\/leader\/digest\?period=12$/);
});

test("the digest of a period prints on one A4 page without the application's header", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await signIn(page, "柳天云");
  await page.goto("/leader");
  await page.getByTestId("digest-link").click();
  await expect(page).toHaveURL(/\/leader\/digest$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导简报 · 柳天云");
  await expect(page.getByTestId("digest")).toContainText("2022年6月上半月"); // the latest period past its due time
  await page.getByLabel("期次").selectOption({ label: "2022年6月下半月" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/period=12/);
  const row = page.locator(`[data-testid="digest-row"][data-task="${TASK}"]`);
  await expect(row).toContainText("按时报送");
  await expect(row).toContainText("10% / 46.7%");
  await expect(row).toContainText("苗木调运受疫情影响");
  await page.getByTestId("print-digest").click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByTestId("print-digest")).toBeHidden();
  await expect(page.getByTestId("digest-table")).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // 柳天云's usual load — every one of the 22 tasks — on one A4 page.
  await expect(page.getByTestId("digest-row")).toHaveCount(22);
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
});

test("on a phone (390 px) the dashboards do not scroll sideways", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await signIn(page, "柳天云");
  await page.goto("/leader");
  await expect(page.getByTestId("attention-task").first()).toBeInViewport();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/leader-phone.png", fullPage: true });
  await page.goto("/leader?view=tasks");
  await expect(page.getByTestId("dashboard-task").first()).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(page.getByTestId("count-behind")).toBeInViewport();
  await page.goto("/leader/digest");
  expect(await overflow()).toBeLessThanOrEqual(0);
  await context.close();
  const ctx2 = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const wang = await ctx2.newPage();
  await signIn(wang, "王国泉");
  await wang.goto("/dashboard");
  await expect(wang.getByTestId("leader-table")).toBeVisible();
  expect(await wang.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await ctx2.close();
});

test("the dashboard's first-load JavaScript, as the browser loads it, is under 200 KB gzipped", async ({ page }) => {
  await signIn(page, "柳天云");
  // Let the landing page finish loading first: a script of it still arriving when /leader is opened
  // could not be read (its page is gone) and would fail the count for the wrong reason.
  await page.waitForLoadState("networkidle");
  const scripts = new Map<string, number>();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
  });
  await page.goto("/leader", { waitUntil: "networkidle" });
  await expect(page.getByTestId("attention-task").first()).toBeVisible();
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.log(`[first-load JS] /leader: ${scripts.size} scripts, ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(scripts.size).toBeGreaterThan(0);
  expect(total).toBeLessThan(200 * 1024);
  // The chart is SVG from the server: no chart script ships, not even on its tab.
  await page.getByTestId("dashboard-tabs").getByRole("link", { name: "牵头单位与走势" }).click();
  await expect(page.locator('[data-testid="progress-chart"] > svg')).toHaveCount(1);
  expect([...scripts.keys()].some((url) => /visx/i.test(url))).toBe(false);
});
