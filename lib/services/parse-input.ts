/** The services parse again what the actions parsed: a caller that skipped them gets the same rules. */
import { DomainError } from "@/lib/errors";

interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

/** The input as the schema reads it, or an `invalid` error with the schema's first message. */
export function parseInput<T>(schema: Schema<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid", parsed.error.issues[0]?.message);
  return parsed.data;
}
