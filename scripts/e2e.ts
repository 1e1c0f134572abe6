/**
 * End-to-end tests against the production build, on a database of their own:
 * - TEST_DATABASE_URL (or DATABASE_URL) set: a fresh database on that Postgres server, dropped after;
 * - unset: the embedded PGlite in a fresh temporary folder, served on a local socket.
 * The database gets the migrations and the demo data, then Playwright starts two app instances on it.
 *
 * E2E_ORDER=reverse runs the spec files in reverse order (Playwright hands them out alphabetically): a
 * check that no spec depends on another's writes or on file order.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { connect } from "../db/index";
import { seedDemo } from "../lib/plans/demo-seed";

const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
// The app's clock during the end-to-end tests: mid-2022, the seed plan's year (6月下半月 is current).
process.env.APP_NOW ??= "2022-06-20T10:00:00+08:00";
// The instances' session secret: random for this run, shared by both instances.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
let url: string;
let cleanup: () => Promise<void>;
let embedded: EmbeddedPostgres | undefined;

if (server) {
  const name = `luoshi_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  url = u.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-e2e-"));
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite") });
  url = embedded.url;
  cleanup = async () => {
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

/** A copy of e2e/ whose spec files sort in reverse order (at the top level, so relative imports still resolve). */
function reversedSpecs(): string {
  const dir = ".e2e-reverse";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const files = readdirSync("e2e").filter((name) => name.endsWith(".ts"));
  const specs = files
    .filter((name) => name.endsWith(".spec.ts"))
    .sort()
    .reverse();
  for (const name of files.filter((file) => !file.endsWith(".spec.ts"))) copyFileSync(path.join("e2e", name), path.join(dir, name));
  for (const [index, name] of specs.entries()) copyFileSync(path.join("e2e", name), path.join(dir, `${String(index).padStart(3, "0")}-${name}`));
  return dir;
}
const testDir = process.env.E2E_ORDER === "reverse" ? reversedSpecs() : "e2e";

let status = 1;
try {
  await runMigrations(url);
  const { client, db } = connect(url, 1);
  await seedDemo(db);
  await client.end();
  console.log(`[e2e] database ready (${embedded ? "embedded PGlite" : "Postgres"})`);
  // The specs that change what everyone sees first, one at a time; then the rest, two at a time
  // (playwright.config.ts). Asynchronously: the embedded database is served from this very process.
  const codes: number[] = [];
  for (const project of ["shared-state", "independent"]) {
    const child = spawn("npx", ["playwright", "test", `--project=${project}`, "--pass-with-no-tests", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, E2E_DATABASE_URL: url, E2E_DATABASE_KIND: embedded ? "pglite" : "postgres", E2E_DIR: testDir },
    });
    codes.push(await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1))));
  }
  status = codes.every((code) => code === 0) ? 0 : 1;
} finally {
  await cleanup();
  if (testDir !== "e2e") rmSync(testDir, { recursive: true, force: true });
}
process.exit(status);
