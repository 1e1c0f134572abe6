/** Helpers for integration tests: a clean database, the demo data, and actors by username. */
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/data/users";
import { seedDemo } from "@/lib/plans/demo-seed";

const TABLES = [
  "indicator_values",
  "task_indicators",
  "dispatch_follow_ups",
  "dispatch_units",
  "dispatch_tasks",
  "dispatches",
  "coordination_replies",
  "coordination_requests",
  "escalations",
  "rectifications",
  "notice_recipients",
  "notice_targets",
  "notice_counters",
  "notices",
  "findings",
  "reminder_items",
  "reminders",
  "notification_reads",
  "notifications",
  "task_closures",
  "deadline_extensions",
  "task_due_overrides",
  "attachments",
  "report_versions",
  "progress_reports",
  "contributions",
  "period_due_overrides",
  "import_drafts",
  "sign_in_attempts",
  "users",
  "task_groups",
  "task_units",
  "task_leaders",
  "tasks",
  "plans",
  "unit_group_members",
  "unit_groups",
  "unit_aliases",
  "units",
  "leaders",
];

/** Empties every table but the append-only audit log (count its rows by difference instead). */
export async function resetDatabase(): Promise<void> {
  await db.execute(sql.raw(`truncate ${TABLES.join(", ")} restart identity cascade`));
}

export async function resetWithDemo(): Promise<void> {
  await resetDatabase();
  await seedDemo(db);
}

export async function actorFor(username: string): Promise<Actor> {
  const [row] = await db.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  const actor = await loadActor(row.id, row.sv);
  if (!actor) throw new Error(`user ${username} cannot act`);
  return actor;
}

export async function auditCount(): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row?.n ?? 0;
}
