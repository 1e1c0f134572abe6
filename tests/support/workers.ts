/**
 * How many integration test files run at once: one per core up to 2 (each worker gets a database of its
 * own: on the Postgres server, or an embedded PGlite in a process of its own); TEST_WORKERS overrides.
 */
import { availableParallelism } from "node:os";

export function integrationWorkers(): number {
  const asked = Number(process.env.TEST_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(1, Math.min(2, availableParallelism()));
}
