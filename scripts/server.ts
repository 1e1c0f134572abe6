/**
 * The app's server: Next.js behind a small Node HTTP server that sees the socket.
 * - The client's address is resolved against TRUSTED_PROXIES (lib/server/client-address.ts);
 *   forwarding headers from anyone else are dropped before Next.js sees the request.
 * - While the database is down, pages and API reads answer 503 「服务暂时不可用，请稍后再试」 at once;
 *   a request during which the app met a connection error answers 503 (lib/server/unavailable.ts).
 * - postgres.js's one uncatchable error after a dropped connection is survived (lib/server/postgres-closed-socket.ts).
 * - WEB_CONCURRENCY=N (or auto) runs N worker processes sharing the port (lib/server/workers.ts); the
 *   primary only starts them, restarts one that dies, and stops them all on SIGTERM/SIGINT.
 * - In production, source maps are off: tsx turns them on for our TypeScript, and Node would otherwise
 *   read and keep the map of every chunk of the build (about 100 MB per process).
 *
 *   tsx scripts/server.ts [--dev] [-p PORT] [-H HOST]      (npm start / npm run dev / npm run demo)
 */
import "../lib/server/node-env";
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import postgres from "postgres";
import { discardConnections } from "../db/index";
import { env } from "../lib/env";
import { compileTrust, EDGE_SERVER_ENV, sanitizeForwarding } from "../lib/server/client-address";
import { DatabaseHealth } from "../lib/server/database-health";
import { guardUncaughtExceptions } from "../lib/server/postgres-closed-socket";
import { listenForUnavailable } from "../lib/server/unavailable";
import { answeredWhileDown, unavailableResponse } from "../lib/server/unavailable-page";
import { serverWorkers } from "../lib/server/workers";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const dev = process.argv.includes("--dev");
const port = Number(option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("-H");
const trust = compileTrust(env.TRUSTED_PROXIES);
process.env[EDGE_SERVER_ENV] = "1";
if (!dev) process.setSourceMapsEnabled(false);
const workers = dev ? 1 : serverWorkers(process.env.WEB_CONCURRENCY, availableParallelism());

if (workers > 1 && cluster.isPrimary) superviseWorkers(workers);
else await serve();

/** The primary of several workers: it serves nothing itself. */
function superviseWorkers(count: number) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[落实] 工作进程 ${worker.process.pid} 退出（${signal ?? code}），重新启动`);
    cluster.fork();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
  console.log(`[落实] 生产模式，${count} 个工作进程，监听 http://${hostname ?? "localhost"}:${port}`);
}

async function serve() {
  let probeClient: postgres.Sql | undefined;
  const health = new DatabaseHealth(async () => {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL 未设置");
    probeClient ??= postgres(env.DATABASE_URL, { max: 1, connect_timeout: 2, idle_timeout: 5, onnotice: () => {} });
    await probeClient`select 1`;
  });

  guardUncaughtExceptions(() => {
    discardConnections();
    health.markDown();
  });

  interface RequestState {
    databaseUnavailable: boolean;
  }
  const requests = new AsyncLocalStorage<RequestState>();
  listenForUnavailable({
    databaseUnavailable() {
      const state = requests.getStore();
      if (state) state.databaseUnavailable = true;
      health.markDown();
    },
  });

  function sendUnavailable(req: IncomingMessage, res: ServerResponse) {
    const { contentType, body } = unavailableResponse(req.url);
    res.writeHead(503, {
      "Content-Type": contentType,
      "Cache-Control": "no-store",
      "Retry-After": "5",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** A response the app marked (a connection error during this request) goes out as 503, redirects excepted. */
  function answerUnavailableWhenMarked(res: ServerResponse, state: RequestState) {
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
      const status = state.databaseUnavailable && (statusCode === 200 || statusCode === 500) ? 503 : statusCode;
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse["writeHead"];
    res.on("finish", () => {
      if (res.statusCode >= 500 && !state.databaseUnavailable) health.suspect();
    });
  }

  const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  createServer((req, res) => {
    sanitizeForwarding(req.headers, req.socket.remoteAddress, trust);
    const state: RequestState = { databaseUnavailable: false };
    void requests
      .run(state, async () => {
        if (health.isDown() && answeredWhileDown(req.method, req.url) && !(await health.available())) return sendUnavailable(req, res);
        answerUnavailableWhenMarked(res, state);
        await handle(req, res);
      })
      .catch((error: unknown) => {
        console.error("[server]", error);
        if (!res.headersSent) sendUnavailable(req, res);
        else res.end();
      });
  }).listen(port, hostname, () => {
    if (cluster.isWorker) return;
    console.log(`[落实] ${dev ? "开发" : "生产"}模式，监听 http://${hostname ?? "localhost"}:${port}`);
  });
}
