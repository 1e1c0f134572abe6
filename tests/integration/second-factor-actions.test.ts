/**
 * The server actions of the second factor and the setting's gate, as a browser calls them. The session
 * is simulated (`requireActor` replaced by the actor loaded from the database); the rest is the real pipeline.
 */
import { and, eq, gt } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, settings, units, users } from "@/db/schema";
import { policyFor, SECOND_FACTOR_SETTING } from "@/lib/auth/second-factor-policy";
import { totpCode } from "@/lib/auth/totp";
import { startEnrolment } from "@/lib/services/second-factor";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { MUST_ENROL_SECOND_FACTOR } = await import("@/lib/server/pipeline/define-action");
await import("@/lib/zod-locale");
const { createUnitAction } = await import("@/app/(app)/admin/units/actions");
const { resetSecondFactorAction } = await import("@/app/(app)/admin/users/actions");
const { changeOwnPasswordAction } = await import("@/app/(app)/account/password/actions");
const { confirmEnrolmentAction, disableSecondFactorAction, regenerateRecoveryCodesAction } = await import("@/app/(app)/account/two-factor/actions");
const { updateSecuritySettingsAction } = await import("@/app/(app)/admin/security/actions");

// Every input schema is strict one way (lib/services/schema-kit.ts strictInput): a smuggled field is named in Chinese.
const STRICT_REFUSAL = "不接受的字段：userId";
const lastAuditId = async () => (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;
const requireSecondFactor = () => db.insert(settings).values({ key: SECOND_FACTOR_SETTING, value: policyFor(true) });

describe("the setting's gate on server actions", () => {
  beforeEach(async () => {
    await resetWithDemo();
    session.actor = null;
  });

  it("when required and not enrolled: other actions are refused with a clear message, recorded, nothing changed", async () => {
    await requireSecondFactor();
    session.actor = await actorFor("admin");
    expect(session.actor.mustEnrolSecondFactor).toBe(true);
    const before = await lastAuditId();
    const unitsBefore = await db.select().from(units);
    expect(await createUnitAction({ name: "数据局", kind: "department" })).toEqual({ ok: false, message: MUST_ENROL_SECOND_FACTOR });
    expect(await db.select().from(units)).toEqual(unitsBefore);
    const refusals = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.action, "auth.refused")));
    expect(refusals.map((r) => [r.entityId, r.after])).toEqual([["unit.create", { code: "second_factor_required" }]]);
  });

  it("when required: the password change and enrolment still work; once enrolled, everything else does again", async () => {
    await requireSecondFactor();
    const admin = await actorFor("admin");
    session.actor = admin;
    // Passes the gate (then refused for its own reason: the wrong current password).
    const password = await changeOwnPasswordAction({
      currentPassword: "not-my-password",
      newPassword: "grassland-spring-7",
      confirmPassword: "grassland-spring-7",
    });
    expect(password).toMatchObject({ ok: false, message: "当前密码不正确" });
    const enrolment = await startEnrolment(admin);
    const confirmed = await confirmEnrolmentAction({ pending: enrolment.pending, code: totpCode(enrolment.secretGroups.replace(/ /g, ""), Date.now()) });
    expect(confirmed.ok).toBe(true);
    session.actor = await actorFor("admin");
    expect(session.actor.mustEnrolSecondFactor).toBe(false);
    expect(await createUnitAction({ name: "数据局", kind: "department" })).toMatchObject({ ok: true });
  });

  it("the actions take no user id: extra fields are refused before anything runs; reset and the setting are the administrator's", async () => {
    session.actor = await actorFor("ducha");
    const ducha = session.actor;
    const admin = (await db.select({ id: users.id }).from(users).where(eq(users.username, "admin")))[0]!;
    for (const result of [
      await confirmEnrolmentAction({ pending: "x", code: "123456", userId: admin.id } as never),
      await disableSecondFactorAction({ code: "123456", userId: admin.id } as never),
      await regenerateRecoveryCodesAction({ code: "123456", userId: admin.id } as never),
    ])
      expect(result).toMatchObject({ ok: false, message: STRICT_REFUSAL });
    expect(await resetSecondFactorAction({ userId: admin.id })).toEqual({ ok: false, message: "您没有权限进行此操作" });
    expect(await updateSecuritySettingsAction({ secondFactorRequired: true })).toEqual({ ok: false, message: "您没有权限进行此操作" });
    expect(await db.select().from(settings)).toEqual([]);
    expect(ducha.role).toBe("supervisor");
  });
});
