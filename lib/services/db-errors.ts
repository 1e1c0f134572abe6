/** Turns a database constraint violation into a message a user can read, instead of a 500. */
import { DomainError } from "@/lib/errors";

/** The Postgres error code of an error, looking through drizzle's wrapper (`cause`). */
export function postgresErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return postgresErrorCode(error) === "23505";
}

/** Runs a write; a unique violation (two admins saving the same name at once) becomes `conflict` with this message. */
export async function uniqueOr<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", message);
    throw error;
  }
}

/** Node's socket errors and postgres.js's connection errors: the database cannot be reached. */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * True when an error (or one it wraps as `cause`) says the database is unreachable or going away:
 * a refused or dropped connection, or Postgres's class 08 (connection exception) and 57P01–57P03
 * (shut down, crash, not yet accepting connections). Such errors answer 503, never their text.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_ERROR_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code))) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true; // AggregateError (IPv4 and IPv6 both refused)
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
