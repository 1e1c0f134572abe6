/** Data access for accounts. Never returns a password hash to a page. */
import { eq, sql } from "drizzle-orm";
import { qualified as q } from "@/db/sql";
import { db, type Executor } from "@/db";
import { settings, taskLeaders, tasks, userSessions, users } from "@/db/schema";
import { SECOND_FACTOR_SETTING } from "@/lib/auth/second-factor-policy";
import type { Actor } from "@/lib/auth/actor";

export async function findUserForSignIn(username: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row ?? null;
}

/**
 * The acting user, loaded fresh from the database; null when disabled or the session is outdated.
 * With a session id (every request's token carries one), null too when that session was ended
 * (signed out, 「退出所有设备」, ended by the administrator) or has expired.
 */
export async function loadActor(
  userId: number,
  sessionVersion: number,
  executor: Executor = db,
  sessionId?: string,
): Promise<(Actor & { sessionLastSeenAt?: Date }) | null> {
  const [row] = await executor
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitRole: users.unitRole,
      leaderId: users.leaderId,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      mustEnrolSecondFactor: sql<boolean>`${q(users.totpEnabledAt)} is null and exists (
        select 1 from ${settings} where ${q(settings.key)} = ${SECOND_FACTOR_SETTING}
        and ${q(settings.value)} -> 'roles' @> jsonb_build_array(${q(users.role)}::text))`,
      overseesAll: sql<boolean>`exists (
        select 1 from ${taskLeaders} join ${tasks} on ${q(tasks.id)} = ${q(taskLeaders.taskId)}
        where ${q(taskLeaders.leaderId)} = ${q(users.leaderId)} and ${q(tasks.overall)} and ${q(tasks.archivedAt)} is null)`,
      sessionLastSeenAt: sessionId
        ? sql<string | null>`(select ${q(userSessions.lastSeenAt)} from ${userSessions}
            where ${q(userSessions.id)} = ${sessionId} and ${q(userSessions.userId)} = ${q(users.id)}
              and ${q(userSessions.endedAt)} is null and ${q(userSessions.expiresAt)} > now())`
        : sql<null>`null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabled || row.sessionVersion !== sessionVersion) return null;
  if (sessionId && row.sessionLastSeenAt === null) return null;
  const { disabled: _d, sessionVersion: _v, sessionLastSeenAt, ...actor } = row;
  return {
    ...actor,
    overseesAll: Boolean(actor.overseesAll),
    mustEnrolSecondFactor: Boolean(actor.mustEnrolSecondFactor),
    ...(sessionId && sessionLastSeenAt ? { sessionLastSeenAt: new Date(sessionLastSeenAt) } : {}),
  };
}

export async function markSignedIn(executor: Executor, userId: number) {
  await executor.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}

/** The name an account is shown by (who saved a report, for instance); null when unknown. */
export async function getUserDisplayName(executor: Executor, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [row] = await executor.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.displayName ?? null;
}

/** The enabled 单位负责人 accounts of a unit: who signs off its reports. */
export async function listUnitHeadIds(executor: Executor, unitId: number): Promise<number[]> {
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.unitId} = ${unitId} and ${users.unitRole} = 'head' and not ${users.disabled}`);
  return rows.map((r) => r.id);
}
