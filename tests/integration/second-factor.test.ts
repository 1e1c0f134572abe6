import { eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, recoveryCodes, settings, userSessions, users } from "@/db/schema";
import { totpCode } from "@/lib/auth/totp";
import { createSession } from "@/lib/data/user-sessions";
import { loadActor } from "@/lib/data/users";
import { isDomainError } from "@/lib/errors";
import { resetSecondFactorSchema, confirmEnrolmentSchema, ownCodeSchema } from "@/lib/services/second-factor-schemas";
import {
  checkSecondFactor,
  confirmEnrolment,
  disableSecondFactor,
  getOwnSecondFactor,
  MAX_CODE_FAILURES,
  regenerateRecoveryCodes,
  resetSecondFactor,
  resetSecondFactorFromServer,
  startEnrolment,
  WRONG_CODE,
} from "@/lib/services/second-factor";
import { ENROL_FIRST, getSecuritySettings, setSecondFactorRequired } from "@/lib/services/security-settings";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const T = Date.now();
const STEP = 30_000;
const userRow = async (username: string) => (await db.select().from(users).where(eq(users.username, username)))[0]!;
const auditsSince = async (id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);
const lastAuditId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;

/** Enrols the user as the page does: start, read the secret shown, confirm with the app's code. */
async function enrol(username: string, at = T) {
  const actor = await actorFor(username);
  const enrolment = await startEnrolment(actor, at);
  const secret = enrolment.secretGroups.replace(/ /g, "");
  const { recoveryCodes: codes } = await confirmEnrolment(actor, { pending: enrolment.pending, code: totpCode(secret, at) }, "10.3.0.1", at);
  return { actor, secret, codes };
}

describe("enrolling a second factor", () => {
  beforeEach(resetWithDemo);

  it("shows a QR code and the secret; nothing is stored until a code confirms it; then ten recovery codes once, hashed, and one audit row", async () => {
    const actor = await actorFor("ducha");
    const enrolment = await startEnrolment(actor, T);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/%E8%90%BD%E5%AE%9E:ducha\?/);
    expect(enrolment.secretGroups).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = enrolment.secretGroups.replace(/ /g, "");
    expect(enrolment.pending).not.toContain(secret);
    expect(await userRow("ducha")).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await getOwnSecondFactor(actor)).toMatchObject({ enabled: false, required: false });

    // A wrong code does not switch it on.
    const wrong = String((Number(totpCode(secret, T)) + 1) % 1_000_000).padStart(6, "0");
    expect((await refusal(confirmEnrolment(actor, { pending: enrolment.pending, code: wrong }, null, T))).code).toBe("invalid");
    expect((await userRow("ducha")).totpEnabledAt).toBeNull();

    const audits = await auditCount();
    const lastBefore = await lastAuditId();
    const { recoveryCodes: codes } = await confirmEnrolment(actor, { pending: enrolment.pending, code: totpCode(secret, T) }, "10.3.0.1", T);
    expect(codes).toHaveLength(10);
    const row = await userRow("ducha");
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).not.toContain(secret); // sealed at rest
    expect(row.totpLastStep).toBe(Math.floor(T / STEP));
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, row.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, "").slice(0, 6));
    expect(await auditCount()).toBe(audits + 1);
    const [audit, ...others] = await auditsSince(lastBefore);
    expect(others).toEqual([]);
    expect(audit).toMatchObject({ action: "auth.second_factor_enabled", entity: "user", entityId: String(row.id), actorUserId: row.id, ip: "10.3.0.1" });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(await getOwnSecondFactor(actor)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The code that confirmed enrolment is spent.
    expect(await checkSecondFactor(db, row.id, totpCode(secret, T), T)).toBe("wrong");
  });

  it("an enrolment value is the user's own and short-lived: another user's, an altered or an expired one is refused", async () => {
    const ducha = await actorFor("ducha");
    const admin = await actorFor("admin");
    const enrolment = await startEnrolment(ducha, T);
    const code = totpCode(enrolment.secretGroups.replace(/ /g, ""), T);
    expect((await refusal(confirmEnrolment(admin, { pending: enrolment.pending, code }, null, T))).code).toBe("invalid");
    expect((await refusal(confirmEnrolment(ducha, { pending: `${enrolment.pending.slice(0, -3)}AAA`, code }, null, T))).code).toBe("invalid");
    const later = T + 16 * 60_000;
    expect(
      (await refusal(confirmEnrolment(ducha, { pending: enrolment.pending, code: totpCode(enrolment.secretGroups.replace(/ /g, ""), later) }, null, later)))
        .code,
    ).toBe("invalid");
    expect((await userRow("admin")).totpEnabledAt).toBeNull();
    expect((await userRow("ducha")).totpEnabledAt).toBeNull();
  });

  it("only oneself: the forms carry no user id (extra fields refused) and enrolling twice is refused", async () => {
    expect(confirmEnrolmentSchema.safeParse({ pending: "x", code: "123456", userId: 1 }).success).toBe(false);
    expect(ownCodeSchema.safeParse({ code: "123456", userId: 1 }).success).toBe(false);
    const { actor, secret } = await enrol("ducha");
    const again = await startEnrolment(actor, T + STEP);
    expect(
      (await refusal(confirmEnrolment(actor, { pending: again.pending, code: totpCode(again.secretGroups.replace(/ /g, ""), T + STEP) }, null, T + STEP))).code,
    ).toBe("conflict");
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, T + 2 * STEP), T + 2 * STEP)).toBe("ok");
  });
});

describe("checking a code", () => {
  beforeEach(resetWithDemo);

  it("a TOTP code is accepted once (replay refused), a step either side is accepted, an earlier step after a later one is not", async () => {
    const { actor, secret } = await enrol("ducha");
    const at = T + 10 * STEP;
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, at), at)).toBe("ok");
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, at), at)).toBe("wrong");
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, at + STEP), at)).toBe("ok");
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, at - STEP), at)).toBe("wrong");
    expect(await checkSecondFactor(db, actor.userId, totpCode(secret, at + 3 * STEP), at)).toBe("wrong");
    expect((await userRow("ducha")).totpLastStep).toBe(Math.floor(at / STEP) + 1);
  });

  it("a recovery code works once, typed loosely; then it is used up", async () => {
    const { actor, codes } = await enrol("ducha");
    expect(await checkSecondFactor(db, actor.userId, codes[3]!.toUpperCase().replace(/-/g, " "), T)).toBe("recovery");
    expect(await checkSecondFactor(db, actor.userId, codes[3]!, T)).toBe("wrong");
    expect(await checkSecondFactor(db, actor.userId, "aaaa-bbbb-cc", T)).toBe("wrong");
    expect(await getOwnSecondFactor(actor)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("a recovery code of another user does not work; a user without a second factor is not_enrolled", async () => {
    const { codes } = await enrol("ducha");
    const other = await enrol("admin");
    expect(await checkSecondFactor(db, other.actor.userId, codes[0]!, T)).toBe("wrong");
    expect(await checkSecondFactor(db, (await userRow("柳天云")).id, "123456", T)).toBe("not_enrolled");
  });

  it("rolled back with the caller's transaction: a code is spent only if the caller commits", async () => {
    const { actor, codes } = await enrol("ducha");
    await db
      .transaction(async (tx) => {
        expect(await checkSecondFactor(tx, actor.userId, codes[0]!, T)).toBe("recovery");
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await checkSecondFactor(db, actor.userId, codes[0]!, T)).toBe("recovery");
  });

  it("a TOTP secret copied to another user's row does not open", async () => {
    const { secret } = await enrol("ducha");
    const sealed = (await userRow("ducha")).totpSecret;
    const admin = await userRow("admin");
    await db.update(users).set({ totpSecret: sealed, totpEnabledAt: new Date() }).where(eq(users.id, admin.id));
    expect(await checkSecondFactor(db, admin.id, totpCode(secret, T + STEP), T + STEP)).toBe("wrong");
  });
});

describe("managing one's second factor", () => {
  beforeEach(resetWithDemo);

  it("disabling needs a current code: a wrong one is refused and recorded; the right one removes secret and recovery codes, audited", async () => {
    const { actor, secret } = await enrol("柳天云");
    const before = await lastAuditId();
    expect(await refusal(disableSecondFactor(actor, { code: "000000" }, "10.3.0.2", T + STEP))).toEqual({ code: "invalid", message: WRONG_CODE });
    expect((await userRow("柳天云")).totpEnabledAt).not.toBeNull();
    await disableSecondFactor(actor, { code: totpCode(secret, T + STEP) }, "10.3.0.2", T + STEP);
    const row = await userRow("柳天云");
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, row.id))).toHaveLength(0);
    expect((await auditsSince(before)).map((a) => [a.action, a.actorUserId, a.ip])).toEqual([
      ["auth.second_factor_failed", row.id, "10.3.0.2"],
      ["auth.second_factor_disabled", row.id, "10.3.0.2"],
    ]);
  });

  it("disabling with a recovery code records the recovery code's use", async () => {
    const { actor, codes } = await enrol("柳天云");
    const before = await lastAuditId();
    await disableSecondFactor(actor, { code: codes[0]! }, null, T);
    expect((await auditsSince(before)).map((a) => a.action)).toEqual(["auth.recovery_code_used", "auth.second_factor_disabled"]);
  });

  it(`after ${MAX_CODE_FAILURES} wrong codes within 15 minutes even the right one waits`, async () => {
    // (The audit log is append-only and outlives each test's reset: this account is used here only.)
    const { actor, secret } = await enrol("交通局");
    for (let i = 0; i < MAX_CODE_FAILURES; i++) expect((await refusal(disableSecondFactor(actor, { code: "000000" }, null, T))).code).toBe("invalid");
    expect((await refusal(disableSecondFactor(actor, { code: totpCode(secret, T + STEP) }, null, T + STEP))).code).toBe("throttled");
    expect((await userRow("交通局")).totpEnabledAt).not.toBeNull();
  });

  it("regenerating recovery codes needs a code; the old codes stop working, the new ones work", async () => {
    const { actor, secret, codes } = await enrol("ducha");
    const before = await lastAuditId();
    expect((await refusal(regenerateRecoveryCodes(actor, { code: "000000" }, null, T + STEP))).code).toBe("invalid");
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(actor, { code: totpCode(secret, T + STEP) }, null, T + STEP);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    expect(await checkSecondFactor(db, actor.userId, codes[1]!, T)).toBe("wrong");
    expect(await checkSecondFactor(db, actor.userId, fresh[1]!, T)).toBe("recovery");
    expect((await auditsSince(before)).map((a) => a.action)).toEqual(["auth.second_factor_failed", "auth.recovery_codes_regenerated"]);
  });
});

describe("the administrator's reset", () => {
  beforeEach(resetWithDemo);

  it("removes the user's second factor and ends the user's sessions, audited", async () => {
    const { actor: user } = await enrol("ducha");
    const admin = await actorFor("admin");
    const before = await userRow("ducha");
    const sessionId = await createSession(db, { userId: before.id, ip: null, userAgent: null, secondFactor: true, now: new Date() });
    expect(await loadActor(user.userId, before.sessionVersion, db, sessionId)).not.toBeNull();
    const audits = await auditCount();
    const lastBefore = await lastAuditId();
    await resetSecondFactor(admin, resetSecondFactorSchema.parse({ userId: String(before.id) }), "10.3.0.9");
    const after = await userRow("ducha");
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, before.id))).toHaveLength(0);
    expect(await loadActor(user.userId, before.sessionVersion, db, sessionId)).toBeNull();
    expect(await db.select({ endedReason: userSessions.endedReason }).from(userSessions).where(eq(userSessions.id, sessionId))).toEqual([
      { endedReason: "second_factor_reset" },
    ]);
    expect(await auditCount()).toBe(audits + 1);
    const [audit] = await auditsSince(lastBefore);
    expect(audit).toMatchObject({
      action: "auth.second_factor_reset",
      entityId: String(before.id),
      actorUserId: admin.userId,
      ip: "10.3.0.9",
      before: { secondFactor: true },
      after: { secondFactor: false, sessionsEnded: 1 },
    });
  });

  it("only the administrator resets, never their own; a user without a second factor has nothing to reset", async () => {
    const { actor: ducha } = await enrol("ducha");
    await enrol("admin");
    const target = await userRow("ducha");
    for (const username of ["ducha", "王国泉", "交通局", "交通局-填报"]) {
      const actor = await actorFor(username);
      expect((await refusal(resetSecondFactor(actor, { userId: target.id }))).code).toBe("forbidden");
    }
    const admin = await actorFor("admin");
    expect((await refusal(resetSecondFactor(admin, { userId: admin.userId }))).code).toBe("invalid");
    expect((await refusal(resetSecondFactor(admin, { userId: (await userRow("柳天云")).id }))).code).toBe("invalid");
    expect((await refusal(resetSecondFactor(admin, { userId: 999_999 }))).code).toBe("not_found");
    expect((await userRow("ducha")).totpEnabledAt).not.toBeNull();
    expect(await loadActor(ducha.userId, target.sessionVersion)).not.toBeNull();
  });
});

describe("the break-glass reset from the server's command line", () => {
  beforeEach(resetWithDemo);

  it("removes an administrator's own second factor (no one left to reset it), ends their sessions, audited", async () => {
    await enrol("admin");
    const admin = await userRow("admin");
    const sessionId = await createSession(db, { userId: admin.id, ip: null, userAgent: null, secondFactor: true, now: new Date() });
    const lastBefore = await lastAuditId();
    expect(await resetSecondFactorFromServer(" admin ")).toEqual({ userId: admin.id, sessionsEnded: 1 });
    expect(await userRow("admin")).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.id))).toHaveLength(0);
    expect(await loadActor(admin.id, admin.sessionVersion, db, sessionId)).toBeNull();
    const [audit] = await auditsSince(lastBefore);
    expect(audit).toMatchObject({
      action: "auth.second_factor_reset",
      entityId: String(admin.id),
      actorUserId: null,
      after: { secondFactor: false, sessionsEnded: 1, by: "server_command" },
    });
  });

  it("names what is wrong: an unknown user, or one without a second factor; nothing written", async () => {
    const audits = await auditCount();
    expect(await refusal(resetSecondFactorFromServer("nobody"))).toEqual({ code: "not_found", message: "没有用户名为「nobody」的账号" });
    expect(await refusal(resetSecondFactorFromServer("柳天云"))).toEqual({ code: "invalid", message: "「柳天云」尚未启用动态验证码" });
    expect(await auditCount()).toBe(audits);
  });
});

describe("the setting 督查室和管理员必须使用动态验证码", () => {
  beforeEach(resetWithDemo);

  it("off by default; only the administrator changes it, audited settings.update", async () => {
    const admin = await actorFor("admin");
    expect(await getSecuritySettings(admin)).toEqual({ secondFactorRequired: false });
    for (const username of ["ducha", "王国泉", "交通局-填报"]) {
      const actor = await actorFor(username);
      expect((await refusal(setSecondFactorRequired(actor, { required: true }))).code).toBe("forbidden");
      expect((await refusal(getSecuritySettings(actor))).code).toBe("forbidden");
    }
    expect(await db.select().from(settings)).toHaveLength(0);
    // Whoever requires it uses it already.
    expect(await refusal(setSecondFactorRequired(admin, { required: true }))).toEqual({ code: "invalid", message: ENROL_FIRST });
    expect(await db.select().from(settings)).toHaveLength(0);
    await enrol("admin");
    const audits = await auditCount();
    const lastBefore = await lastAuditId();
    expect(await setSecondFactorRequired(admin, { required: true }, "10.3.0.9")).toEqual({ changed: true });
    expect(await setSecondFactorRequired(admin, { required: true }, "10.3.0.9")).toEqual({ changed: false });
    expect(await auditCount()).toBe(audits + 1);
    const [row] = await db.select().from(settings);
    expect(row).toMatchObject({ key: "second_factor_required", value: { roles: ["admin", "supervisor"] }, updatedBy: admin.userId });
    const [audit] = await auditsSince(lastBefore);
    expect(audit).toMatchObject({
      action: "settings.update",
      actorUserId: admin.userId,
      ip: "10.3.0.9",
      entity: "setting",
      entityId: "second_factor_required",
      before: { roles: [] },
      after: { roles: ["admin", "supervisor"] },
    });
    expect(await getSecuritySettings(admin)).toEqual({ secondFactorRequired: true });
  });

  it("when on, the office and administrators without a second factor must enrol; leaders and units are not concerned; enrolled users pass", async () => {
    const { actor: admin } = await enrol("admin");
    await setSecondFactorRequired(admin, { required: true });
    const must = async (username: string) => (await actorFor(username)).mustEnrolSecondFactor;
    expect(await must("ducha")).toBe(true);
    expect(await must("admin")).toBe(false); // enrolled before turning it on
    expect(await must("王国泉")).toBe(false);
    expect(await must("交通局-填报")).toBe(false);
    await enrol("ducha");
    expect(await must("ducha")).toBe(false);
    await db.update(users).set({ totpEnabledAt: null, totpSecret: null }).where(eq(users.id, admin.userId));
    expect(await must("admin")).toBe(true);
    await setSecondFactorRequired(admin, { required: false });
    expect(await must("admin")).toBe(false);
  });

  it("when on, the office cannot switch its second factor off; others still can", async () => {
    const office = await enrol("ducha");
    const leader = await enrol("柳天云");
    await setSecondFactorRequired((await enrol("admin")).actor, { required: true });
    const before = await lastAuditId();
    expect((await refusal(disableSecondFactor(office.actor, { code: totpCode(office.secret, T + STEP) }, null, T + STEP))).code).toBe("invalid");
    expect((await userRow("ducha")).totpEnabledAt).not.toBeNull();
    await disableSecondFactor(leader.actor, { code: totpCode(leader.secret, T + STEP) }, null, T + STEP);
    expect((await userRow("柳天云")).totpEnabledAt).toBeNull();
    expect((await auditsSince(before)).map((a) => [a.action, a.actorUserId])).toEqual([["auth.second_factor_disabled", leader.actor.userId]]);
  });
});
