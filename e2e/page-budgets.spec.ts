/**
 * Issue 15: the office's main pages stay small at a county's scale. On a Postgres cluster and an app
 * server of this file's own (ports E2E_PORT+8 for Postgres, E2E_PORT+4 for the app), the demo is grown
 * to the bench's scaled data (scripts/bench-data.ts: 3 plans × 1,000 tasks, 200 units, a full year of
 * reports), generated here and never committed. Each page, opened as the office (and the dashboard
 * as the leader with the most tasks), must be ≤ 300 KB of HTML and ≤ 3,000 DOM nodes.
 */
import { execFileSync } from "node:child_process";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { createPostgres, seedDatabase, startApp, type OwnApp, type OwnPostgres } from "../tests/support/own-servers";
import { signIn } from "./fixtures";

const BASE = Number(process.env.E2E_PORT ?? 3100);
const APP_NOW = "2022-12-31T20:00:00+08:00";
const MAX_HTML_BYTES = 300 * 1024;
const MAX_DOM_NODES = 3_000;

test.describe.configure({ mode: "serial" });

let pg: OwnPostgres;
let app: OwnApp;
let busiestLeader: string;
let taskCount: number;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  pg = createPostgres(BASE + 8);
  seedDatabase(pg.url);
  execFileSync("npx", ["tsx", "scripts/bench-data.ts"], { env: { ...process.env, DATABASE_URL: pg.url, APP_NOW }, stdio: "pipe" });
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    const [leader] = await sql<{ name: string }[]>`
      select l.name from task_leaders tl join leaders l on l.id = tl.leader_id join tasks t on t.id = tl.task_id join plans p on p.id = t.plan_id
      where p.state = 'active' and not t.overall and t.archived_at is null group by l.name order by count(*) desc, l.name limit 1`;
    busiestLeader = leader!.name;
    const [tasks] = await sql<
      { n: number }[]
    >`select count(*)::int as n from tasks t join plans p on p.id = t.plan_id where p.state = 'active' and t.archived_at is null`;
    taskCount = tasks!.n;
  } finally {
    await sql.end();
  }
  app = await startApp(BASE + 4, { DATABASE_URL: pg.url, APP_NOW });
});

test.afterAll(async () => {
  await app?.stop();
  pg?.remove();
});

async function measure(page: import("@playwright/test").Page, path: string) {
  const response = await page.goto(`${app.baseURL}${path}`);
  expect(response?.status()).toBe(200);
  const bytes = (await response!.body()).byteLength;
  const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  return { bytes, nodes };
}

test("at 1,000 tasks × 200 units the office's task table, overview and matrix, and a leader's dashboard and task list stay within 300 KB and 3,000 nodes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  expect(taskCount).toBeGreaterThan(1_000);
  const office = await browser.newContext({ baseURL: app.baseURL });
  const page = await office.newPage();
  await signIn(page, "ducha");
  for (const path of ["/tasks", "/supervision/overview", "/supervision/matrix"]) {
    const { bytes, nodes } = await measure(page, path);
    expect.soft(bytes, `${path} HTML bytes`).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect.soft(nodes, `${path} DOM nodes`).toBeLessThanOrEqual(MAX_DOM_NODES);
  }
  // The whole selection is still counted and reachable: the task table says how many and pages on.
  await page.goto(`${app.baseURL}/tasks`);
  await expect(page.getByTestId("pager-summary").first()).toContainText(/共 \d{4,} 项/);
  await page.getByRole("navigation", { name: "分页" }).first().getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await office.close();

  const leader = await browser.newContext({ baseURL: app.baseURL });
  const leaderPage = await leader.newPage();
  await signIn(leaderPage, busiestLeader);
  for (const path of ["/leader", "/leader?view=tasks"]) {
    const { bytes, nodes } = await measure(leaderPage, path);
    expect.soft(bytes, `${path} HTML bytes`).toBeLessThanOrEqual(MAX_HTML_BYTES);
    expect.soft(nodes, `${path} DOM nodes`).toBeLessThanOrEqual(MAX_DOM_NODES);
  }
  await leader.close();
});
