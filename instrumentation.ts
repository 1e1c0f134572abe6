/**
 * Server-side hooks.
 * - Runs once when a server starts: a server that would sign sessions with a missing, short, weak or
 *   published secret refuses to start (lib/env.ts), rather than failing on the first sign-in.
 * - A page that fails because the database cannot be reached tells the server (scripts/server.ts), which
 *   answers the following requests with its 503 page until the database is back.
 */
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("@/lib/env");
  try {
    authSecret();
  } catch (error) {
    console.error(`[落实] 拒绝启动：${(error as Error).message}`);
    process.exit(1);
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportIfDatabaseUnavailable } = await import("@/lib/server/report-unavailable");
  reportIfDatabaseUnavailable(error);
};
