/**
 * Data access for signed-in browsers (user_sessions). A session token names its row; a row that is
 * ended or expired opens nothing (checked by loadActor on every request).
 */
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { userSessions } from "@/db/schema";

/** Why a session ended: signed out, 「退出所有设备」, ended by the administrator, or the account changed (password, role, disabled). */
export type SessionEndReason = "sign_out" | "all_devices" | "admin" | "account_changed" | "second_factor_reset";

/** How long a session lasts without signing in again (the token's own lifetime is the same). */
export const SESSION_HOURS = 12;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session id as the token carries it, or null when it cannot be one. */
export function sessionIdOrNull(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}

export async function createSession(
  tx: Executor,
  session: { userId: number; ip: string | null; userAgent: string | null; secondFactor: boolean; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(userSessions)
    .values({
      userId: session.userId,
      ip: session.ip,
      userAgent: session.userAgent?.slice(0, 300) ?? null,
      secondFactor: session.secondFactor,
      createdAt: session.now,
      lastSeenAt: session.now,
      expiresAt: new Date(session.now.getTime() + SESSION_HOURS * 3_600_000),
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** Ends one session; returns its user when it was still open (null when unknown or already ended). */
export async function endSession(tx: Executor, sessionId: string, reason: SessionEndReason): Promise<number | null> {
  const [row] = await tx
    .update(userSessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)))
    .returning({ userId: userSessions.userId });
  return row?.userId ?? null;
}

/** Ends every open session of a user (but `except`, when given); returns how many were open. */
export async function endUserSessions(tx: Executor, userId: number, reason: SessionEndReason, except?: string): Promise<number> {
  const rows = await tx
    .update(userSessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), except ? ne(userSessions.id, except) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}

export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  secondFactor: boolean;
}

/** A user's sessions that still open pages, most recently used first. */
export async function listActiveSessions(userId: number, executor: Executor = db): Promise<ActiveSession[]> {
  return executor
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
      secondFactor: userSessions.secondFactor,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), gt(userSessions.expiresAt, sql`now()`)))
    .orderBy(desc(userSessions.lastSeenAt));
}

/** Records that a session was used, at most every few minutes (the caller knows when it last was). */
export async function touchSession(sessionId: string, executor: Executor = db): Promise<void> {
  await executor.update(userSessions).set({ lastSeenAt: sql`now()` }).where(eq(userSessions.id, sessionId));
}

/** Last use older than this is written again on the next request. */
export const TOUCH_AFTER_MS = 5 * 60_000;
