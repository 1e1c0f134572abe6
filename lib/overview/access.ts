/** Who may see the supervision overview, the compliance matrix and their export. Pure. */
import type { Actor } from "@/lib/auth/actor";

/** The supervision office (督查室) and the administrator; leaders and units never (they get 404). */
export function maySupervise(actor: Pick<Actor, "role">): boolean {
  return actor.role === "supervisor" || actor.role === "admin";
}
