/**
 * One database for the integration tests: a fresh database on the Postgres server named by
 * TEST_DATABASE_URL (or DATABASE_URL), dropped afterwards; without either, an in-memory PGlite.
 */
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "pglite";
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (server) {
    const name = `luoshi_test_${process.pid}_${Date.now()}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    await runMigrations(url.toString());
    project.provide("databaseUrl", url.toString());
    project.provide("databaseKind", "postgres");
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }
  const embedded = await startEmbeddedPostgres();
  await runMigrations(embedded.url);
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "pglite");
  return () => embedded.stop();
}
