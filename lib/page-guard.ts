/** For pages: a record the user may not see is simply not found (404), never revealed. */
import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "./errors";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isDomainError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

/** A positive integer id from a route segment, or 404. */
export function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== value) notFound();
  return id;
}
