import { and, eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, signInAttempts, userSessions, users } from "@/db/schema";
import { SIGN_IN_LIMITS } from "@/lib/auth/throttle";
import { totpCode } from "@/lib/auth/totp";
import { isDomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { confirmEnrolment, startEnrolment } from "@/lib/services/second-factor";
import { authenticate, SECOND_FACTOR_NEEDED, TOO_MANY_ATTEMPTS, WRONG_SECOND_FACTOR } from "@/lib/services/sign-in";
import { actorFor, resetWithDemo } from "../support/db";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const lastAuditId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
const auditsSince = async (id: number) => (await db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id)).map((a) => a.action);
const attempts = async (username: string) =>
  db.select({ succeeded: signInAttempts.succeeded }).from(signInAttempts).where(eq(signInAttempts.username, username));

/** Enrolled a minute ago, so the codes of now are fresh. */
async function enrol(username: string) {
  const actor = await actorFor(username);
  const at = Date.now() - 60_000;
  const enrolment = await startEnrolment(actor, at);
  const secret = enrolment.secretGroups.replace(/ /g, "");
  const { recoveryCodes } = await confirmEnrolment(actor, { pending: enrolment.pending, code: totpCode(secret, at) }, null, at);
  return { secret, recoveryCodes, userId: actor.userId };
}

describe("signing in with a second factor", () => {
  beforeEach(resetWithDemo);

  it("the right password without a code: asked for the code, not counted as an attempt, no session", async () => {
    await enrol("ducha");
    const before = await lastAuditId();
    expect(await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.1" }))).toEqual({
      code: "unauthenticated",
      message: SECOND_FACTOR_NEEDED,
    });
    expect(await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.1", code: "  " }))).toEqual({
      code: "unauthenticated",
      message: SECOND_FACTOR_NEEDED,
    });
    expect(await attempts("ducha")).toEqual([]);
    expect(await db.select().from(userSessions)).toEqual([]);
    expect(await auditsSince(before)).toEqual([]);
    // A wrong password is still just a wrong password (the code is not even looked at).
    expect((await failure(authenticate({ username: "ducha", password: "nope-nope", ip: "10.4.0.1", code: "123456" }))).message).toBe("用户名或密码错误");
  });

  it("password and the right code: signed in, the session records the second factor, the code cannot be used again", async () => {
    const { secret, userId } = await enrol("ducha");
    const code = totpCode(secret, Date.now());
    const before = await lastAuditId();
    const signedIn = await authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.2", code });
    expect(signedIn.userId).toBe(userId);
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId));
    expect(session).toMatchObject({ userId, secondFactor: true });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, "auth.sign_in")));
    expect(audit?.after).toMatchObject({ secondFactor: "totp" });
    // The same code again (replay): refused as a failed attempt.
    expect(await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.2", code }))).toEqual({
      code: "unauthenticated",
      message: WRONG_SECOND_FACTOR,
    });
  });

  it("a wrong code is a failed attempt, audited, and counts towards throttling like a wrong password", async () => {
    await enrol("ducha");
    const before = await lastAuditId();
    expect(await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.3", code: "000000" }))).toEqual({
      code: "unauthenticated",
      message: WRONG_SECOND_FACTOR,
    });
    expect(await attempts("ducha")).toEqual([{ succeeded: false }]);
    expect(await auditsSince(before)).toEqual(["auth.second_factor_failed"]);
    expect(await db.select().from(userSessions)).toEqual([]);
    for (let i = 1; i < SIGN_IN_LIMITS.perAccountAndAddress; i++)
      await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.3", code: "000000" }));
    expect((await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.3", code: "000000" }))).message).toBe(TOO_MANY_ATTEMPTS);
  });

  it("a recovery code signs in once, audited; the second time it is a wrong code", async () => {
    const { recoveryCodes, userId } = await enrol("ducha");
    const before = await lastAuditId();
    const signedIn = await authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.4", code: recoveryCodes[0]! });
    expect(signedIn.userId).toBe(userId);
    expect(await auditsSince(before)).toEqual(["auth.recovery_code_used", "auth.sign_in"]);
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId));
    expect(session?.secondFactor).toBe(true);
    expect((await failure(authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.4", code: recoveryCodes[0]! }))).message).toBe(
      WRONG_SECOND_FACTOR,
    );
  });

  it("an account without a second factor signs in with the password alone (a code sent along is ignored); its session says so", async () => {
    const signedIn = await authenticate({ username: "ducha", password: DEMO_PASSWORD, ip: "10.4.0.5", code: "123456" });
    const [session] = await db.select().from(userSessions).where(eq(userSessions.id, signedIn.sessionId));
    expect(session?.secondFactor).toBe(false);
    expect((await db.select({ at: users.totpEnabledAt }).from(users).where(eq(users.username, "ducha")))[0]?.at).toBeNull();
  });
});
