/**
 * Issue 13, findings 3 and 5, on a Postgres cluster and app servers of this file's own (ports
 * E2E_PORT+2.. for the apps, E2E_PORT+9 for Postgres): the shared database is never stopped, and
 * the sign-in attempts made here never count against the suite's address.
 *
 * - The database stops (immediately) and comes back: the sign-in redirect carries a fixed code and no
 *   SQL, pages answer 503 「服务暂时不可用，请稍后再试」, an action answers that message, the process
 *   survives without an uncaught exception, and the pages work again once Postgres is back.
 * - A forged X-Forwarded-For is not what sign_in_attempts and the audit log record; rotating it does
 *   not escape the per-address limit; from a trusted proxy (TRUSTED_PROXIES=127.0.0.1) it is used.
 */
import postgres from "postgres";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";
import { createPostgres, seedDatabase, startApp, type OwnApp, type OwnPostgres } from "../tests/support/own-servers";

const BASE = Number(process.env.E2E_PORT ?? 3100);
const MESSAGE = "服务暂时不可用，请稍后再试";

test.describe.configure({ mode: "serial" });

let pg: OwnPostgres;
let app: OwnApp;
let behindProxy: OwnApp;
let sql: postgres.Sql;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = createPostgres(BASE + 9);
  seedDatabase(pg.url);
  sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  [app, behindProxy] = await Promise.all([
    startApp(BASE + 2, { DATABASE_URL: pg.url }),
    startApp(BASE + 3, { DATABASE_URL: pg.url, TRUSTED_PROXIES: "127.0.0.1" }),
  ]);
});

test.afterAll(async () => {
  await sql?.end({ timeout: 1 }).catch(() => {});
  await Promise.all([app?.stop(), behindProxy?.stop()]);
  pg?.remove();
});

/** A sign-in posted as the form does without JavaScript; answers where next-auth redirects to. */
async function postSignIn(request: APIRequestContext, baseURL: string, username: string, password: string, headers: Record<string, string> = {}) {
  const csrf = (await (await request.get(`${baseURL}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { username, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  // next-auth encodes the (already percent-encoded) message once more.
  let location = response.headers()["location"] ?? "";
  for (let decoded = decodeURIComponent(location); decoded !== location; decoded = decodeURIComponent(location)) location = decoded;
  return location;
}

test("with Postgres stopped: no SQL anywhere, 503 and the message; with Postgres back, the pages work again", async ({ browser, playwright }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("用户名").fill("农牧局");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/unit$/);
  await page.goto("/account/password");
  const form = page.getByRole("form", { name: "修改密码" });
  await expect(form).toBeVisible();
  const fresh = await browser.newContext({ baseURL: app.baseURL });
  const login = await fresh.newPage();
  await login.goto("/login");

  pg.stopImmediately();

  // Sign-in: a fixed code in the redirect, never the failed query.
  const anonymous = await playwright.request.newContext();
  const location = await postSignIn(anonymous, app.baseURL, "水利局-填报", "whatever-password");
  expect(location).toContain("error=SERVICE_UNAVAILABLE");
  expect(location).not.toMatch(/Failed query|select|sign_in_attempts|水利局/i);

  // A page: 503, the message, no SQL.
  const unit = await context.request.get(`${app.baseURL}/unit`);
  expect(unit.status()).toBe(503);
  const body = await unit.text();
  expect(body).toContain(MESSAGE);
  expect(body).not.toMatch(/Failed query|select /i);

  // An action: the message in the form, what was typed kept, the response a 503.
  await form.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await form.getByLabel("新密码", { exact: true }).fill("grassland-spring-7");
  await form.getByLabel("再次输入新密码").fill("grassland-spring-7");
  const [actionResponse] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/account/password")),
    form.getByRole("button", { name: "修改密码" }).click(),
  ]);
  expect(actionResponse.status()).toBe(503);
  await expect(form.getByRole("alert")).toHaveText(MESSAGE);
  await expect(form.getByLabel("新密码", { exact: true })).toHaveValue("grassland-spring-7");

  // The sign-in form (loaded before) shows the message.
  await login.getByLabel("用户名").fill("水利局");
  await login.getByLabel("密码").fill(DEMO_PASSWORD);
  await login.getByRole("button", { name: "登录" }).click();
  await expect(login.locator("form").getByRole("alert")).toHaveText(MESSAGE);
  expect(login.url()).not.toMatch(/Failed|select/i);

  expect(app.process.exitCode).toBeNull();

  pg.start();
  await expect.poll(async () => (await context.request.get(`${app.baseURL}/unit`)).status(), { timeout: 20_000, intervals: [500] }).toBe(200);
  await page.goto("/unit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("农牧局");
  const signedIn = await postSignIn(anonymous, app.baseURL, "农牧局", DEMO_PASSWORD);
  expect(signedIn).not.toContain("error=");

  expect(app.process.exitCode).toBeNull();
  expect(app.output()).not.toContain("uncaughtException");
  await Promise.all([anonymous.dispose(), context.close(), fresh.close()]);
});

test("a forged X-Forwarded-For is not what the attempts and the audit log record", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  await postSignIn(request, app.baseURL, "forged-header-user", "wrong-password", { "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9" });
  const attempts = await sql<{ ip: string }[]>`select ip from sign_in_attempts where username = 'forged-header-user'`;
  expect(attempts.map((a) => a.ip)).toEqual(["127.0.0.1"]);
  const audit = await sql<{ ip: string }[]>`select ip from audit_log where action = 'auth.sign_in_failed' and entity_id = 'forged-header-user'`;
  expect(audit.map((a) => a.ip)).toEqual(["127.0.0.1"]);
  const forged = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where ip like '203.0.113.%'`;
  expect(forged[0]!.n).toBe(0);
  await request.dispose();
});

test("rotating X-Forwarded-For does not escape the per-address limit", async ({ playwright }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext();
  let throttledAfter = 0;
  for (let i = 1; i <= 40; i++) {
    const location = await postSignIn(request, app.baseURL, `rotating-${i}`, "wrong-password", { "X-Forwarded-For": `203.0.113.${i}` });
    if (location.includes("次数过多")) {
      throttledAfter = i - 1;
      break;
    }
  }
  expect(throttledAfter).toBeGreaterThan(0);
  const addresses = await sql<{ ip: string }[]>`select distinct ip from sign_in_attempts where username like 'rotating-%'`;
  expect(addresses.map((a) => a.ip)).toEqual(["127.0.0.1"]);
  await request.dispose();
});

test("behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the forwarded address is the one recorded", async ({ playwright }) => {
  const request = await playwright.request.newContext();
  await postSignIn(request, behindProxy.baseURL, "proxied-user", "wrong-password", { "X-Forwarded-For": "198.51.100.20" });
  const attempts = await sql<{ ip: string }[]>`select ip from sign_in_attempts where username = 'proxied-user'`;
  expect(attempts.map((a) => a.ip)).toEqual(["198.51.100.20"]);
  const audit = await sql<{ ip: string }[]>`select ip from audit_log where action = 'auth.sign_in_failed' and entity_id = 'proxied-user'`;
  expect(audit.map((a) => a.ip)).toEqual(["198.51.100.20"]);
  await request.dispose();
});
