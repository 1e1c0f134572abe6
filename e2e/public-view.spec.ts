/**
 * 政务公开 in the browser: a lead unit writes a task's public summary, the office approves it and publishes
 * the plan's public page, and the page — fetched signed out — shows the task and the approved summary but
 * nothing internal planted in the same data: the name of the filer who filed its report, a criticism
 * (通报批评) naming the lead unit, the report's problems and the office's return reason. The page passes an
 * axe check (WCAG 2 A/AA), fits a 375 px phone without sideways scrolling, filters without JavaScript,
 * answers 404 once withdrawn and 429 past the rate limit.
 *
 * This spec's own data, written straight into the database before and removed after: a unit with a head
 * and a filer account, a 执行中 plan of two tasks it leads (a second live plan: this spec runs in the
 * shared-state pass, see playwright.config.ts), an accepted report with internal notes, and a published
 * criticism. Its rate-limit bucket is its own plan's, so no other page's limit is touched.
 */
import AxeBuilder from "@axe-core/playwright";
import postgres from "postgres";
import { expect, test, userPage } from "./fixtures";

const url = process.env.E2E_DATABASE_URL ?? "";
test.skip(process.env.E2E_DATABASE_KIND === "pglite" || !url, "seeds through a Postgres connection");
test.describe.configure({ mode: "serial" });
test.slow();

/** Where the screenshots go: the run's second pass empties test-results/, so a run of this spec alone may point elsewhere. */
const SHOTS = process.env.E2E_SCREENSHOTS ?? "test-results";
const RUN = Date.now().toString(36).slice(-5);
const UNIT = `公开测试局${RUN}`;
const FILER_NAME = `赵秘填报员${RUN}`;
const PLAN_TITLE = `2022年政务公开测试分解表${RUN}`;
const TASK_1 = "建设政务公开测试停车场3处，新增泊位800个";
const TASK_2 = "推进政务公开测试道路养护120公里";
const SUMMARY = "停车场已开工2处，第3处完成选址。";
const CRITICISM = `对${UNIT}工作推进不力予以通报批评（测试批评正文）`;
const PROBLEMS = "内部问题：测试资金拨付卡壳";
const RETURN_REASON = "督查室内部意见：测试数据需核实";

let sql: ReturnType<typeof postgres>;
const ids = { unit: 0, head: 0, filer: 0, plan: 0, task1: 0, task2: 0, notice: 0 };

test.beforeAll(async () => {
  sql = postgres(url, { max: 1, onnotice: () => {} });
  const [unit] = await sql<{ id: number }[]>`insert into units (name, kind) values (${UNIT}, 'department') returning id`;
  ids.unit = unit!.id;
  // Every demo account has the demo password: the new accounts take the office's hash.
  const [office] = await sql<{ id: number; h: string }[]>`select id, password_hash as h from users where username = 'ducha'`;
  const [head] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, unit_id, unit_role) values (${UNIT}, ${`${UNIT}负责人`}, ${office!.h}, 'unit', ${ids.unit}, 'head') returning id`;
  const [filer] = await sql<{ id: number }[]>`
    insert into users (username, display_name, password_hash, role, unit_id, unit_role) values (${`${UNIT}-填报`}, ${FILER_NAME}, ${office!.h}, 'unit', ${ids.unit}, 'filer') returning id`;
  ids.head = head!.id;
  ids.filer = filer!.id;
  const [plan] = await sql<{ id: number }[]>`
    insert into plans (year, title, source, kind, cadence, state, reporting_start_period, activated_at)
    values (2022, ${PLAN_TITLE}, 'livelihood', 'table', 'half_monthly', 'active', 11, now()) returning id`;
  ids.plan = plan!.id;
  const [t1] = await sql<{ id: number }[]>`insert into tasks (plan_id, seq, content, due_on) values (${ids.plan}, 1, ${TASK_1}, '2022-12-31') returning id`;
  const [t2] = await sql<{ id: number }[]>`insert into tasks (plan_id, seq, content, due_on) values (${ids.plan}, 2, ${TASK_2}, '2022-12-31') returning id`;
  ids.task1 = t1!.id;
  ids.task2 = t2!.id;
  await sql`insert into task_units (task_id, unit_id, role) values (${ids.task1}, ${ids.unit}, 'lead'), (${ids.task2}, ${ids.unit}, 'lead')`;
  // Internal facts: a report filed by the filer, with problems and the office's return reason on record.
  await sql`
    insert into progress_reports (task_id, period_index, unit_id, status, progress, percent, progress_state, problems, return_reason, submitted_at, submitted_by, updated_by, late, submissions)
    values (${ids.task1}, 11, ${ids.unit}, 'accepted', '内部报告正文', 40, 'on_track', ${PROBLEMS}, ${RETURN_REASON}, now(), ${ids.filer}, ${ids.filer}, false, 1)`;
  const [notice] = await sql<{ id: number }[]>`
    insert into notices (plan_id, kind, status, year, title, body, created_by, published_by, published_at)
    values (${ids.plan}, 'criticism', 'published', 2022, ${`关于${UNIT}的通报批评`}, ${CRITICISM}, ${office!.id}, ${office!.id}, now()) returning id`;
  ids.notice = notice!.id;
  await sql`insert into notice_targets (notice_id, unit_id) values (${ids.notice}, ${ids.unit})`;
});

test.afterAll(async () => {
  if (!sql) return;
  const steps = [
    // A published notice is immutable (a trigger refuses DELETE): this spec's own is removed with triggers off, as the test reset does.
    () =>
      sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`delete from notice_targets where notice_id = ${ids.notice}`;
        await tx`delete from notice_recipients where notice_id = ${ids.notice}`;
        await tx`delete from notices where id = ${ids.notice}`;
      }),
    () => sql`delete from progress_reports where task_id in (${ids.task1}, ${ids.task2})`,
    () => sql`delete from task_public_summaries where task_id in (${ids.task1}, ${ids.task2})`,
    () => sql`delete from notifications where unit_id = ${ids.unit} or user_id in (${ids.head}, ${ids.filer})`,
    () => sql`delete from task_units where task_id in (${ids.task1}, ${ids.task2})`,
    () => sql`delete from tasks where plan_id = ${ids.plan}`,
    () => sql`delete from public_views where plan_id = ${ids.plan}`,
    () => sql`delete from plans where id = ${ids.plan}`,
    () => sql`delete from users where id in (${ids.head}, ${ids.filer})`,
    () => sql`delete from units where id = ${ids.unit}`,
  ];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      console.warn("public-view cleanup:", (error as Error).message);
    }
  }
  await sql.end();
});

test("the unit's summary, approved and published, is all the public page shows", async ({ browser, playwright, baseURL }) => {
  // The lead unit's filer writes the summary on the task's page and submits it.
  const unit = await userPage(browser, `${UNIT}-填报`);
  await unit.page.goto(`/tasks/${ids.task1}`);
  const panel = unit.page.getByTestId("public-summary");
  await expect(panel.getByRole("heading", { name: /公开摘要/ })).toBeVisible();
  await panel.getByRole("textbox", { name: "公开摘要" }).fill(SUMMARY);
  await panel.getByRole("button", { name: "提交审核" }).click();
  await expect(panel.getByText("已提交督查室审核，审核通过后才会公开")).toBeVisible();
  await expect(panel.getByTestId("public-summary-own")).toContainText("待督查室审核");
  await unit.page.screenshot({ path: `${SHOTS}/public-view-task.png`, fullPage: true });
  await unit.close();

  // The office approves it and publishes the plan's public page, after reading what becomes public.
  const office = await userPage(browser, "ducha");
  await office.page.goto("/supervision/public");
  const review = office.page.getByTestId("summary-review").filter({ hasText: TASK_1 });
  await expect(review.getByTestId("summary-draft")).toHaveText(SUMMARY);
  await office.page.screenshot({ path: `${SHOTS}/public-view-queue.png`, fullPage: true });
  await review.getByRole("button", { name: "审核通过并公开" }).click();
  await expect(review).toHaveCount(0);
  const plan = office.page.getByTestId("public-plan").filter({ hasText: PLAN_TITLE });
  await expect(plan.getByTestId("public-state")).toHaveText("未公开");
  await plan.getByRole("button", { name: "公开进展页面" }).click();
  const dialog = plan.getByRole("alertdialog");
  await expect(dialog).toContainText("任何人无需登录");
  await expect(dialog).toContainText("不公开：任何人员姓名");
  await office.page.screenshot({ path: `${SHOTS}/public-view-office-confirm.png`, fullPage: true });
  await dialog.getByRole("button", { name: "确认公开" }).click();
  await expect(plan.getByTestId("public-state")).toContainText("已公开");
  await expect(plan.getByRole("link", { name: `/open/${ids.plan}` })).toBeVisible();
  await office.page.screenshot({ path: `${SHOTS}/public-view-office.png`, fullPage: true });

  // Signed out: the page is served, cached for a short while, and holds nothing internal.
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get(`/open/${ids.plan}`, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+$/);
  // Its own policy, no script at all (the proxy's nonce policy is for the signed-in pages).
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["content-security-policy"]).not.toContain("script-src");
  const body = await response.text();
  expect(body).toContain(TASK_1);
  expect(body).toContain(TASK_2);
  expect(body).toContain(SUMMARY);
  expect(body).toContain(UNIT);
  expect(body).toContain("正常推进");
  for (const secret of [FILER_NAME, CRITICISM, "通报批评", PROBLEMS, RETURN_REASON, "内部报告正文", `${UNIT}负责人`]) expect(body).not.toContain(secret);
  const index = await anonymous.get("/open", { maxRedirects: 0 });
  expect(index.status()).toBe(200);
  expect(await index.text()).toContain(PLAN_TITLE);

  // In a signed-out browser: accessible, and readable on a phone.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/open/${ids.plan}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PLAN_TITLE);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/public-view-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const phoneAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(phoneAxe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/public-view-phone.png`, fullPage: true });
  await context.close();

  // The filters are a plain GET form: they work without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`/open/${ids.plan}`);
  await plain.getByLabel("任务内容或摘要").fill("道路养护");
  await plain.getByRole("button", { name: "查找" }).click();
  await expect(plain).toHaveURL(/q=/);
  await expect(plain.getByRole("status")).toContainText("共 2 项任务，符合条件的 1 项");
  await expect(plain.getByRole("table")).toContainText(TASK_2);
  await expect(plain.getByRole("table")).not.toContainText(TASK_1);
  await plain.getByLabel("进展状态").selectOption({ label: "正常推进" });
  await plain.getByLabel("任务内容或摘要").fill("");
  await plain.getByRole("button", { name: "查找" }).click();
  await expect(plain.getByRole("table")).toContainText(SUMMARY);
  await expect(plain.getByRole("table")).not.toContainText(TASK_2);
  await noScript.close();

  // Withdrawn: gone at once.
  await plan.getByRole("button", { name: "撤回公开" }).click();
  await plan.getByRole("alertdialog").getByRole("button", { name: "确认撤回" }).click();
  await expect(plan.getByTestId("public-state")).toHaveText("未公开");
  expect((await anonymous.get(`/open/${ids.plan}`, { maxRedirects: 0 })).status()).toBe(404);
  await office.close();

  // Past the limit (per address and plan, PUBLIC_RATE_LIMIT a window): 429 with Retry-After and a Chinese message.
  // A window may end during the loop, so up to two windows' worth of requests.
  let refused = null;
  for (let i = 0; i < 250 && !refused; i++) {
    const r = await anonymous.get(`/open/${ids.plan}`, { maxRedirects: 0 });
    if (r.status() === 429) refused = r;
    else expect(r.status()).toBe(404);
  }
  expect(refused).not.toBeNull();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused!.text()).toContain("访问过于频繁，请在");
  await anonymous.dispose();
});
