/**
 * Who may confirm, edit, add or remove a task's indicators: the administrator, and the task's lead unit
 * (its head or its filer). Cooperating units, leaders and the supervision office read them. Pure.
 */
import type { Actor } from "@/lib/auth/actor";

export function canEditIndicators(actor: Actor, leadUnitIds: readonly number[]): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "unit" && actor.unitId !== null && leadUnitIds.includes(actor.unitId);
}
