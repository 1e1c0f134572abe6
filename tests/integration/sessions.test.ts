import { and, eq, gt, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, userSessions } from "@/db/schema";
import { loadActor } from "@/lib/data/users";
import { updateAccountRow } from "@/lib/data/accounts";
import { isDomainError } from "@/lib/errors";
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUPERVISOR } from "@/lib/plans/demo-seed";
import { endAllMySessions, endMySession, endSessionsOfUser, listMySessions, listSessionsOfUser, signOut } from "@/lib/services/sessions";
import { authenticate } from "@/lib/services/sign-in";
import { actorFor, resetWithDemo } from "../support/db";

async function signIn(username: string, userAgent: string | null = null) {
  return authenticate({ username, password: DEMO_PASSWORD, ip: "10.1.0.1", userAgent });
}

async function opens(session: { userId: number; sessionVersion: number; sessionId: string }) {
  return (await loadActor(session.userId, session.sessionVersion, db, session.sessionId)) !== null;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function lastAuditId(): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
  return row?.id ?? 0;
}

describe("sessions", () => {
  beforeEach(resetWithDemo);

  it("every sign-in opens a session row that the token names", async () => {
    const session = await signIn("交通局", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36");
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(row).toMatchObject({ userId: session.userId, ip: "10.1.0.1", endedAt: null, secondFactor: false });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(12 * 3_600_000);
    expect(await opens(session)).toBe(true);
  });

  it("signing out ends the session: the old token opens nothing, other browsers stay signed in", async () => {
    const first = await signIn("交通局");
    const second = await signIn("交通局");
    const before = await lastAuditId();
    await signOut(first.sessionId, "10.1.0.1", await actorFor("交通局"));
    expect(await opens(first)).toBe(false);
    expect(await opens(second)).toBe(true);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, "auth.sign_out")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: String(first.userId), after: { session: first.sessionId } });
    // Signing out again (an old tab) is harmless and writes nothing.
    await signOut(first.sessionId, null, null);
    expect(await db.$count(auditLog, and(gt(auditLog.id, before), eq(auditLog.action, "auth.sign_out")))).toBe(1);
  });

  it("an expired session opens nothing", async () => {
    const session = await signIn("交通局");
    await db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userSessions.id, session.sessionId));
    expect(await opens(session)).toBe(false);
  });

  it("「退出所有设备」 ends every session of the user and no one else's", async () => {
    const a = await signIn("交通局");
    const b = await signIn("交通局");
    const other = await signIn("农牧局");
    const actor = await actorFor("交通局");
    expect((await listMySessions(actor, a.sessionId)).map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [a.sessionId, true],
        [b.sessionId, false],
      ].sort(),
    );
    expect(await endAllMySessions(actor, "10.1.0.1")).toEqual({ ended: 2 });
    expect(await opens(a)).toBe(false);
    expect(await opens(b)).toBe(false);
    expect(await opens(other)).toBe(true);
    expect(await listMySessions(actor, a.sessionId)).toEqual([]);
  });

  it("a user ends one of their own sessions, never someone else's", async () => {
    const mine = await signIn("交通局");
    const theirs = await signIn("农牧局");
    const actor = await actorFor("交通局");
    expect((await refusal(endMySession(actor, theirs.sessionId, null))).code).toBe("not_found");
    expect(await opens(theirs)).toBe(true);
    await endMySession(actor, mine.sessionId, null);
    expect(await opens(mine)).toBe(false);
  });

  it("the administrator ends a user's sessions; nobody else may", async () => {
    const session = await signIn("交通局");
    for (const username of [DEMO_SUPERVISOR, "柳天云", "农牧局", "交通局"]) {
      expect((await refusal(endSessionsOfUser(await actorFor(username), session.userId, null))).code).toBe("forbidden");
      expect((await refusal(listSessionsOfUser(await actorFor(username), session.userId))).code).toBe("forbidden");
    }
    expect(await opens(session)).toBe(true);
    const admin = await actorFor(DEMO_ADMIN);
    expect(await listSessionsOfUser(admin, session.userId)).toHaveLength(1);
    const before = await lastAuditId();
    expect(await endSessionsOfUser(admin, session.userId, "10.1.0.9")).toEqual({ ended: 1 });
    expect(await opens(session)).toBe(false);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, "auth.sessions_ended")));
    expect(audit).toMatchObject({ actorUserId: admin.userId, entityId: String(session.userId), after: { by: "admin", ended: 1 }, ip: "10.1.0.9" });
    expect((await refusal(endSessionsOfUser(admin, 999_999, null))).code).toBe("not_found");
  });

  it("a password change or a disabled account ends the session rows too", async () => {
    const session = await signIn("交通局");
    await db.transaction((tx) => updateAccountRow(tx, session.userId, { disabled: true, endSessions: true }));
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, session.sessionId));
    expect(row).toMatchObject({ endedReason: "account_changed" });
    expect(row!.endedAt).not.toBeNull();
  });
});
