/**
 * One in-memory PGlite served on a local socket, in a process of its own (started by global-db.ts, one
 * per integration worker): PGlite runs Postgres on the thread that hosts it, so two workers' databases in
 * two processes use two cores. Prints its URL on the first line of stdout; stops on SIGTERM.
 */
import { startEmbeddedPostgres } from "../../db/embedded";

const embedded = await startEmbeddedPostgres();
process.stdout.write(`${embedded.url}\n`);
process.on("SIGTERM", () => {
  void embedded.stop().finally(() => process.exit(0));
});
