/**
 * Server-side hooks. A page that fails because the database cannot be reached tells the server
 * (server.ts), which answers the following requests with its 503 page until the database is back.
 */
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportIfDatabaseUnavailable } = await import("@/lib/server/report-unavailable");
  reportIfDatabaseUnavailable(error);
};
