/**
 * Server-side hooks.
 * - Runs once when a server starts: a server that would sign sessions with a missing, short, weak or
 *   published secret refuses to start (lib/env.ts), rather than failing on the first sign-in.
 * - A page that fails because the database cannot be reached tells the server (scripts/server.ts), which
 *   answers the following requests with its 503 page until the database is back.
 * - The outbox worker (lib/delivery/worker.ts) starts in each server process unless OUTBOX_WORKER=off.
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
  const { deliveryInterval, workerInApp } = await import("@/lib/delivery/worker-settings");
  if (process.env.NEXT_PHASE !== "phase-production-build" && workerInApp(process.env.OUTBOX_WORKER)) {
    const { startDeliveryWorker } = await import("@/lib/delivery/worker");
    startDeliveryWorker(deliveryInterval(process.env.OUTBOX_INTERVAL_MS));
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportIfDatabaseUnavailable } = await import("@/lib/server/report-unavailable");
  reportIfDatabaseUnavailable(error);
};
