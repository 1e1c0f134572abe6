/** Helpers for integration tests: a clean database, the demo data, and actors by username. */
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/data/users";
import { seedDemo } from "@/lib/plans/demo-seed";

const TABLES = [
  "assessment_objections",
  "assessment_adjustments",
  "assessments",
  "collected_inputs",
  "feedback",
  "public_views",
  "task_public_summaries",
  "rate_limit_hits",
  "outbox_messages",
  "delivery_preferences",
  "delivery_channels",
  "deadline_messages",
  "worker_runs",
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
  "linked_work",
  "deadline_extensions",
  "task_due_overrides",
  "attachments",
  "report_versions",
  "progress_reports",
  "contributions",
  "period_due_overrides",
  "import_drafts",
  "import_layouts",
  "sign_in_attempts",
  "user_sessions",
  "recovery_codes",
  "settings",
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

/**
 * The demo data, as the importer and the account seeding write it. Seeded once per database (per
 * test worker), copied into a schema of its own, and copied back for every later reset: the same rows,
 * ids and sequences, in a fraction of the time.
 */
let snapshotTaken = false;
const SNAPSHOT = "test_demo_snapshot";

export async function resetWithDemo(): Promise<void> {
  if (snapshotTaken) {
    await restoreDemoSnapshot();
    return;
  }
  await resetDatabase();
  await seedDemo(db);
  await db.execute(sql.raw(`drop schema if exists ${SNAPSHOT} cascade; create schema ${SNAPSHOT}`));
  for (const table of TABLES) await db.execute(sql.raw(`create table ${SNAPSHOT}.${table} as table public.${table}`));
  snapshotTaken = true;
}

let serials: { table: string; column: string; sequence: string }[] | null = null;

async function restoreDemoSnapshot(): Promise<void> {
  serials ??= (await db.execute(
    sql.raw(`select table_name as "table", column_name as "column", pg_get_serial_sequence('public.' || table_name, column_name) as "sequence"
      from information_schema.columns where table_schema = 'public' and column_default like 'nextval%'`),
  )) as unknown as { table: string; column: string; sequence: string }[];
  const sequences = serials.filter((s) => TABLES.includes(s.table));
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${TABLES.join(", ")} restart identity cascade`));
    // Triggers (foreign keys, append-only guards) are off while the rows go back, so order does not matter.
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    for (const table of TABLES) await tx.execute(sql.raw(`insert into public.${table} select * from ${SNAPSHOT}.${table}`));
    await tx.execute(sql.raw("set local session_replication_role = origin"));
    // Every serial id continues after the restored rows.
    for (const { table, column, sequence } of sequences) {
      await tx.execute(sql.raw(`select setval('${sequence}', coalesce((select max(${column}) from public.${table}), 0) + 1, false)`));
    }
  });
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
