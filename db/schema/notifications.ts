/** In-app notifications and who has read them. */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, serial, text } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { userRef } from "./user-columns";
import { timestamps, requiredRef } from "./columns";
import { leaders, units } from "./organisation";

/** In-app notifications, addressed to a unit (all its accounts), a leader, or one account. */
export const notifications = pgTable(
  "notifications",
  {
    id: serial("id").primaryKey(),
    unitId: integer("unit_id").references(() => units.id, { onDelete: "cascade" }),
    leaderId: integer("leader_id").references(() => leaders.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdBy: userRef("created_by"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index("notifications_unit_idx").on(t.unitId, t.createdAt),
    index("notifications_leader_idx").on(t.leaderId, t.createdAt),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    check("notifications_one_recipient_ck", sql`num_nonnulls(${t.unitId}, ${t.leaderId}, ${t.userId}) = 1`),
  ],
);

export const notificationReads = pgTable(
  "notification_reads",
  {
    notificationId: requiredRef("notification_id", () => notifications.id, { onDelete: "cascade" }),
    userId: requiredRef("user_id", () => users.id, { onDelete: "cascade" }),
    readAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
