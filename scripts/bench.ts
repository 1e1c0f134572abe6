/**
 * `npm run bench`: server-side timings of the pages units use most, on real Postgres with the seed
 * plan and a full year of reports for every task. Prints median and p95 per case.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   (the default)
 *
 * A fresh database is created on that server and dropped afterwards. What is timed is the server
 * work of each page (the service calls the page awaits), measured in this process.
 *
 * Then the supervision office's pages at scale (scripts/bench-data.ts): the seed plan grown to 1,000
 * tasks and 200 units, with 2020 and 2021 plans of 1,000 tasks each, a full year of reports per task
 * (≈72,000 reports), and beside the 1,000-task plan two more live plans (民生实事, 100 tasks; 200 items
 * registered by hand, cadences mixed): the busiest unit's workspace over the 3 live plans, the period
 * overview and the compliance matrix (target: p95 < 200 ms).
 *
 * Then the leaders' dashboards on the same data (target: p95 < 150 ms): the leader with the most
 * tasks (≈130), their digest, and the whole-government view; and the first-load JavaScript of the
 * dashboard pages from the production build (scripts/bench-js.ts; target < 200 KB gzipped).
 */
import "./outside-next";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const name = `luoshi_bench_${process.pid}`;
const admin = postgres(server, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.DB_POOL_MAX = "10";
// The end of the plan's year: every one of the 24 periods has been reported.
process.env.APP_NOW = "2022-12-31T20:00:00+08:00";

function summarise(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${label.padEnd(44)} median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms   (n=${samples.length})`);
}

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  summarise(label, samples);
}

try {
  await runMigrations(url.toString());
  const { db, closeDb } = await import("../db/index");
  const { seedDemo } = await import("../lib/plans/demo-seed");
  const { seedDemoReports } = await import("../lib/plans/demo-reports");
  await seedDemo(db);
  const data = await seedDemoReports(db, { at: new Date(process.env.APP_NOW), reportingStartPeriod: 1 });
  console.log(`data: 72 tasks, ${data.reports} reports, ${data.contributions} contributions (a full year)\n`);

  const { sql } = await import("drizzle-orm");
  const { loadActor } = await import("../lib/data/users");
  const { getReportForm } = await import("../lib/services/reports");
  const actorOf = async (username: string) => {
    const rows = await db.execute<{ id: number; session_version: number }>(sql`select id, session_version from users where username = ${username}`);
    const row = rows[0]!;
    return (await loadActor(row.id, row.session_version))!;
  };
  // 农牧局 leads the most tasks (15).
  const head = await actorOf("农牧局");
  const tasks = await db.execute<{ id: number }>(
    sql`select t.id from tasks t join task_units tu on tu.task_id = t.id where tu.unit_id = ${head.unitId} and tu.role = 'lead' order by t.seq`,
  );
  const taskId = tasks[0]!.id;

  const { getUnitWorkspace } = await import("../lib/services/workspace");
  const cases: [string, () => Promise<unknown>][] = [
    ["unit workspace (农牧局, 15 lead tasks)", () => getUnitWorkspace(head)],
    ["report form (农牧局, task, period 24)", () => getReportForm(head, { taskId, periodIndex: 24 })],
  ];
  for (const [label, run] of cases) await time(label, run);

  // The pages over HTTP, as the office and the leader with the most tasks open them.
  const { benchHttp, printHttpTable } = await import("./bench-http");
  const httpCases = async () => {
    const [leader] = await db.execute<{ name: string }>(sql`
      select l.name from task_leaders tl join leaders l on l.id = tl.leader_id join tasks t on t.id = tl.task_id join plans p on p.id = t.plan_id
      where p.year = 2022 and p.state = 'active' and not t.overall and t.archived_at is null group by l.name order by count(*) desc, l.name limit 1`);
    return [
      { label: "任务表 /tasks", path: "/tasks", username: "ducha" },
      { label: "督查总览 /supervision/overview", path: "/supervision/overview", username: "ducha" },
      { label: "报送矩阵 /supervision/matrix", path: "/supervision/matrix", username: "ducha" },
      { label: `领导看板 /leader（${leader!.name}）`, path: "/leader", username: leader!.name },
      { label: "领导全部任务 /leader?view=tasks", path: "/leader?view=tasks", username: leader!.name },
    ];
  };
  const withHttp = process.env.BENCH_HTTP !== "0";
  const demoHttp = withHttp ? await benchHttp("demo", url.toString(), await httpCases(), process.env.APP_NOW) : null;

  // ── The supervision office at scale ──
  const { generateScaledData } = await import("./bench-data");
  const { sqlClient } = await import("../db/index");
  const scaled = await generateScaledData(sqlClient(), { at: new Date(process.env.APP_NOW) });
  console.log(
    `\ndata: ${scaled.plans} plans (${scaled.livePlans} live, ${scaled.items} items), ${scaled.tasks} tasks, ${scaled.units} units, ${scaled.reports} reports, ${scaled.versions} submitted versions (generated in ${scaled.seconds.toFixed(1)} s)\n`,
  );
  const { getPeriodOverview } = await import("../lib/services/overview");
  const { getComplianceMatrix } = await import("../lib/services/matrix");
  const ducha = await actorOf("ducha");
  const overview = (await getPeriodOverview(ducha))!;
  const matrix = (await getComplianceMatrix(ducha))!;
  console.log(
    `2022 plan: overview of ${overview.period.label}, ${overview.total} tasks (${overview.counts.missing} missing, ${overview.counts.late} late, ${overview.counts.copied} flagged 照抄); matrix ${matrix.matrix.rows.length} lead units × ${matrix.periods.length} periods\n`,
  );
  const someUnit = matrix.matrix.rows[0]!.unitId;
  // The unit leading the most live tasks and items, with a filer's account of its own.
  const [busiestUnit] = await db.execute<{ unit_id: number; n: number }>(sql`
    select tu.unit_id, count(*)::int as n from task_units tu join tasks t on t.id = tu.task_id join plans p on p.id = t.plan_id
    where tu.role = 'lead' and p.state = 'active' and not t.overall group by tu.unit_id order by n desc limit 1`);
  await db.execute(sql`insert into users (username, display_name, password_hash, role, unit_id, unit_role)
    select 'bench-unit', '规模测试填报员', password_hash, 'unit', ${busiestUnit!.unit_id}, 'head' from users where username = '农牧局'`);
  const busyUnit = await actorOf("bench-unit");
  const scaleCases: [string, () => Promise<unknown>][] = [
    [`period overview (${overview.total} tasks, period ${overview.period.index})`, () => getPeriodOverview(ducha)],
    [`unit workspace (busiest unit, ${busiestUnit!.n} lead tasks in 3 live plans)`, () => getUnitWorkspace(busyUnit)],
    ["period overview, filtered to one lead unit", () => getPeriodOverview(ducha, { unitId: someUnit, state: "missing" })],
    [`compliance matrix (${matrix.matrix.rows.length} units × ${matrix.periods.length} periods)`, () => getComplianceMatrix(ducha)],
  ];
  for (const [label, run] of scaleCases) await time(label, run);

  // ── Leaders at scale: the leader with the most tasks of the 2022 plan, and the whole government ──
  const { getGovernmentDashboard, getLeaderDashboard, getLeaderDigest } = await import("../lib/services/leader-dashboard");
  const [busiest] = await db.execute<{ name: string; n: number }>(sql`
    select l.name, count(*)::int as n from task_leaders tl join leaders l on l.id = tl.leader_id join tasks t on t.id = tl.task_id
    where t.plan_id = ${overview.plan.id} and not t.overall and t.archived_at is null group by l.name order by n desc limit 1`);
  const leader = await actorOf(busiest!.name);
  const wang = await actorOf("王国泉");
  const leaderDash = (await getLeaderDashboard(leader))!;
  const government = (await getGovernmentDashboard(wang))!;
  console.log(
    `\nleaders: ${busiest!.name} has ${leaderDash.counts.tasks} tasks (${leaderDash.counts.signal.red} red, ${leaderDash.counts.pace.behind} behind); whole government ${government.counts.tasks} tasks, ${government.leaders.length} leaders, ${government.units.total} lead units\n`,
  );
  const leaderCases: [string, () => Promise<unknown>][] = [
    [`leader dashboard (${busiest!.name}, ${leaderDash.counts.tasks} tasks)`, () => getLeaderDashboard(leader)],
    [`leader digest (${busiest!.name}, period 24)`, () => getLeaderDigest(leader, { periodIndex: 24 })],
    [`whole-government dashboard (${government.counts.tasks} tasks)`, () => getGovernmentDashboard(wang)],
  ];
  for (const [label, run] of leaderCases) await time(label, run);
  if (demoHttp) printHttpTable(demoHttp, await benchHttp("scale", url.toString(), await httpCases(), process.env.APP_NOW));
  await closeDb();
} finally {
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

// The dashboards' first-load JavaScript, from the production build (NEXT_DIST_DIR, default .next).
const { reportFirstLoadJs } = await import("./bench-js");
reportFirstLoadJs();
