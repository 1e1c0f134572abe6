/**
 * How many integration test files run at once: on a Postgres server, one per core up to 2 (each worker
 * gets a database of its own; TEST_WORKERS overrides); on the embedded PGlite, which serves one
 * connection, one.
 */
import { availableParallelism } from "node:os";

export function integrationWorkers(): number {
  if (!(process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)) return 1;
  const asked = Number(process.env.TEST_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(1, Math.min(2, availableParallelism()));
}
