/**
 * For tests that need what the shared suite cannot give: a Postgres cluster of their own (which they
 * may stop — never the shared server) and app servers of their own, started through scripts/server.ts with
 * the environment they choose (TRUSTED_PROXIES, for instance).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_BIN = "/usr/lib/postgresql/15/bin";

function asPostgres(command: string, args: string[]) {
  const root = process.getuid?.() === 0;
  // stdin/stdout ignored: the postmaster pg_ctl starts must not hold a pipe this process waits on.
  const options = { stdio: ["ignore", "ignore", "pipe"] as ("ignore" | "pipe")[], timeout: 60_000 };
  return root ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], options) : execFileSync(command, args, options);
}

export interface OwnPostgres {
  url: string;
  start(): void;
  stopImmediately(): void;
  remove(): void;
}

/** An empty cluster on 127.0.0.1:`port` (trust authentication), with a database `luoshi`. */
export function createPostgres(port: number): OwnPostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "luoshi-pg-"));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  asPostgres(`${PG_BIN}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const start = () =>
    asPostgres(`${PG_BIN}/pg_ctl`, [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
  start();
  asPostgres(`${PG_BIN}/createdb`, ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "luoshi"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/luoshi`,
    start,
    stopImmediately: () => asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-w", "-m", "immediate", "stop"]),
    remove() {
      try {
        asPostgres(`${PG_BIN}/pg_ctl`, ["-D", data, "-w", "-m", "immediate", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Migrations and the demo accounts and plan (no generated reports), through the launcher. */
export function seedDatabase(url: string) {
  execFileSync("npx", ["tsx", "scripts/with-db.ts", "--seed"], { env: { ...process.env, DATABASE_URL: url, APP_NOW: "now" }, stdio: "pipe" });
}

export interface OwnApp {
  baseURL: string;
  process: ChildProcess;
  /** Everything the server printed. */
  output(): string;
  stop(): Promise<void>;
}

export async function startApp(port: number, env: Record<string, string>): Promise<OwnApp> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "1",
      DB_POOL_MAX: "3",
      OUTBOX_WORKER: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app server exited: ${output}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`app server did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseURL,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
