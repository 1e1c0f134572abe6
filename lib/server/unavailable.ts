/**
 * What the app tells the server it runs under (scripts/server.ts) when the database cannot be reached:
 * the server then answers this request with 503 and the next ones with its own 503 page until the
 * database answers again. Shared through `globalThis` because the app is bundled apart from the
 * server; outside that server (tests, scripts) reporting does nothing.
 */
export const SERVICE_UNAVAILABLE_MESSAGE = "服务暂时不可用，请稍后再试";

/** What a failed sign-in carries in its `?error=` when the cause was not the user's: never the error's text. */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

export interface UnavailableListener {
  /** The database failed during the current request. */
  databaseUnavailable(): void;
}

const KEY = Symbol.for("luoshi.unavailable-listener");

export function listenForUnavailable(listener: UnavailableListener): void {
  (globalThis as Record<symbol, unknown>)[KEY] = listener;
}

export function reportDatabaseUnavailable(): void {
  ((globalThis as Record<symbol, unknown>)[KEY] as UnavailableListener | undefined)?.databaseUnavailable();
}
