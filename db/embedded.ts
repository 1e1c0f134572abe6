/**
 * The embedded database: PGlite (Postgres compiled to WebAssembly) persisted in a data folder,
 * served on a local socket so that the app reaches it through the same `postgres` driver and the
 * same queries as a real Postgres server.
 *
 * PGlite is a single-session database. pglite-socket can multiplex several client connections,
 * but interleaved extended-protocol messages from different connections get mixed up (seen here:
 * one query's parameters bound to another's statement), so it serves exactly one connection and
 * the app opens a pool of one (DB_POOL_MAX=1). Several app instances need a real Postgres server.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  const pg = await PGlite.create(options.dataDir ?? "memory://");
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(":").pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pg.close();
      release();
    },
  };
}

/** Only one process may open a PGlite data folder; a second one would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir}.lock`;
  try {
    const holder = Number(readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`内置数据库 ${dataDir} 正被进程 ${holder} 使用。请先停止正在运行的应用，或设置 DATABASE_URL 使用 Postgres。`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
