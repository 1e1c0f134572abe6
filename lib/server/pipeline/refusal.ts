/** A refused attempt (signed out, not allowed, someone else's record) as one row in the audit log. */
import "server-only";
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";

/** `entity` says which pipeline refused: a server action or a route handler; `name` is its name. */
export async function recordRefusal(actor: Actor | null, entity: "action" | "route", name: string, code: string, ip: string | null): Promise<void> {
  try {
    await writeAudit(db, actor, { action: "auth.refused", entity, entityId: name, after: { code }, ip });
  } catch (error) {
    console.error("[audit] could not record a refusal", error);
  }
}
