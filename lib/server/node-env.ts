/** Imported first by scripts/server.ts: the mode comes from `--dev`, before lib/env.ts reads NODE_ENV. */
(process.env as Record<string, string>).NODE_ENV = process.argv.includes("--dev") ? "development" : "production";
