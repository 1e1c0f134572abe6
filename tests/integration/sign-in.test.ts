import { and, eq, gt, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, signInAttempts, users } from "@/db/schema";
import { loadActor } from "@/lib/data/users";
import { isDomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { ACCOUNT_DISABLED, authenticate, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/services/sign-in";
import { auditCount, resetWithDemo } from "../support/db";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("signing in", () => {
  beforeEach(resetWithDemo);

  it("accepts the right password and records the sign-in", async () => {
    const before = await auditCount();
    const result = await authenticate({ username: "柳天云", password: DEMO_PASSWORD, ip: "10.0.0.1" });
    const actor = await loadActor(result.userId, result.sessionVersion);
    expect(actor).toMatchObject({ role: "leader", displayName: "柳天云" });
    expect(await auditCount()).toBe(before + 1);
  });

  it("gives one message for an unknown user and a wrong password", async () => {
    // The audit log is append-only and shared by every test file: look only at rows written here.
    const [{ last } = { last: 0 }] = await db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
    const wrong = await failure(authenticate({ username: "柳天云", password: "nope-nope", ip: "10.0.0.2" }));
    const unknown = await failure(authenticate({ username: "nobody", password: "nope-nope", ip: "10.0.0.2" }));
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
    expect(unknown.message).toBe(WRONG_CREDENTIALS);
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in_failed"), gt(auditLog.id, last)));
    expect(rows.map((r) => r.entityId).sort()).toEqual(["nobody", "柳天云"]);
  });

  it("refuses the 6th attempt within 15 minutes, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await failure(authenticate({ username: "农牧局", password: `wrong-${i}`, ip: `10.0.1.${i}` }))).code).toBe("unauthenticated");
    }
    const sixth = await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.1.9" }));
    expect(sixth.code).toBe("throttled");
    expect(sixth.message).toBe(TOO_MANY_ATTEMPTS);
    // Another account from another address is unaffected.
    await expect(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.2.1" })).resolves.toBeTruthy();
  });

  it("throttles an address that tries many accounts", async () => {
    await db.insert(signInAttempts).values(Array.from({ length: 30 }, (_, i) => ({ username: `u${i}`, ip: "10.9.9.9", succeeded: false })));
    expect((await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.9.9.9" }))).code).toBe("throttled");
  });

  it("old failures outside the window do not count", async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    await db.insert(signInAttempts).values(Array.from({ length: 5 }, () => ({ username: "农牧局", ip: "10.0.3.1", succeeded: false, at: old })));
    await expect(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.3.1" })).resolves.toBeTruthy();
  });

  it("a disabled account cannot sign in, and its existing session stops working", async () => {
    const session = await authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.4.1" });
    await db.update(users).set({ disabled: true }).where(eq(users.id, session.userId));
    expect(await loadActor(session.userId, session.sessionVersion)).toBeNull();
    expect((await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.4.1" }))).message).toBe(ACCOUNT_DISABLED);
  });

  it("tells a disabled account whom to ask only after the right password; a wrong one gets the generic message", async () => {
    await db.update(users).set({ disabled: true }).where(eq(users.username, "交通局"));
    const [{ last } = { last: 0 }] = await db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog);
    const wrong = await failure(authenticate({ username: "交通局", password: "nope-nope", ip: "10.0.6.1" }));
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
    const right = await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.6.1" }));
    expect(right.message).toBe(ACCOUNT_DISABLED);
    expect(right.message).toContain("已停用");
    expect(right.message).toContain("系统管理员");
    expect(right.message).toContain("督查室");
    // Both are failed attempts, audited and counted: the disabled account is throttled like any other.
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in_failed"), gt(auditLog.id, last))).orderBy(auditLog.id);
    expect(rows.map((r) => r.after)).toEqual([null, { reason: "account_disabled" }]);
    for (let i = 0; i < 3; i++) await failure(authenticate({ username: "交通局", password: `wrong-${i}`, ip: "10.0.6.2" }));
    const throttled = await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.6.3" }));
    expect(throttled.code).toBe("throttled");
    expect(throttled.message).toBe(TOO_MANY_ATTEMPTS);
  });

  it("a bumped session version ends older sessions", async () => {
    const session = await authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.5.1" });
    await db.update(users).set({ sessionVersion: session.sessionVersion + 1 }).where(eq(users.id, session.userId));
    expect(await loadActor(session.userId, session.sessionVersion)).toBeNull();
    expect(await loadActor(session.userId, session.sessionVersion + 1)).not.toBeNull();
  });

  it("stores passwords as argon2id hashes", async () => {
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, "admin"));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("the audit log", () => {
  it("is append-only: updates and deletes are refused by the database", async () => {
    await resetWithDemo();
    await expect(db.update(auditLog).set({ action: "tampered" })).rejects.toThrow();
    await expect(db.delete(auditLog)).rejects.toThrow();
    expect(await db.$count(auditLog, eq(auditLog.action, "tampered"))).toBe(0);
  });
});
