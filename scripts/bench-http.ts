/**
 * The HTTP stage of `npm run bench`: what a user waits for. The production build (`npm run build`,
 * built here when missing; NEXT_DIST_DIR names another build folder) is started on the bench database,
 * the office (ducha) and a leader sign in through next-auth, and each page is
 * - fetched once for its HTML size,
 * - loaded in Chromium for its DOMContentLoaded time and DOM node count (median of a few loads),
 * - driven by N concurrent signed-in clients for a fixed time (autocannon): requests/s, p50, p95,
 *   and the server's peak RSS while it lasts.
 *
 * One call per data set; `printHttpTable` prints both side by side with the ratio scale/demo.
 *   BENCH_HTTP_SECONDS (default 10), BENCH_HTTP_CONNECTIONS (default 10), BENCH_HTTP_PORT (default 3900);
 *   WEB_CONCURRENCY (default 1) is the server's, and the peak RSS is of all its processes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { signInOverHttp } from "../tests/support/http-sign-in";
import { startApp } from "../tests/support/own-servers";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3900);
const PASSWORD = "Luoshi@2022";
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface PageCase {
  label: string;
  path: string;
  /** The account that opens it. */
  username: string;
}

export interface PageFigures {
  label: string;
  path: string;
  bytes: number;
  domNodes: number;
  domContentLoadedMs: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

export interface HttpStage {
  data: string;
  pages: PageFigures[];
  peakRssMb: number;
}

function ensureBuild() {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  if (existsSync(path.join(dist, "BUILD_ID"))) return;
  console.log("(no production build: running next build)");
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

/** The session cookie of a signed-in account, through next-auth's own sign-in (the form's POST). */
const signIn = (baseURL: string, username: string) => signInOverHttp(baseURL, username, PASSWORD);

/** The resident memory of the server: its process and every process under it (WEB_CONCURRENCY workers). */
function rssMb(pid: number): number {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
  const children = readdirSync(`/proc/${pid}/task`, { withFileTypes: true }).flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task.name}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return kb / 1024 + children.reduce((sum, child) => sum + rssMb(child), 0);
}

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function drive(baseURL: string, url: string, cookie: string): Promise<{ requestsPerSecond: number; p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${baseURL}${url}`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: times.length / SECONDS,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Starts the production build on `databaseUrl`, measures each page, stops the server. */
export async function benchHttp(data: string, databaseUrl: string, cases: PageCase[], appNow: string): Promise<HttpStage> {
  ensureBuild();
  const app = await startApp(PORT, { DATABASE_URL: databaseUrl, APP_NOW: appNow, DB_POOL_MAX: "10" });
  const pid = app.process.pid!;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(pid))), 100);
  try {
    const cookies = new Map<string, string>();
    for (const c of cases) if (!cookies.has(c.username)) cookies.set(c.username, await signIn(app.baseURL, c.username));
    const pages: PageFigures[] = [];
    for (const c of cases) {
      const cookie = cookies.get(c.username)!;
      const response = await fetch(`${app.baseURL}${c.path}`, { headers: { cookie }, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${c.path}: ${response.status}`);
      const context = await browser.newContext();
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.baseURL };
        }),
      );
      const page = await context.newPage();
      const loads: { dcl: number; nodes: number }[] = [];
      for (let i = 0; i < 4; i++) {
        await page.goto(`${app.baseURL}${c.path}`, { waitUntil: "load" });
        loads.push(
          await page.evaluate(() => {
            const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
            return { dcl: navigation!.domContentLoadedEventEnd - navigation!.startTime, nodes: document.getElementsByTagName("*").length };
          }),
        );
      }
      await context.close();
      // The first load warms the server's code for the page; the median of the others.
      const dcls = loads
        .slice(1)
        .map((l) => l.dcl)
        .sort((a, b) => a - b);
      const load = await drive(app.baseURL, c.path, cookie);
      pages.push({
        label: c.label,
        path: c.path,
        bytes: Buffer.byteLength(html),
        domNodes: loads.at(-1)!.nodes,
        domContentLoadedMs: percentile(dcls, 0.5),
        ...load,
      });
    }
    return { data, pages, peakRssMb };
  } finally {
    clearInterval(sampler);
    await browser.close();
    await app.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => (Number.isNaN(value) ? "—" : `${value.toFixed(0)} ms`);

/** One table: each page on each data set, then the ratio scale/demo of bytes and p95. */
export function printHttpTable(demo: HttpStage, scale: HttpStage) {
  const rows: string[][] = [["page", "data", "HTML", "DOM nodes", "Chromium DCL", "req/s", "p50", "p95", "errors"]];
  for (const stage of [demo, scale]) {
    for (const p of stage.pages) {
      rows.push([
        p.label,
        stage.data,
        kb(p.bytes),
        String(p.domNodes),
        ms(p.domContentLoadedMs),
        p.requestsPerSecond.toFixed(0),
        ms(p.p50),
        ms(p.p95),
        String(p.errors),
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length + (r[i]!.match(/[\u4e00-\u9fff]/g)?.length ?? 0))));
  const line = (r: string[]) => r.map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length - (cell.match(/[\u4e00-\u9fff]/g)?.length ?? 0))).join("  ");
  console.log(`\nHTTP, ${CONNECTIONS} concurrent signed-in clients for ${SECONDS} s per page (production build):\n`);
  for (const r of rows) console.log(line(r));
  console.log("\nscale / demo:");
  for (const p of scale.pages) {
    const d = demo.pages.find((x) => x.path === p.path && x.label === p.label);
    if (!d) continue;
    console.log(`  ${p.label.padEnd(30)} bytes ×${(p.bytes / d.bytes).toFixed(2)}   p95 ×${(p.p95 / d.p95).toFixed(2)}`);
  }
  console.log(
    `\nserver peak RSS under load (${process.env.WEB_CONCURRENCY ?? 1} process(es) serving): demo ${demo.peakRssMb.toFixed(0)} MB, scale ${scale.peakRssMb.toFixed(0)} MB`,
  );
}
