/** For pages: a record the user may not see is simply not found (404), never revealed. */
import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "./auth/actor";
import { requirePageActor } from "@/lib/auth/session";
import { isDomainError } from "./errors";
import { can, type GatePolicy } from "./policies";

/** A page for the users a policy admits: signed out → the sign-in page; anyone else → not found. */
export async function requirePageFor(policy: GatePolicy): Promise<Actor> {
  const actor = await requirePageActor();
  if (!can(actor, policy)) notFound();
  return actor;
}

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
