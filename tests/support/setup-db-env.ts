/** Runs in each integration worker before the test file: points the app's db module at the test database. */
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DB_POOL_MAX = inject("databaseKind") === "pglite" ? "1" : "5";
