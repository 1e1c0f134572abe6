/**
 * Who may read which leader dashboard. Pure: the service calls it before loading anything.
 *   - a leader: their own tasks only (asking for another leader's → not found);
 *   - a leader who oversees all (全面负责, 王国泉), the administrator and the supervision office
 *     (read-only): every task, or any one leader's;
 *   - units: refused.
 */
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";

export type DashboardScope = { kind: "all" } | { kind: "leader"; leaderId: number };

export function seesWholeGovernment(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "supervisor" || (actor.role === "leader" && actor.overseesAll);
}

export function dashboardScope(actor: Actor, requestedLeaderId?: number): DashboardScope {
  if (seesWholeGovernment(actor)) return requestedLeaderId === undefined ? { kind: "all" } : { kind: "leader", leaderId: requestedLeaderId };
  if (actor.role !== "leader" || actor.leaderId === null) throw forbidden();
  if (requestedLeaderId !== undefined && requestedLeaderId !== actor.leaderId) throw notFound();
  return { kind: "leader", leaderId: actor.leaderId };
}

/** The whole-government comparison: 王国泉, the administrator and the supervision office. */
export function assertWholeGovernment(actor: Actor): void {
  if (actor.role === "unit") throw forbidden();
  if (!seesWholeGovernment(actor)) throw notFound();
}
