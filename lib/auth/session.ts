/** The signed-in user of this request, checked against the database every time. */
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { loadActor } from "@/lib/data/users";
import { sessionIdOrNull, touchSession, TOUCH_AFTER_MS } from "@/lib/data/user-sessions";
import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";
import { authOptions } from "./options";
import { PasswordChangeRequired, passesPasswordGate } from "./password-gate";

/** The session row this request's token names (signed by us; still checked to be open by loadActor). */
export const getSessionId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return sessionIdOrNull((session?.user as { sid?: unknown } | undefined)?.sid);
});

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sv?: number; sid?: unknown } | undefined;
  const userId = Number(user?.id);
  const sessionId = sessionIdOrNull(user?.sid);
  // A token without a session row (issued before sessions were kept) opens nothing.
  if (!Number.isInteger(userId) || userId <= 0 || !sessionId) return null;
  const loaded = await loadActor(userId, Number(user?.sv ?? 0), undefined, sessionId);
  if (!loaded) return null;
  const { sessionLastSeenAt, ...actor } = loaded;
  if (sessionLastSeenAt && Date.now() - sessionLastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(sessionId);
  return actor;
});

/** For pages: send a signed-out visitor to the sign-in page. */
export async function requirePageActor(...roles: UserRole[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (roles.length > 0 && !roles.includes(actor.role)) {
    const { notFound } = await import("next/navigation");
    notFound();
  }
  return actor;
}

/** Goes through before the password is changed (the change itself, signing out): see lib/auth/password-gate.ts. */
export interface BeforePasswordChange {
  beforePasswordChange: true;
}

/**
 * For server actions: throw a typed error instead of redirecting. Refuses a user who must change the
 * password first (PasswordChangeRequired) unless the last argument is `{ beforePasswordChange: true }`.
 */
export async function requireActor(...args: (UserRole | BeforePasswordChange)[]): Promise<Actor> {
  const roles = args.filter((a): a is UserRole => typeof a === "string");
  const beforePasswordChange = args.some((a) => typeof a === "object" && a.beforePasswordChange);
  const actor = await getActor();
  if (!actor) throw new DomainError("unauthenticated");
  if (!passesPasswordGate(actor, beforePasswordChange)) throw new PasswordChangeRequired(actor);
  if (roles.length > 0 && !roles.includes(actor.role)) throw new DomainError("forbidden");
  return actor;
}
