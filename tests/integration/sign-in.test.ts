import { and, eq, gt, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, signInAttempts, users } from "@/db/schema";
import { loadActor } from "@/lib/data/users";
import { isDomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { SIGN_IN_LIMITS } from "@/lib/auth/throttle";
import { ACCOUNT_DISABLED, authenticate, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "@/lib/services/sign-in";
import { auditCount, resetWithDemo } from "../support/db";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
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
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in_failed"), gt(auditLog.id, last)));
    expect(rows.map((r) => r.entityId).sort()).toEqual(["nobody", "柳天云"]);
  });

  it("refuses the 6th attempt for an account from one address, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await failure(authenticate({ username: "农牧局", password: `wrong-${i}`, ip: "10.0.1.1" }))).code).toBe("unauthenticated");
    }
    const sixth = await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.1.1" }));
    expect(sixth.code).toBe("throttled");
    expect(sixth.message).toBe(TOO_MANY_ATTEMPTS);
    // Another account from another address is unaffected.
    await expect(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.2.1" })).resolves.toBeTruthy();
  });

  it("five wrong passwords from five addresses do not lock the owner out", async () => {
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: "交通局", password: `wrong-${i}`, ip: `203.0.113.${i}` }));
    await expect(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.7.1" })).resolves.toMatchObject({ sessionId: expect.any(String) });
  });

  it("a stranger's guesses from many addresses cannot keep the owner out of a browser they signed in from before", async () => {
    const owner = await authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.8.1" });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await failure(authenticate({ username: "交通局", password: `guess-${i}`, ip: `198.51.100.${i}` }));
    // Unknown browsers are now slowed down, wherever they come from …
    expect((await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.8.2" }))).code).toBe("throttled");
    // … the owner's browser is not, from the same address as before or another.
    await expect(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.8.1", deviceCookie: owner.deviceCookie })).resolves.toBeTruthy();
    await expect(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "198.51.100.1", deviceCookie: owner.deviceCookie })).resolves.toBeTruthy();
  });

  it("attempts refused during a throttle are recorded but never counted, so retrying does not prolong it", async () => {
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: "农牧局", password: `wrong-${i}`, ip: "10.0.9.1" }));
    for (let i = 0; i < 10; i++) expect((await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.9.1" }))).code).toBe("throttled");
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, "10.0.9.1"));
    expect(rows.filter((r) => r.throttled)).toHaveLength(10);
    expect(rows.filter((r) => !r.throttled && !r.succeeded)).toHaveLength(5);
    // When the five counted failures leave the window, the owner gets in at once.
    await db
      .update(signInAttempts)
      .set({ at: new Date(Date.now() - 16 * 60_000) })
      .where(and(eq(signInAttempts.ip, "10.0.9.1"), eq(signInAttempts.throttled, false)));
    await expect(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.9.1" })).resolves.toBeTruthy();
  });

  it("a known browser is slowed by its own failures only", async () => {
    const owner = await authenticate({ username: "乌兰镇", password: DEMO_PASSWORD, ip: "10.0.10.1" });
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: "乌兰镇", password: `typo-${i}`, ip: "10.0.10.1", deviceCookie: owner.deviceCookie }));
    expect((await failure(authenticate({ username: "乌兰镇", password: DEMO_PASSWORD, ip: "10.0.10.1", deviceCookie: owner.deviceCookie }))).code).toBe(
      "throttled",
    );
    // Its failures were counted against the device, not the account or the address.
    await expect(authenticate({ username: "乌兰镇", password: DEMO_PASSWORD, ip: "10.0.10.1" })).resolves.toBeTruthy();
  });

  it("a device cookie is good for the account it was issued to, and only when signed by this server", async () => {
    const other = await authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.11.1" });
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: "农牧局", password: `wrong-${i}`, ip: "10.0.11.1" }));
    // 交通局's cookie does not make this browser known to 农牧局; a tampered cookie is no cookie.
    expect((await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.11.1", deviceCookie: other.deviceCookie }))).code).toBe(
      "throttled",
    );
    const forged = other.deviceCookie.replace(/^[^.]+/, Buffer.from(JSON.stringify({ u: "农牧局", d: "x" })).toString("base64url"));
    expect((await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.11.1", deviceCookie: forged }))).code).toBe("throttled");
  });

  it("usernames are trimmed: attempts with spaces count for the account", async () => {
    await expect(authenticate({ username: "  交通局 ", password: DEMO_PASSWORD, ip: "10.0.12.1" })).resolves.toBeTruthy();
    for (let i = 0; i < 5; i++) await failure(authenticate({ username: ` 农牧局${" ".repeat(i)}`, password: `wrong-${i}`, ip: "10.0.12.2" }));
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.ip, "10.0.12.2"));
    expect(new Set(rows.map((r) => r.username))).toEqual(new Set(["农牧局"]));
    expect((await failure(authenticate({ username: "农牧局", password: DEMO_PASSWORD, ip: "10.0.12.2" }))).code).toBe("throttled");
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
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in_failed"), gt(auditLog.id, last)))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.after)).toEqual([{ knownDevice: false }, { knownDevice: false, reason: "account_disabled" }]);
    for (let i = 0; i < 3; i++) await failure(authenticate({ username: "交通局", password: `wrong-${i}`, ip: "10.0.6.1" }));
    const throttled = await failure(authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.6.1" }));
    expect(throttled.code).toBe("throttled");
    expect(throttled.message).toBe(TOO_MANY_ATTEMPTS);
  });

  it("a bumped session version ends older sessions", async () => {
    const session = await authenticate({ username: "交通局", password: DEMO_PASSWORD, ip: "10.0.5.1" });
    await db
      .update(users)
      .set({ sessionVersion: session.sessionVersion + 1 })
      .where(eq(users.id, session.userId));
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
