/** Data access for leaders (责任领导). */
import { asc, eq, sql } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db, type Executor } from "@/db";
import { leaders, taskLeaders, tasks, users } from "@/db/schema";
import { lockRowById } from "./lock-row";
import { insertReturningId } from "./insert-row";
import { listRowsByIds } from "./rows-by-id";

export async function listLeaderOptions() {
  return db.select({ id: leaders.id, name: leaders.name }).from(leaders).orderBy(asc(leaders.id));
}

/** A leader with how many live tasks name them. */
const leaderColumns = {
  id: leaders.id,
  name: leaders.name,
  title: leaders.title,
  active: leaders.active,
  tasks: sql<number>`(select count(*)::int from ${taskLeaders} join ${tasks} on ${q(tasks.id)} = ${q(taskLeaders.taskId)} where ${q(taskLeaders.leaderId)} = ${q(leaders.id)} and ${q(tasks.archivedAt)} is null)`,
};

export async function listLeadersWithDetails() {
  return db
    .select({ ...leaderColumns, accounts: sql<number>`(select count(*)::int from ${users} where ${q(users.leaderId)} = ${q(leaders.id)})` })
    .from(leaders)
    .orderBy(asc(leaders.id));
}

// ── Administration ──────────────────────────────────────────────────────────────────────────

/** Active leaders, for choosing the leader of an account. */
export async function listActiveLeaderOptions() {
  return db.select({ id: leaders.id, name: leaders.name }).from(leaders).where(eq(leaders.active, true)).orderBy(asc(leaders.id));
}

export async function getLeader(leaderId: number) {
  const [row] = await db
    .select({ ...leaderColumns })
    .from(leaders)
    .where(eq(leaders.id, leaderId))
    .limit(1);
  return row ?? null;
}

/** The accounts linked to a leader (no password hash). */
export async function listLeaderAccounts(leaderId: number) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled })
    .from(users)
    .where(eq(users.leaderId, leaderId))
    .orderBy(asc(users.username));
}

export async function lockLeader(tx: Executor, leaderId: number) {
  return lockRowById(tx, leaders, leaderId, { id: leaders.id, name: leaders.name, title: leaders.title, active: leaders.active });
}

export async function findLeaderIdByName(tx: Executor, name: string): Promise<number | null> {
  const [row] = await tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)).limit(1);
  return row?.id ?? null;
}

export async function insertLeader(tx: Executor, values: { name: string; title: string | null }): Promise<number> {
  return insertReturningId(tx, leaders, values);
}

export async function updateLeaderRow(tx: Executor, leaderId: number, values: Partial<{ name: string; title: string | null; active: boolean }>) {
  await tx
    .update(leaders)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(leaders.id, leaderId));
}

/** The leaders with these ids (to check they exist and are in office). */
export async function findLeaders(tx: Executor, leaderIds: readonly number[]) {
  return listRowsByIds(tx, leaders, leaderIds, { id: leaders.id, name: leaders.name, active: leaders.active });
}
