/**
 * Run by tests/integration/postgres-shutdown.test.ts in a process of its own (an uncaught exception
 * must not reach the test runner): transactions in flight while Postgres shuts down immediately,
 * under the same guard as scripts/server.ts; then, once told Postgres is back, plain queries.
 */
import { sql } from "drizzle-orm";
import { db, discardConnections } from "../../db/index";
import { guardUncaughtExceptions } from "../../lib/server/postgres-closed-socket";

guardUncaughtExceptions(discardConnections);

await db.execute(sql`select 1`);
const transactions = Array.from({ length: 3 }, () =>
  db
    .transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.execute(sql`select pg_sleep(20)`);
    })
    .then(
      () => "committed",
      () => "rejected",
    ),
);
process.stdout.write("busy\n");
process.stdout.write(`transactions ${JSON.stringify(await Promise.all(transactions))}\n`);

await new Promise((resolve) => process.stdin.once("data", resolve));
const started = Date.now();
const after = await Promise.all(
  Array.from({ length: 6 }, () =>
    db.execute(sql`select 1 as one`).then(
      () => "ok",
      (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code ?? "error",
    ),
  ),
);
process.stdout.write(`after ${JSON.stringify({ after, ms: Date.now() - started })}\n`);
process.exit(0);
