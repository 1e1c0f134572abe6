/**
 * Issue 13, finding 5: Postgres shut down immediately (`pg_ctl stop -m immediate`) while transactions
 * are in flight. postgres.js 3.4.9 then throws `TypeError: Cannot read properties of null (reading
 * 'write')` from a timer (the transaction's rollback written to a closed connection) and leaves its
 * pool unable to connect again. Under the server's guard the process survives, logs no uncaught
 * exception, and its queries work again as soon as Postgres is back.
 * On a cluster of its own (never the shared server).
 */
import { spawn } from "node:child_process";
import { afterAll, expect, it } from "vitest";
import { createPostgres, type OwnPostgres } from "../support/own-servers";

let pg: OwnPostgres | undefined;
afterAll(() => pg?.remove());

// It tests postgres.js against a real Postgres server (a cluster of its own), so it runs in the pass on
// Postgres; the pass on the embedded database (no TEST_DATABASE_URL) has nothing of its own to add here.
it.skipIf(!process.env.TEST_DATABASE_URL)(
  "survives an immediate shutdown during transactions and recovers when Postgres is back",
  { timeout: 90_000 },
  async () => {
    pg = createPostgres(Number(process.env.SHUTDOWN_TEST_PG_PORT ?? 3718));
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/postgres-shutdown-child.ts"], {
      env: { ...process.env, DATABASE_URL: pg.url, DB_POOL_MAX: "3" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    // Listened for from the start: the child may exit between two polls of waitFor.
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let output = "";
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 30_000;
        const check = () => {
          if (output.includes(text)) return resolve();
          if (child.exitCode !== null) return reject(new Error(`child exited: ${output}`));
          if (Date.now() > deadline) return reject(new Error(`no "${text}" within 30 s: ${output}`));
          setTimeout(check, 100);
        };
        check();
      });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));

    await waitFor("busy");
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the transactions are inside pg_sleep
    pg.stopImmediately();
    await waitFor("transactions");
    expect(output).toContain('transactions ["rejected","rejected","rejected"]');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode).toBeNull();

    pg.start();
    child.stdin.write("go\n");
    await waitFor("after");
    const result = JSON.parse(/after (.*)/.exec(output)![1]!) as { after: string[]; ms: number };
    expect(result.after).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    expect(output).not.toContain("uncaughtException");
    await exited;
    expect(child.exitCode).toBe(0);
  },
);
