import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium where it is installed (Playwright cannot download its own browser here). */
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const embedded = process.env.E2E_DATABASE_KIND === "pglite";
// Two instances on one database prove sessions work across instances; the embedded database
// serves a single connection, so there it is one instance.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const PORTS = embedded ? [BASE_PORT] : [BASE_PORT, BASE_PORT + 1];

const serverEnv = {
  DATABASE_URL: databaseUrl,
  DB_POOL_MAX: embedded ? "1" : "5",
  NODE_ENV: "production",
  // One random secret per run (scripts/e2e.ts sets it, so that every instance shares it).
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "",
  AUTH_TRUST_HOST: "1",
  APP_NOW: process.env.APP_NOW ?? "",
  // The suite's servers send nothing and scan no deadlines, so that no spec sees messages it did not cause;
  // e2e/delivery.spec.ts runs a server of its own with the worker on.
  OUTBOX_WORKER: "off",
};

/**
 * Specs that change what every user sees (a second live plan, a re-import of the live plan, the office's
 * second factor and the setting that demands it, the 负担提醒线 that every publish is checked against) run first, one at a time; every other spec owns its
 * records and runs beside another (scripts/e2e.ts runs the two projects one after the other).
 */
const SHARED_STATE = /(^|[/-])(plans|plans-live|workspace-plans|import|import-word|second-factor|public-view|burden)\.spec\.ts$/;
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

export default defineConfig({
  // scripts/e2e.ts points this at a reversed copy for E2E_ORDER=reverse.
  testDir: process.env.E2E_DIR ?? "e2e",
  fullyParallel: false,
  workers: embedded ? 1 : 2,
  retries: 0,
  // Two specs share the two cores: a long path (four accounts, a dozen pages) gets 90 s.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL: `http://127.0.0.1:${PORTS[0]}`, locale: "zh-CN", timezoneId: "Asia/Shanghai", trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "shared-state", testMatch: SHARED_STATE, workers: 1, use: browser },
    // The embedded database serves one connection to one app instance: there, one spec at a time.
    { name: "independent", testIgnore: SHARED_STATE, workers: embedded ? 1 : 2, use: browser },
  ],
  webServer: PORTS.map((port: number) => ({
    command: `npx tsx scripts/server.ts -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: (process.env.E2E_SERVER_LOG ? "pipe" : "ignore") as "pipe" | "ignore",
    stderr: "pipe" as const,
  })),
});
