import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/data/users";
import { isDomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { changeOwnPasswordSchema } from "@/lib/services/account-schemas";
import { changeOwnPassword, getOwnAccount, MAX_PASSWORD_CHANGE_FAILURES, WRONG_CURRENT_PASSWORD } from "@/lib/services/accounts";
import { authenticate } from "@/lib/services/sign-in";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const NEW_PASSWORD = "grassland-spring-7";
const userRow = async (username: string) => (await db.select().from(users).where(eq(users.username, username)))[0]!;
const input = (currentPassword: string, newPassword = NEW_PASSWORD) =>
  changeOwnPasswordSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword });

describe("changing one's own password", () => {
  beforeEach(resetWithDemo);

  it("with the right current password: the new one works, other sessions end, the change requirement clears, one audit row", async () => {
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.username, "农牧局-填报"));
    const actor = await actorFor("农牧局-填报");
    const before = await userRow("农牧局-填报");
    expect((await getOwnAccount(actor)).mustChangePassword).toBe(true);
    const audits = await auditCount();
    expect(await changeOwnPassword(actor, input(DEMO_PASSWORD), "10.2.0.1")).toEqual({ username: "农牧局-填报" });
    const after = await userRow("农牧局-填报");
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, DEMO_PASSWORD)).toBe(false);
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: before.sessionVersion + 1 });
    expect(await loadActor(before.id, before.sessionVersion)).toBeNull();
    expect(await auditCount()).toBe(audits + 1);
    const [audit] = await db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(audits);
    expect(audit).toMatchObject({
      action: "user.change_password",
      entity: "user",
      entityId: String(before.id),
      actorUserId: before.id,
      ip: "10.2.0.1",
      before: { mustChangePassword: true, sessionVersion: before.sessionVersion },
      after: { mustChangePassword: false, sessionVersion: before.sessionVersion + 1 },
    });
    for (const secret of [NEW_PASSWORD, DEMO_PASSWORD, after.passwordHash, before.passwordHash]) expect(JSON.stringify(audit)).not.toContain(secret);
    // The browser signs in again with the new password to get a fresh session.
    await expect(authenticate({ username: "农牧局-填报", password: NEW_PASSWORD, ip: "10.2.0.1" })).resolves.toMatchObject({
      sessionVersion: before.sessionVersion + 1,
    });
  });

  it("a wrong current password is refused with a clear message and changes nothing", async () => {
    const actor = await actorFor("柳天云");
    const before = await userRow("柳天云");
    expect(await refusal(changeOwnPassword(actor, input("not-my-password")))).toEqual({ code: "invalid", message: WRONG_CURRENT_PASSWORD });
    expect(WRONG_CURRENT_PASSWORD).toBe("当前密码不正确");
    expect(await userRow("柳天云")).toEqual(before);
    expect(await loadActor(before.id, before.sessionVersion)).not.toBeNull();
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.password_change_failed"), eq(auditLog.actorUserId, before.id)));
    expect(failures).toHaveLength(1);
    expect(JSON.stringify(failures)).not.toContain("not-my-password");
  });

  it(`after ${MAX_PASSWORD_CHANGE_FAILURES} wrong current passwords within 15 minutes, even the right one is refused for a while`, async () => {
    const actor = await actorFor("ducha");
    for (let i = 0; i < MAX_PASSWORD_CHANGE_FAILURES; i++) expect((await refusal(changeOwnPassword(actor, input(`guess-${i}-xyz`)))).code).toBe("invalid");
    const before = await userRow("ducha");
    expect(await refusal(changeOwnPassword(actor, input(DEMO_PASSWORD)))).toEqual({ code: "throttled", message: "当前密码输错次数过多，请 15 分钟后再试" });
    expect(await userRow("ducha")).toEqual(before);
  });

  it("the schema refuses a mismatched confirmation, a reused password, a common one and extra fields", () => {
    const parse = (value: unknown) => {
      const result = changeOwnPasswordSchema.safeParse(value);
      return result.success ? "ok" : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(parse({ currentPassword: "a", newPassword: NEW_PASSWORD, confirmPassword: "other-password-1" })).toEqual([
      "confirmPassword: 两次输入的新密码不一致",
    ]);
    expect(parse({ currentPassword: NEW_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual([
      "newPassword: 新密码不能与当前密码相同",
    ]);
    expect(parse({ currentPassword: "a", newPassword: "password123", confirmPassword: "password123" })).toEqual([
      "newPassword: 这个密码太常见，容易被猜中，请换一个",
    ]);
    expect(parse({ currentPassword: "a", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, userId: 1 })).toEqual([": 不接受的字段：userId"]);
  });
});
