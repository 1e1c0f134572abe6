/** The audit log: one row for every mutation (and refused attempts). Append-only in the database. */
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function writeAudit(tx: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx
    .insert(auditLog)
    .values({
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      actorUnitId: actor?.unitId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
    });
}
