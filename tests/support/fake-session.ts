/**
 * Stands in for `@/lib/auth/session` in integration tests that call server actions and route handlers:
 * whoever `session.actor` names is signed in (null: nobody). requireActor keeps the real one's
 * refusals for the signed-out and for roles (its arguments' strings; an options object is ignored).
 *
 *   vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
 *   import { session } from "../support/fake-session";
 */
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";

export const session: { actor: Actor | null } = { actor: null };

export async function getActor(): Promise<Actor | null> {
  return session.actor;
}

export async function requireActor(...args: unknown[]): Promise<Actor> {
  if (!session.actor) throw new DomainError("unauthenticated");
  const roles = args.filter((arg): arg is string => typeof arg === "string");
  if (roles.length > 0 && !roles.includes(session.actor.role)) throw new DomainError("forbidden");
  return session.actor;
}

/** As the real one: signed out → the sign-in page; a role the page does not name → not found. */
export async function requirePageActor(...roles: string[]): Promise<Actor> {
  const { notFound, redirect } = await import("next/navigation");
  const actor = session.actor;
  if (!actor) return redirect("/login");
  if (roles.length > 0 && !roles.includes(actor.role)) notFound();
  return actor;
}
