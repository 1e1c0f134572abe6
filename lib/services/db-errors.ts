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
