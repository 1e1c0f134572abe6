/** The app's side of the 503: a connection error is reported to the server (scripts/server.ts) and answered with the message. */
import { isDatabaseUnavailable } from "@/lib/services/db-errors";
import { reportDatabaseUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from "./unavailable";

/** True (and reported to the server) when the error says the database cannot be reached. */
export function reportIfDatabaseUnavailable(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  reportDatabaseUnavailable();
  return true;
}

/** A route handler's unexpected error, logged: 503 with the message when the database is down, else a plain 500. */
export function unexpectedFailure(label: string, error: unknown): { status: number; message: string } {
  console.error(`[route ${label}]`, error);
  return reportIfDatabaseUnavailable(error) ? { status: 503, message: SERVICE_UNAVAILABLE_MESSAGE } : { status: 500, message: "服务暂时不可用，请稍后重试" };
}
