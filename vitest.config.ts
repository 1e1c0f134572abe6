import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/support/workers";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React Server Components bundle; tests run plain Node.
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    // Sessions in tests are signed with a secret of this run (never one written in the source).
    env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url") },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/setup-db-env.ts"],
          // Each worker has a database of its own (tests/support/global-db.ts).
          fileParallelism: integrationWorkers() > 1,
          maxWorkers: integrationWorkers(),
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
