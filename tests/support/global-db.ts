/**
 * Databases for the integration tests, one per test worker (the files run in parallel, each worker on
 * its own database): on the Postgres server named by TEST_DATABASE_URL (or DATABASE_URL), fresh
 * databases dropped afterwards; without either, in-memory PGlites, each served by a process of its own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { integrationWorkers } from "./workers";
import type { TestProject } from "vitest/node";
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
  const servers = await Promise.all(Array.from({ length: integrationWorkers() }, startEmbeddedServer));
  for (const server of servers) await runMigrations(server.url);
  project.provide(
    "databaseUrls",
    servers.map((server) => server.url),
  );
  project.provide("databaseKind", "pglite");
  return () => Promise.all(servers.map((server) => server.stop()));
}

/** tests/support/embedded-server.ts in a child process; resolves with its URL once it listens. */
async function startEmbeddedServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", new URL("./embedded-server.ts", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the embedded database exited (${code}) before it listened`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  });
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
