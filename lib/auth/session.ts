/** The signed-in user of this request, checked against the database every time. */
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { loadActor } from "@/lib/data/users";
import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";
import { authOptions } from "./options";

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sv?: number } | undefined;
  const userId = Number(user?.id);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  return loadActor(userId, Number(user?.sv ?? 0));
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

/** For server actions and route handlers: throw a typed error instead of redirecting. */
export async function requireActor(...roles: UserRole[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError("unauthenticated");
  if (roles.length > 0 && !roles.includes(actor.role)) throw new DomainError("forbidden");
  return actor;
}
