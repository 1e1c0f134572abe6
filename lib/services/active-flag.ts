/** Taking a leader or a unit out of use and back (停用 / 启用): the row stays, with what names it. */
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { mutation } from "./mutation";

interface Activatable {
  id: number;
  name: string;
  active: boolean;
}

/**
 * Sets the active flag of the row `lock` returns (locked, or a not-found error): nothing when it
 * already is, else the row updated and the audit row `<entity>.deactivate` or `<entity>.reactivate`.
 */
export async function setActiveFlag(
  actor: Actor,
  ip: string | null,
  target: { entity: "leader" | "unit"; active: boolean },
  lock: (tx: Executor) => Promise<Activatable>,
  update: (tx: Executor, id: number, values: { active: boolean }) => Promise<void>,
): Promise<{ changed: boolean }> {
  const { entity, active } = target;
  return mutation(actor, { entity, ip }, async (tx, audit) => {
    const row = await lock(tx);
    if (row.active === active) return { changed: false };
    await update(tx, row.id, { active });
    await audit({
      action: `${entity}.${active ? "reactivate" : "deactivate"}`,
      entityId: row.id,
      before: { name: row.name, active: row.active },
      after: { name: row.name, active },
    });
    return { changed: true };
  });
}
