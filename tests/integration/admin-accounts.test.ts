import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, leaders, units, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/data/users";
import { isDomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/plans/demo-seed";
import { createAccount, getAccountForAdmin, listAccountsForAdmin, resetAccountPassword, setAccountDisabled, updateAccount } from "@/lib/services/accounts";
import { ACCOUNT_DISABLED, authenticate } from "@/lib/services/sign-in";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const NEW_PASSWORD = "tianjin-road-42";
const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const leaderId = async (name: string) => (await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)))[0]!.id;
const userRow = async (username: string) => (await db.select().from(users).where(eq(users.username, username)))[0]!;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).at(-1)!;
const noLinks = { leaderId: null, unitId: null, unitRole: null };

describe("accounts (账号) administration", () => {
  beforeEach(resetWithDemo);

  it("lists accounts by role and text, without any password hash", async () => {
    const admin = await actorFor("admin");
    const leadersOnly = await listAccountsForAdmin(admin, { role: "leader" });
    expect(leadersOnly).toHaveLength(9);
    expect(leadersOnly.every((a) => a.role === "leader" && a.leaderName === a.username)).toBe(true);
    const nongmu = await listAccountsForAdmin(admin, { text: "农牧局" });
    expect(nongmu.map((a) => [a.username, a.unitName, a.unitRole])).toEqual([
      ["农牧局", "农牧局", "head"],
      ["农牧局-填报", "农牧局", "filer"],
    ]);
    expect(await listAccountsForAdmin(admin, { text: "%" })).toEqual([]);
    const serialized = JSON.stringify([leadersOnly, nongmu, await getAccountForAdmin(admin, nongmu[0]!.id)]);
    expect(serialized).not.toMatch(/passwordHash|argon2/);
  });

  it("creates a unit filer account that must change its password, with one audit row and no password in it", async () => {
    const admin = await actorFor("admin");
    const audits = await auditCount();
    const { id } = await createAccount(admin, {
      username: "交通局-张三",
      displayName: "张三",
      role: "unit",
      leaderId: await leaderId("柳天云"), // not used by a unit account: cleared
      unitId: await unitId("交通局"),
      unitRole: "filer",
      password: NEW_PASSWORD,
    });
    const row = await userRow("交通局-张三");
    expect(row).toMatchObject({
      id,
      displayName: "张三",
      role: "unit",
      leaderId: null,
      unitId: await unitId("交通局"),
      unitRole: "filer",
      disabled: false,
      mustChangePassword: true,
      sessionVersion: 1,
    });
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await auditCount()).toBe(audits + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "user.create",
      entity: "user",
      entityId: String(id),
      after: { username: "交通局-张三", role: "unit", mustChangePassword: true },
    });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain("argon2");
    await expect(authenticate({ username: "交通局-张三", password: NEW_PASSWORD, ip: "10.1.1.1" })).resolves.toMatchObject({ userId: id });
  });

  it("refuses a username already taken, and links to an inactive unit", async () => {
    const admin = await actorFor("admin");
    const count = await db.$count(users);
    expect(await refusal(createAccount(admin, { username: "农牧局", displayName: "x", role: "supervisor", ...noLinks, password: NEW_PASSWORD }))).toEqual({
      code: "conflict",
      message: "用户名已存在",
    });
    await db.update(units).set({ active: false }).where(eq(units.name, "交通局"));
    expect(
      await refusal(
        createAccount(admin, {
          username: "new-one",
          displayName: "x",
          role: "unit",
          leaderId: null,
          unitId: await unitId("交通局"),
          unitRole: "head",
          password: NEW_PASSWORD,
        }),
      ),
    ).toEqual({ code: "invalid", message: "该单位已停用，不能为其设置账号" });
    expect(
      await refusal(
        createAccount(admin, {
          username: "new-two",
          displayName: "x",
          role: "leader",
          leaderId: 999_999,
          unitId: null,
          unitRole: null,
          password: NEW_PASSWORD,
        }),
      ),
    ).toEqual({ code: "not_found", message: "未找到该责任领导" });
    expect(await db.$count(users)).toBe(count);
  });

  it("disabling ends existing sessions at once and sign-in is refused; enabling lets the user sign in again", async () => {
    const admin = await actorFor("admin");
    const target = await userRow("农牧局-填报");
    expect(await loadActor(target.id, target.sessionVersion)).not.toBeNull();
    const audits = await auditCount();
    expect(await setAccountDisabled(admin, { userId: target.id, disabled: true })).toEqual({ changed: true });
    expect(await auditCount()).toBe(audits + 1);
    expect(await loadActor(target.id, target.sessionVersion)).toBeNull();
    const after = await userRow("农牧局-填报");
    expect(after).toMatchObject({ disabled: true, sessionVersion: target.sessionVersion + 1 });
    expect(await loadActor(target.id, after.sessionVersion)).toBeNull();
    expect(await lastAudit()).toMatchObject({
      action: "user.disable",
      before: { disabled: false },
      after: { disabled: true, sessionVersion: target.sessionVersion + 1 },
    });
    // The right password on a disabled account: refused, and told it is disabled (a wrong one stays generic: sign-in.test.ts).
    const refused = await refusal(authenticate({ username: "农牧局-填报", password: DEMO_PASSWORD, ip: "10.1.1.2" }));
    expect([refused.code, refused.message]).toEqual(["forbidden", ACCOUNT_DISABLED]);

    await setAccountDisabled(admin, { userId: target.id, disabled: false });
    expect(await lastAudit()).toMatchObject({ action: "user.enable" });
    await expect(authenticate({ username: "农牧局-填报", password: DEMO_PASSWORD, ip: "10.1.1.2" })).resolves.toMatchObject({ userId: target.id });
  });

  it("an administrator cannot disable or demote themselves, nor reset their own password here", async () => {
    const admin = await actorFor("admin");
    const before = await userRow("admin");
    const audits = await auditCount();
    expect(await refusal(setAccountDisabled(admin, { userId: admin.userId, disabled: true }))).toEqual({ code: "invalid", message: "不能停用自己的账号" });
    expect(await refusal(updateAccount(admin, { userId: admin.userId, displayName: "x", role: "supervisor", ...noLinks }))).toEqual({
      code: "invalid",
      message: "不能更改自己的角色",
    });
    expect(await refusal(resetAccountPassword(admin, { userId: admin.userId, password: NEW_PASSWORD }))).toEqual({
      code: "invalid",
      message: "请在“修改密码”页面修改自己的密码",
    });
    expect(await userRow("admin")).toEqual(before);
    expect(await auditCount()).toBe(audits);
    // Renaming oneself is fine and keeps the session.
    await updateAccount(admin, { userId: admin.userId, displayName: "政府办管理员", role: "admin", ...noLinks });
    expect(await loadActor(admin.userId, before.sessionVersion)).toMatchObject({ displayName: "政府办管理员", role: "admin" });
  });

  it("reset password: the new one verifies, the old one no longer does, sessions end and a change is required", async () => {
    const admin = await actorFor("admin");
    const target = await userRow("柳天云");
    const audits = await auditCount();
    await resetAccountPassword(admin, { userId: target.id, password: NEW_PASSWORD });
    const after = await userRow("柳天云");
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, DEMO_PASSWORD)).toBe(false);
    expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: target.sessionVersion + 1 });
    expect(await loadActor(target.id, target.sessionVersion)).toBeNull();
    expect(await auditCount()).toBe(audits + 1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "user.reset_password", before: { mustChangePassword: false }, after: { mustChangePassword: true } });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain(after.passwordHash);
  });

  it("changing role or links ends sessions; a display name alone does not", async () => {
    const admin = await actorFor("admin");
    const target = await userRow("农牧局-填报");
    await updateAccount(admin, { userId: target.id, displayName: "农牧局填报员", role: "unit", unitId: target.unitId, unitRole: "filer", leaderId: null });
    expect(await userRow("农牧局-填报")).toMatchObject({ displayName: "农牧局填报员", sessionVersion: target.sessionVersion });
    const audits = await auditCount();
    await updateAccount(admin, { userId: target.id, displayName: "农牧局填报员", role: "unit", unitId: target.unitId, unitRole: "head", leaderId: null });
    const after = await userRow("农牧局-填报");
    expect(after).toMatchObject({ unitRole: "head", sessionVersion: target.sessionVersion + 1 });
    expect(await loadActor(target.id, target.sessionVersion)).toBeNull();
    expect(await loadActor(target.id, after.sessionVersion)).toMatchObject({ role: "unit", unitRole: "head" });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "user.update", before: { unitRole: "filer" }, after: { unitRole: "head" } });

    // Now a supervisor: the unit link is cleared, as the database requires.
    await updateAccount(admin, { userId: target.id, displayName: "督查员", role: "supervisor", unitId: target.unitId, unitRole: "head", leaderId: null });
    expect(await userRow("农牧局-填报")).toMatchObject({
      role: "supervisor",
      unitId: null,
      unitRole: null,
      leaderId: null,
      sessionVersion: target.sessionVersion + 2,
    });
  });

  it("an account that does not exist is not found", async () => {
    const admin = await actorFor("admin");
    expect(await refusal(setAccountDisabled(admin, { userId: 999_999, disabled: true }))).toEqual({ code: "not_found", message: "未找到该账号" });
    expect(await refusal(getAccountForAdmin(admin, 999_999))).toEqual({ code: "not_found", message: "未找到该账号" });
  });
});
