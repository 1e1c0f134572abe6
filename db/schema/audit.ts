/** The audit log. */
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Append-only: a database trigger refuses UPDATE and DELETE (see the migration). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer("actor_user_id"),
    actorRole: text("actor_role"),
    actorUnitId: integer("actor_unit_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    // 操作日志's filters (by account, by action, by record id or address) and their counts.
    index("audit_log_actor_at_idx").on(t.actorUserId, t.at),
    index("audit_log_action_at_idx").on(t.action, t.at),
    index("audit_log_entity_id_idx").on(t.entityId),
    index("audit_log_ip_idx").on(t.ip),
  ],
);
