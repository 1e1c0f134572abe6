/**
 * Issue 15: `WEB_CONCURRENCY=2 npm start` serves with two worker processes on one port, on an app
 * server and Postgres cluster of this file's own (ports E2E_PORT+11 and E2E_PORT+7; +5 is session-secret.spec.ts's).
 * - a session signed in on one worker is good on the other (nothing about it lives in a process);
 * - both workers answer requests;
 * - a worker that dies is replaced, and the pages answer meanwhile (from the other worker);
 * - stopping the server (SIGTERM) stops every worker.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createPostgres, seedDatabase, startApp, type OwnApp, type OwnPostgres } from "../tests/support/own-servers";
import { DEMO_PASSWORD } from "./fixtures";
import { signInOverHttp } from "../tests/support/http-sign-in";

const BASE = Number(process.env.E2E_PORT ?? 3100);

test.describe.configure({ mode: "serial" });

let pg: OwnPostgres;
let app: OwnApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = createPostgres(BASE + 7);
  seedDatabase(pg.url);
  app = await startApp(BASE + 11, { DATABASE_URL: pg.url, WEB_CONCURRENCY: "2" });
});

test.afterAll(async () => {
  await app?.stop();
  pg?.remove();
});

function workersOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** CPU time a process has used, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Each request on a connection of its own, so that the primary hands it to the next worker; given up
 * after 10 s (a connection handed to a worker as it is killed is never answered).
 */
function get(path: string, cookie = "") {
  return fetch(`${app.baseURL}${path}`, { headers: { cookie, connection: "close" }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
}

/** Signed in over connections of their own too. */
const signIn = (username: string) => signInOverHttp(app.baseURL, username, DEMO_PASSWORD, { connection: "close" });

test("two workers share the port and the sessions; a dead worker is replaced; SIGTERM stops them all", async () => {
  test.setTimeout(120_000);
  expect(app.output()).toContain("2 个工作进程");
  const primary = app.process.pid!;
  const first = workersOf(primary);
  expect(first).toHaveLength(2);

  // One sign-in, then pages on fresh connections: every one is the office's own, whichever worker answers.
  const cookie = await signIn("ducha");
  const before = first.map(cpuTicks);
  for (let i = 0; i < 12; i++) {
    const response = await get("/tasks", cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('data-testid="task-total"');
  }
  const after = first.map(cpuTicks);
  // Both workers rendered pages (each used CPU time for it).
  for (const [i, ticks] of after.entries()) expect(ticks, `worker ${first[i]}`).toBeGreaterThan(before[i]!);

  // A worker killed outright: a connection it held may reset, the other worker answers, and the primary starts another.
  process.kill(first[0]!, "SIGKILL");
  await expect.poll(async () => (await get("/tasks", cookie).catch(() => null))?.status, { timeout: 30_000 }).toBe(200);
  await expect.poll(() => workersOf(primary).filter((pid) => pid !== first[0]).length, { timeout: 30_000 }).toBe(2);
  const replaced = workersOf(primary);
  expect(replaced).toContain(first[1]);
  await expect.poll(async () => (await get("/api/health")).status, { timeout: 30_000 }).toBe(200);
  for (let i = 0; i < 4; i++) expect((await get("/tasks", cookie)).status).toBe(200);

  // Stopping the server stops every worker.
  await app.stop();
  await expect.poll(() => [primary, ...replaced].filter(alive), { timeout: 15_000 }).toEqual([]);
});
