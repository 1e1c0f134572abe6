/**
 * Applies the committed migrations under an advisory lock, so several app instances
 * starting at once migrate exactly once.
 */
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));
const LOCK_KEY = 2022_0001;

export async function runMigrations(url: string, migrationsFolder = MIGRATIONS): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${LOCK_KEY})`;
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
