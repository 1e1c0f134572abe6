/**
 * The one database module: a `postgres` client and drizzle on top of it.
 * Both the real Postgres server and the embedded PGlite (served over its socket by
 * `scripts/with-db.ts`) are reached through DATABASE_URL, so every query takes one code path.
 */
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A database handle or an open transaction: data-access functions accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

interface Connection {
  client: postgres.Sql;
  db: Database;
}

const globalForDb = globalThis as unknown as { luoshiDb?: Connection };

export function connect(url: string, max = env.DB_POOL_MAX): Connection {
  const client = postgres(url, {
    max,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    // Dates travel as timestamptz; keep JS Dates.
  });
  return { client, db: drizzle(client, { schema }) };
}

function connection(): Connection {
  if (!globalForDb.luoshiDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL 未设置。请用 `npm run dev` 或 `npm start` 启动（它们会自动启动内置数据库），或设置 DATABASE_URL 指向 Postgres。");
    }
    globalForDb.luoshiDb = connect(env.DATABASE_URL);
  }
  return globalForDb.luoshiDb;
}

/** The shared drizzle handle (created on first use). */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop, receiver) {
    return Reflect.get(connection().db, prop, receiver);
  },
});

export function sqlClient(): postgres.Sql {
  return connection().client;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.luoshiDb;
  globalForDb.luoshiDb = undefined;
  await current?.client.end({ timeout: 5 });
}

/**
 * Drops the pool without waiting for it (the next query opens a fresh one): the server's answer to a
 * connection postgres.js left unusable (lib/server/postgres-closed-socket.ts).
 */
export function discardConnections(): void {
  const current = globalForDb.luoshiDb;
  globalForDb.luoshiDb = undefined;
  current?.client.end({ timeout: 0 }).catch(() => {});
}

export { schema };
