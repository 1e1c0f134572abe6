/**
 * Starts a command (the app, the seed, the importer) with a database ready:
 * - DATABASE_URL set: that Postgres server;
 * - unset: the embedded PGlite, persisted under PGLITE_DIR (default .data/pglite), served on a
 *   local socket so that the app uses the same `postgres` driver and queries.
 * Migrations are applied first; with --seed, an empty database gets the demo data.
 *
 *   tsx scripts/with-db.ts [--seed] -- tsx scripts/server.ts
 */
import "./outside-next"; // seeding calls the app's services (the demo's dispatch meetings)
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { ensureSecretFile } from "../lib/auth/secret-file";

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const flags = separator === -1 ? args : args.slice(0, separator);
const command = separator === -1 ? [] : args.slice(separator + 1);
const seed = flags.includes("--seed");
const DEMO_NOW = "2022-06-20T10:00:00+08:00";

let embedded: EmbeddedPostgres | undefined;
let url = process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = { ...process.env };
if (!url) {
  const dataDir = path.resolve(process.env.PGLITE_DIR ?? ".data/pglite");
  embedded = await startEmbeddedPostgres({ dataDir, port: Number(process.env.PGLITE_PORT ?? 0) });
  url = embedded.url;
  env.DATABASE_URL = url;
  env.DB_POOL_MAX = process.env.DB_POOL_MAX ?? "1";
  // One connection at a time: one server process (lib/server/workers.ts).
  env.WEB_CONCURRENCY = "1";
  console.log(`[落实] 内置数据库（PGlite）已启动：${dataDir}`);
}
env.AUTH_TRUST_HOST ??= "1";
// No secret given: one generated on first start and kept in the data folder (never a constant in the source).
if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET && command.length > 0) {
  const { secret, file, created } = ensureSecretFile(path.resolve(process.env.DATA_DIR ?? ".data"));
  env.NEXTAUTH_SECRET = secret;
  console.log(`[落实] 会话密钥：${created ? "已生成并保存在" : "使用"} ${file}`);
}

// The demo shows the 2022 plan as it looked mid-year, unless a clock is given (APP_NOW=now for the real one).
if (seed) {
  env.APP_NOW ??= DEMO_NOW;
  if (env.APP_NOW === "now") delete env.APP_NOW;
  else console.log(`[落实] 演示时钟：${env.APP_NOW}（设 APP_NOW=now 使用真实时间）`);
}

await runMigrations(url);
if (seed) {
  process.env.DATABASE_URL = url;
  // The app's one shared handle, so that services the seeding calls (the demo's dispatch meetings) use
  // the same connection: the embedded database serves exactly one.
  if (env.DB_POOL_MAX) process.env.DB_POOL_MAX = env.DB_POOL_MAX;
  const { db, closeDb } = await import("../db/index");
  const { isSeeded, seedDemo, DEMO_PASSWORD } = await import("../lib/plans/demo-seed");
  try {
    if (await isSeeded(db)) {
      console.log("[落实] 数据库已有数据，跳过演示数据导入");
    } else {
      const result = await seedDemo(db);
      console.log(`[落实] 已导入演示数据：${result.tasks} 项任务，${result.accounts} 个账号（密码 ${DEMO_PASSWORD}）`);
      if (env.APP_NOW) {
        const { seedDemoReports } = await import("../lib/plans/demo-reports");
        const reports = await seedDemoReports(db, { at: new Date(env.APP_NOW), reportingStartPeriod: 5 });
        console.log(
          `[落实] 已生成演示报告：${reports.reports} 份进展报告，${reports.contributions} 份配合进展（自3月上半月起），${reports.dispatches} 次领导调度`,
        );
      }
    }
  } finally {
    await closeDb();
  }
}

async function stop(code: number): Promise<never> {
  await embedded?.stop().catch(() => {});
  process.exit(code);
}

if (command.length === 0) await stop(0);
const [bin, ...rest] = command as [string, ...string[]];
const child = spawn(bin, rest, { stdio: "inherit", env, shell: process.platform === "win32" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => void stop(code ?? (signal ? 1 : 0)));
