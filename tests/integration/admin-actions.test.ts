/**
 * The server actions themselves, as a browser (or an attacker) calls them: signed out → refused;
 * extra fields → refused by the strict schema before anything runs; a signed-in administrator → done.
 * The session is simulated: `requireActor` is replaced, everything after it is the real pipeline.
 */
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, units, users } from "@/db/schema";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createUnitAction, updateUnitAction, setUnitActiveAction, addUnitAliasAction, removeUnitAliasAction, setUnitGroupsAction } = await import(
  "@/app/(app)/admin/units/actions"
);
const { createGroupAction, updateGroupAction, deleteGroupAction } = await import("@/app/(app)/admin/groups/actions");
const { createLeaderAction, updateLeaderAction, setLeaderActiveAction } = await import("@/app/(app)/admin/leaders/actions");
const { createAccountAction, updateAccountAction, setAccountDisabledAction, resetPasswordAction } = await import("@/app/(app)/admin/users/actions");
const { changeOwnPasswordAction } = await import("@/app/(app)/account/password/actions");

type AnyAction = (input: never) => Promise<{ ok: boolean; message?: string }>;

/** One valid-looking input per action (ids point at demo rows). */
const CALLS: [string, AnyAction, Record<string, unknown>][] = [
  ["createUnit", createUnitAction as AnyAction, { name: "数据局", kind: "department" }],
  ["updateUnit", updateUnitAction as AnyAction, { unitId: 1, name: "改名局", kind: "department" }],
  ["setUnitActive", setUnitActiveAction as AnyAction, { unitId: 1, active: false }],
  ["addUnitAlias", addUnitAliasAction as AnyAction, { unitId: 1, alias: "新别名" }],
  ["removeUnitAlias", removeUnitAliasAction as AnyAction, { unitId: 1, aliasId: 1 }],
  ["setUnitGroups", setUnitGroupsAction as AnyAction, { unitId: 1, groupIds: [] }],
  ["createGroup", createGroupAction as AnyAction, { name: "新集合", scope: "members" }],
  ["updateGroup", updateGroupAction as AnyAction, { groupId: 1, name: "各苏木镇", scope: "members", unitIds: [] }],
  ["deleteGroup", deleteGroupAction as AnyAction, { groupId: 4 }],
  ["createLeader", createLeaderAction as AnyAction, { name: "王五", title: "" }],
  ["updateLeader", updateLeaderAction as AnyAction, { leaderId: 1, name: "王五", title: "" }],
  ["setLeaderActive", setLeaderActiveAction as AnyAction, { leaderId: 1, active: false }],
  [
    "createAccount",
    createAccountAction as AnyAction,
    { username: "x1", displayName: "x", role: "supervisor", leaderId: null, unitId: null, unitRole: null, password: "correct-horse-9" },
  ],
  ["updateAccount", updateAccountAction as AnyAction, { userId: 3, displayName: "x", role: "supervisor", leaderId: null, unitId: null, unitRole: null }],
  ["setAccountDisabled", setAccountDisabledAction as AnyAction, { userId: 3, disabled: true }],
  ["resetPassword", resetPasswordAction as AnyAction, { userId: 3, password: "correct-horse-9" }],
  [
    "changeOwnPassword",
    changeOwnPasswordAction as AnyAction,
    { currentPassword: "Luoshi@2022", newPassword: "correct-horse-9", confirmPassword: "correct-horse-9" },
  ],
];

const snapshot = async () =>
  JSON.stringify({ units: await db.select().from(units).orderBy(asc(units.id)), users: await db.select().from(users).orderBy(asc(users.id)) });

describe("administration server actions", () => {
  beforeEach(async () => {
    await resetWithDemo();
    session.actor = null;
  });

  it("signed out: every action is refused, the refusal is recorded, and nothing changes", async () => {
    const before = await snapshot();
    const audits = await auditCount();
    for (const [name, action, input] of CALLS) {
      expect(await action(input as never), name).toEqual({ ok: false, message: "请先登录" });
    }
    expect(await snapshot()).toBe(before);
    const refusals = await db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).orderBy(asc(auditLog.id)).offset(audits);
    expect(refusals).toHaveLength(CALLS.length);
    expect(refusals.every((r) => r.action === "auth.refused" && (r.after as { code: string }).code === "unauthenticated")).toBe(true);
  });

  it("a unit filer calling an administration action is refused before the input is even read", async () => {
    session.actor = await actorFor("农牧局-填报");
    const before = await snapshot();
    for (const [name, action, input] of CALLS.filter(([n]) => n !== "changeOwnPassword")) {
      expect(await action(input as never), name).toEqual({ ok: false, message: "您没有权限进行此操作" });
    }
    expect(await snapshot()).toBe(before);
  });

  it("extra fields are refused by every strict schema, even from the administrator", async () => {
    session.actor = await actorFor("admin");
    const before = await snapshot();
    const audits = await auditCount();
    for (const [name, action, input] of CALLS) {
      const result = await action({ ...input, role: "admin", unitId: 99, disabled: false, sessionVersion: 1 } as never);
      expect(result.ok, name).toBe(false);
      expect(result.message, name).toMatch(/^不接受的字段：/);
    }
    expect(await snapshot()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it("the administrator's valid call goes through the whole pipeline; a refused rule comes back as a message", async () => {
    session.actor = await actorFor("admin");
    const created = await createUnitAction({ name: "  数据\u00a0局 ", kind: "department" });
    expect(created.ok).toBe(true);
    const [row] = await db
      .select({ name: units.name })
      .from(units)
      .where(eq(units.id, created.ok ? created.data.id : 0));
    expect(row!.name).toBe("数据局");
    expect(await createUnitAction({ name: "数据局", kind: "department" })).toEqual({ ok: false, message: "单位名称已存在：已有单位叫「数据局」" });
    expect(await createUnitAction({ name: "", kind: "department" })).toEqual({
      ok: false,
      message: "请输入单位名称",
      fieldErrors: { name: ["请输入单位名称"] },
    });
    const self = await setAccountDisabledAction({ userId: session.actor.userId, disabled: true });
    expect(self).toEqual({ ok: false, message: "不能停用自己的账号" });
  });

  it("the own-password action changes only the signed-in user's password", async () => {
    session.actor = await actorFor("交通局");
    const wrong = await changeOwnPasswordAction({ currentPassword: "wrong-one-1", newPassword: "correct-horse-9", confirmPassword: "correct-horse-9" });
    expect(wrong).toEqual({ ok: false, message: "当前密码不正确" });
    const done = await changeOwnPasswordAction({ currentPassword: "Luoshi@2022", newPassword: "correct-horse-9", confirmPassword: "correct-horse-9" });
    expect(done).toEqual({ ok: true, data: { username: "交通局" } });
  });
});
