import { describe, expect, it } from "vitest";
import { DatabaseHealth } from "@/lib/server/database-health";
import { isClosedSocketWrite } from "@/lib/server/postgres-closed-socket";
import { answeredWhileDown, unavailableResponse } from "@/lib/server/unavailable-page";
import { isDatabaseUnavailable } from "@/lib/services/db-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises refused and dropped connections, also wrapped by drizzle as `cause`", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect timeout"), { code: "CONNECT_TIMEOUT" }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true);
  });

  it("recognises Postgres shutting down or not yet accepting connections", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001"]) {
      expect(isDatabaseUnavailable(Object.assign(new Error("terminating"), { code }))).toBe(true);
    }
  });

  it("leaves other errors alone: a constraint, a bug", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("DatabaseHealth", () => {
  function setup(results: boolean[]) {
    let now = 0;
    const probes: number[] = [];
    const health = new DatabaseHealth(
      async () => {
        probes.push(now);
        if (!results.shift()) throw new Error("down");
      },
      () => now,
    );
    return { health, probes, advance: (ms: number) => (now += ms) };
  }

  it("costs nothing while all is well: no probe", async () => {
    const { health, probes } = setup([]);
    for (let i = 0; i < 5; i++) expect(await health.available()).toBe(true);
    expect(probes).toEqual([]);
  });

  it("once marked down, answers without probing for a second, then probes once a second until the database answers", async () => {
    const { health, probes, advance } = setup([false, true]);
    health.markDown();
    expect(await health.available()).toBe(false);
    expect(probes).toEqual([]);
    advance(1000);
    const [a, b] = await Promise.all([health.available(), health.available()]);
    expect([a, b]).toEqual([false, false]);
    expect(probes).toEqual([1000]); // two requests at once: one probe
    advance(500);
    expect(await health.available()).toBe(false);
    advance(500);
    expect(await health.available()).toBe(true);
    expect(probes).toEqual([1000, 2000]);
    expect(health.isDown()).toBe(false);
  });

  it("checks an unexplained 5xx in the background, at most once a second", async () => {
    const { health, probes, advance } = setup([false]);
    health.suspect();
    health.suspect();
    await new Promise((resolve) => setImmediate(resolve));
    expect(probes).toEqual([0]);
    expect(health.isDown()).toBe(true);
    advance(1000);
    expect(health.isDown()).toBe(true);
  });
});

describe("while the database is down, the server answers", () => {
  it("page and API reads itself, but lets posts, static files, sign-in and the health check through", () => {
    expect(answeredWhileDown("GET", "/unit")).toBe(true);
    expect(answeredWhileDown("HEAD", "/tasks?plan=1")).toBe(true);
    expect(answeredWhileDown("GET", "/api/export/overview?period=1")).toBe(true);
    expect(answeredWhileDown("POST", "/unit")).toBe(false); // a server action answers its own message
    expect(answeredWhileDown("GET", "/_next/static/chunks/a.js")).toBe(false);
    expect(answeredWhileDown("GET", "/api/auth/session")).toBe(false);
    expect(answeredWhileDown("GET", "/api/health")).toBe(false);
  });

  it("with the Chinese message: an HTML page, JSON under /api", () => {
    const page = unavailableResponse("/unit");
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain("服务暂时不可用，请稍后再试");
    expect(JSON.parse(unavailableResponse("/api/attachments/1").body)).toEqual({ ok: false, message: "服务暂时不可用，请稍后再试" });
  });
});

describe("isClosedSocketWrite", () => {
  it("recognises postgres.js writing to a connection it already closed, and nothing else", () => {
    const error = new TypeError("Cannot read properties of null (reading 'write')");
    error.stack = `${error.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/cjs/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:485:21)`;
    expect(isClosedSocketWrite(error)).toBe(true);
    const other = new TypeError("Cannot read properties of null (reading 'write')");
    other.stack = `${other.message}\n    at render (/app/.next/server/chunks/page.js:1:1)`;
    expect(isClosedSocketWrite(other)).toBe(false);
    expect(isClosedSocketWrite(new Error("Cannot read properties of null (reading 'write')"))).toBe(false);
  });
});
