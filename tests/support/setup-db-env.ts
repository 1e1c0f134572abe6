/** Runs in each integration worker before the test file: points the app's db module at this worker's database. */
import { inject } from "vitest";

const urls = inject("databaseUrls");
const worker = Number(process.env.VITEST_POOL_ID ?? "1");
process.env.DATABASE_URL = urls[(worker - 1) % urls.length];
process.env.DB_POOL_MAX = inject("databaseKind") === "pglite" ? "1" : "5";
