/**
 * Databases for the integration tests: on the Postgres server named by TEST_DATABASE_URL (or
 * DATABASE_URL), one fresh database per test worker (the files run in parallel, each worker on its
 * own database), dropped afterwards; without either, one in-memory PGlite (the files run one by one).
 */
import postgres from "postgres";
import { integrationWorkers } from "./workers";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker: a worker uses the one at VITEST_POOL_ID − 1. */
    databaseUrls: string[];
    databaseKind: "postgres" | "pglite";
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (server) {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const names = Array.from({ length: integrationWorkers() }, (_, i) => `luoshi_test_${process.pid}_${Date.now()}_${i + 1}`);
    const urls: string[] = [];
    for (const name of names) {
      await admin.unsafe(`create database "${name}"`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      await runMigrations(url.toString());
      urls.push(url.toString());
    }
    project.provide("databaseUrls", urls);
    project.provide("databaseKind", "postgres");
    return async () => {
      for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }
  const embedded = await startEmbeddedPostgres();
  await runMigrations(embedded.url);
  project.provide("databaseUrls", [embedded.url]);
  project.provide("databaseKind", "pglite");
  return () => embedded.stop();
}
