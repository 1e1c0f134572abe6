/**
 * Data access for account administration. Every query names its columns: the password hash is
 * read by `getPasswordHash` alone, for the service that verifies it, and never reaches a page.
 */
import { and, asc, eq, gte, ilike, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { auditLog, leaders, units, users, type UnitMemberRole, type UserRole } from "@/db/schema";
import { endUserSessions } from "@/lib/data/user-sessions";
import { lockRowById } from "./lock-row";
import { insertReturningId } from "./insert-row";

export interface AccountFilter {
  role?: UserRole;
  text?: string;
  unitId?: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  leaderId: users.leaderId,
  leaderName: leaders.name,
  unitId: users.unitId,
  unitName: units.name,
  unitRole: users.unitRole,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lastSignInAt: users.lastSignInAt,
};

export async function listAccounts(filter: AccountFilter = {}) {
  const conditions: (SQL | undefined)[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.unitId !== undefined) conditions.push(eq(users.unitId, filter.unitId));
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(units.name, pattern), ilike(leaders.name, pattern)));
  }
  return db
    .select(accountColumns)
    .from(users)
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(asc(users.role), asc(units.name), asc(users.username));
}

export type AccountRow = Awaited<ReturnType<typeof listAccounts>>[number];

export async function getAccount(userId: number, executor: Executor = db): Promise<AccountRow | null> {
  const [row] = await executor
    .select(accountColumns)
    .from(users)
    .leftJoin(leaders, eq(leaders.id, users.leaderId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** An account row, locked for the rest of the transaction (no password hash). */
export async function lockAccount(tx: Executor, userId: number) {
  return lockRowById(tx, users, userId, {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    role: users.role,
    leaderId: users.leaderId,
    unitId: users.unitId,
    unitRole: users.unitRole,
    disabled: users.disabled,
    mustChangePassword: users.mustChangePassword,
    sessionVersion: users.sessionVersion,
  });
}

export type LockedAccount = NonNullable<Awaited<ReturnType<typeof lockAccount>>>;

/** For verifying the current password only; never passed on. */
export async function getPasswordHash(tx: Executor, userId: number): Promise<string | null> {
  const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash ?? null;
}

export async function usernameTaken(tx: Executor, username: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return Boolean(row);
}

export async function leaderExists(tx: Executor, leaderId: number): Promise<{ active: boolean } | null> {
  const [row] = await tx.select({ active: leaders.active }).from(leaders).where(eq(leaders.id, leaderId)).limit(1);
  return row ?? null;
}

export async function unitExists(tx: Executor, unitId: number): Promise<{ active: boolean } | null> {
  const [row] = await tx.select({ active: units.active }).from(units).where(eq(units.id, unitId)).limit(1);
  return row ?? null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRole;
  leaderId: number | null;
  unitId: number | null;
  unitRole: UnitMemberRole | null;
  mustChangePassword: boolean;
}

export async function insertAccount(tx: Executor, values: NewAccount): Promise<number> {
  return insertReturningId(tx, users, values);
}

export interface AccountChanges {
  displayName?: string;
  role?: UserRole;
  leaderId?: number | null;
  unitId?: number | null;
  unitRole?: UnitMemberRole | null;
  disabled?: boolean;
  mustChangePassword?: boolean;
  passwordHash?: string;
  /** Ends every session of the account at once (sessions carry the version they started with). */
  endSessions?: boolean;
}

export async function updateAccountRow(tx: Executor, userId: number, changes: AccountChanges) {
  const { endSessions, ...values } = changes;
  await tx
    .update(users)
    .set({ ...values, ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}), updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  // The version alone already refuses them; ending the rows keeps the list of signed-in browsers true.
  if (endSessions) await endUserSessions(tx, userId, "account_changed");
}

/** The audit action of a wrong current password on the own-password page. */
export const PASSWORD_CHANGE_FAILED = "account.password_change_failed";

/** Wrong current passwords given on the own-password page recently (counted from the audit log). */
export async function countPasswordChangeFailures(tx: Executor, userId: number, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, PASSWORD_CHANGE_FAILED), eq(auditLog.actorUserId, userId), gte(auditLog.at, since)));
  return row?.n ?? 0;
}
