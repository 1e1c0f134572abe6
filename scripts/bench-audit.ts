/**
 * `npx tsx scripts/bench-audit.ts`: the 操作日志 at scale — 1,000,000 audit rows over a year (a fifth
 * of them sign-in events, most with an account, failed sign-ins by typed names), then the page's
 * queries (count and page) and the export's batches for the filters people use, timed through the
 * services and with their query plans (which index each one takes).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-audit.ts
 *
 * A fresh database is created on that server and dropped afterwards. AUDIT_ROWS sets the size;
 * BENCH_KEEP=1 keeps the database (luoshi_bench_audit) and reuses it on the next run.
 */
import "./outside-next";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";

const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.AUDIT_ROWS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const keep = process.env.BENCH_KEEP === "1";
const name = keep ? "luoshi_bench_audit" : `luoshi_bench_audit_${process.pid}`;
const admin = postgres(server, { max: 1, onnotice: () => {} });
const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
if (!exists) await admin.unsafe(`create database "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

async function time(run: () => Promise<unknown>): Promise<string> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return `median ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms`;
}

try {
  const { db, closeDb, sqlClient } = await import("../db/index");
  const client = sqlClient();
  if (!exists) await setUp();

  async function setUp() {
    await runMigrations(url.toString());
    const { seedDemo } = await import("../lib/plans/demo-seed");
    await seedDemo(db);
    const { knownAuditActions } = await import("../lib/audit-log/labels");
    const actions = knownAuditActions().filter((a) => !a.startsWith("auth."));
    const started = performance.now();
    // Spread over the year before now: 20% sign-in events (of which a quarter failed, by a typed name), the rest the catalog's actions by accounts.
    await client.unsafe(
      `insert into audit_log (at, actor_user_id, actor_role, actor_unit_id, action, entity, entity_id, before, after, ip)
     select now() - make_interval(secs => (g::double precision / $1) * 365 * 86400),
            case when g % 5 = 0 then null else u.id end,
            case when g % 5 = 0 then null else u.role::text end,
            case when g % 5 = 0 then null else u.unit_id end,
            case when g % 20 = 0 then 'auth.sign_in_failed' when g % 5 = 0 then 'auth.sign_in' else ($2::text[])[1 + (g % array_length($2::text[], 1))] end,
            case when g % 5 = 0 then 'user' else 'progress_report' end,
            case when g % 20 = 0 then u.username when g % 5 = 0 then u.id::text else (g % 5000)::text end,
            null,
            case when g % 5 = 0 then null else jsonb_build_object('status', 'submitted', 'version', g % 7) end,
            '10.' || (g % 200) || '.' || (g % 250) || '.' || (g % 199)
     from generate_series(1, $1) g
     join (select row_number() over (order by id) - 1 as n, id, role, unit_id, username from users) u on u.n = g % (select count(*) from users)`,
      [ROWS, actions],
    );
    await client.unsafe("analyze audit_log");
    console.log(`audit_log: ${ROWS} rows inserted in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }

  const { loadActor } = await import("../lib/data/users");
  const ids = await client<
    { id: number; session_version: number; username: string }[]
  >`select id, session_version, username from users where username in ('admin', '交通局')`;
  const adminRow = ids.find((r) => r.username === "admin")!;
  const transport = ids.find((r) => r.username === "交通局")!;
  const actor = (await loadActor(adminRow.id, adminRow.session_version))!;

  const { parseAuditSearch } = await import("../lib/audit-log/filters");
  const { getAuditLogPage } = await import("../lib/services/audit-log");
  const { auditConditions, auditEntriesQuery, auditCountQuery, auditBatchQuery, latestAuditId } = await import("../lib/data/audit-log");
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);
  const cases: [string, Record<string, string>][] = [
    ["everything, page 1", {}],
    ["everything, page 200", { page: "200" }],
    ["one account (交通局)", { user: String(transport.id) }],
    ["未登录", { user: "anonymous" }],
    ["one action (report.submit)", { action: "report.submit" }],
    ["group 登录与会话", { action: "group:auth" }],
    ["last 30 days", { from: monthAgo, to: today }],
    ["account + group + 30 days", { user: String(transport.id), action: "group:report", from: monthAgo, to: today }],
    ["record or IP (10.7.7.7)", { q: "10.7.7.7" }],
  ];
  const explain = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    const plan = await client.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off, timing off, summary on) ${text}`, params as never[]);
    return plan.map((r) => `      ${r["QUERY PLAN"]}`).join("\n");
  };
  for (const [label, params] of cases) {
    const search = parseAuditSearch(params);
    let total = 0;
    const timing = await time(async () => {
      total = (await getAuditLogPage(actor, search)).total;
    });
    console.log(`${label.padEnd(30)} ${String(total).padStart(8)} rows   page ${timing}`);
    if (process.env.PLANS !== "0") {
      const account = search.filter.actor?.kind === "user" ? { id: transport.id, username: transport.username } : null;
      const where = auditConditions(search.filter, account);
      console.log(`    count:\n${await explain(auditCountQuery(db, where))}`);
      console.log(`    page:\n${await explain(auditEntriesQuery(db, where, { limit: 50, offset: (search.page - 1) * 50 }))}`);
      console.log(`    export batch:\n${await explain(auditBatchQuery(db, where, { afterId: null, upToId: await latestAuditId(db), limit: 1000 }))}`);
    }
  }

  // The export of the largest selection allowed: streamed, so memory stays flat.
  const { exportAuditLog, AUDIT_EXPORT_MAX_ROWS } = await import("../lib/services/audit-log");
  const days = Math.floor((AUDIT_EXPORT_MAX_ROWS / ROWS) * 365) - 1;
  const from = new Date(Date.now() - days * 86400_000).toISOString().slice(0, 10);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const file = await exportAuditLog(actor, parseAuditSearch({ from, to: today }).filter);
  let bytes = 0;
  const reader = file.stream.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  clearInterval(sampler);
  console.log(
    `\nexport of ${file.rows} rows (${days} days): ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(peak / 1e6).toFixed(0)} MB (+${((peak - rssBefore) / 1e6).toFixed(0)} MB)`,
  );
  await closeDb();
} finally {
  if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
