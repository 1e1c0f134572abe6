import { describe, expect, it } from "vitest";
import { newPasswordSchema } from "@/lib/auth/password";
import { createAccountSchema, linksForRole, updateAccountSchema, usernameSchema } from "@/lib/services/account-schemas";
import { isUniqueViolation, postgresErrorCode, uniqueOr } from "@/lib/services/db-errors";
import { nameTakenMessage, sameIds, uniqueIds } from "@/lib/services/directory-names";
import { updateGroupSchema } from "@/lib/services/group-schemas";
import { createLeaderSchema } from "@/lib/services/leader-schemas";
import { passwordPolicySchema } from "@/lib/services/password-policy";
import { addUnitAliasSchema, createUnitSchema, setUnitGroupsSchema } from "@/lib/services/unit-schemas";

/** "ok" or the issues as "path: message". */
function issues(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? "ok" : result.error!.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
}

const account = { username: "交通局-张三", displayName: "张三", role: "unit", leaderId: null, unitId: 7, unitRole: "filer", password: "tianjin-road-42" };

describe("directory names in forms", () => {
  it("removes padding the way the importer does", () => {
    expect(createUnitSchema.parse({ name: " 生态环境\u00a0局\u3000", kind: "department" })).toEqual({ name: "生态环境局", kind: "department" });
    expect(createLeaderSchema.parse({ name: "贾  瑞", title: " 副旗长 " })).toEqual({ name: "贾瑞", title: "副旗长" });
  });

  it("refuses an empty or over-long name, an unknown kind, with Chinese messages", () => {
    expect(issues(createUnitSchema, { name: "\u00a0 ", kind: "department" })).toEqual(["name: 请输入单位名称"]);
    expect(issues(createUnitSchema, { name: "局".repeat(101), kind: "department" })).toEqual(["name: 单位名称最多 100 个字符"]);
    expect(issues(createUnitSchema, { name: "农牧局", kind: "ministry" })).toEqual(["kind: 请选择单位类别"]);
    expect(issues(addUnitAliasSchema, { unitId: 0, alias: "x" })).toEqual(["unitId: 单位编号无效"]);
    expect(issues(setUnitGroupsSchema, { unitId: 1, groupIds: [1.5] })).toEqual(["groupIds.0: 集合单位编号无效"]);
  });

  it("refuses extra fields (unitId, role…) smuggled into any form", () => {
    expect(issues(createUnitSchema, { name: "农牧局", kind: "department", active: false })).toEqual([": 不接受的字段：active"]);
    expect(issues(updateGroupSchema, { groupId: 1, name: "各苏木镇", scope: "all", unitIds: [], tasks: 0 })).toEqual([": 不接受的字段：tasks"]);
    expect(
      issues(updateAccountSchema, { userId: 1, displayName: "x", role: "admin", leaderId: null, unitId: null, unitRole: null, sessionVersion: 9 }),
    ).toEqual([": 不接受的字段：sessionVersion"]);
    expect(issues(createAccountSchema, { ...account, mustChangePassword: false, disabled: false })).toEqual([": 不接受的字段：mustChangePassword、disabled"]);
    expect(issues(createUnitSchema, "农牧局")).toEqual([": 提交的内容格式有误"]);
  });
});

describe("account input", () => {
  it("a unit account needs its unit and its place in the unit; a leader account its leader", () => {
    expect(issues(createAccountSchema, account)).toBe("ok");
    expect(issues(createAccountSchema, { ...account, unitId: null, unitRole: null })).toEqual(["unitId: 请选择单位", "unitRole: 请选择填报人或单位负责人"]);
    expect(issues(createAccountSchema, { ...account, role: "leader" })).toEqual(["leaderId: 请选择责任领导"]);
    expect(issues(createAccountSchema, { ...account, role: "supervisor" })).toBe("ok");
  });

  it("usernames: 1–64 printable characters, trimmed", () => {
    expect(usernameSchema.parse("  农牧局-填报 ")).toBe("农牧局-填报");
    expect(issues(usernameSchema, "")).toEqual([": 请输入用户名"]);
    expect(issues(usernameSchema, "a".repeat(65))).toEqual([": 用户名最多 64 个字符"]);
    expect(issues(usernameSchema, "张 三")).toEqual([": 用户名不能包含空格或控制字符"]);
    expect(issues(usernameSchema, "a\u0000b")).toEqual([": 用户名不能包含空格或控制字符"]);
    expect(usernameSchema.parse("a".repeat(64))).toHaveLength(64);
  });

  it("clears the links a role does not use", () => {
    const all = { leaderId: 3, unitId: 7, unitRole: "head" as const };
    expect(linksForRole({ role: "leader", ...all })).toEqual({ role: "leader", leaderId: 3, unitId: null, unitRole: null });
    expect(linksForRole({ role: "unit", ...all })).toEqual({ role: "unit", leaderId: null, unitId: 7, unitRole: "head" });
    expect(linksForRole({ role: "admin", ...all })).toEqual({ role: "admin", leaderId: null, unitId: null, unitRole: null });
    expect(linksForRole({ role: "supervisor", ...all })).toEqual({ role: "supervisor", leaderId: null, unitId: null, unitRole: null });
  });
});

describe("the password rule", () => {
  it("is the one rule, whether a form or the server imports it", () => {
    expect(passwordPolicySchema).toBe(newPasswordSchema);
  });
  it("accepts 8–64 characters of anything and refuses common passwords", () => {
    for (const ok of ["12345x78", "tianjin-road-42", "草原春天来了吧吧", "x".repeat(64), "Luoshi@2022"])
      expect(issues(passwordPolicySchema, ok), ok).toBe("ok");
    expect(issues(passwordPolicySchema, "x".repeat(65))).toEqual([": 密码最多 64 个字符"]);
    expect(issues(passwordPolicySchema, "p@ssw0rd")).toEqual([": 这个密码太常见，容易被猜中，请换一个"]);
    expect(issues(passwordPolicySchema, "1234567")).toEqual([": 密码至少 8 个字符"]);
    expect(issues(passwordPolicySchema, "PASSWORD123")).toEqual([": 这个密码太常见，容易被猜中，请换一个"]);
  });
});

describe("helpers", () => {
  it("explains who already owns a name", () => {
    expect(nameTakenMessage("交通局", { kind: "unit", unitId: 1 })).toBe("单位名称已存在：已有单位叫「交通局」");
    expect(nameTakenMessage("工科局", { kind: "alias", unitId: 2, unitName: "工信和科技局", aliasId: 5 })).toBe("「工科局」已是单位「工信和科技局」的别名");
    expect(nameTakenMessage("各苏木镇", { kind: "group", groupId: 1 })).toBe("「各苏木镇」已是集合单位的名称");
  });

  it("compares id lists as sets", () => {
    expect(uniqueIds([3, 1, 3, 2, 1])).toEqual([3, 1, 2]);
    expect(sameIds([1, 2, 2], [2, 1])).toBe(true);
    expect(sameIds([1, 2], [1, 3])).toBe(false);
    expect(sameIds([], [])).toBe(true);
    expect(sameIds([1], [])).toBe(false);
  });

  it("finds the Postgres error code through drizzle's wrapper and turns a unique violation into a message", async () => {
    const wrapped = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("duplicate key"), { code: "23505" }) });
    expect(postgresErrorCode(wrapped)).toBe("23505");
    expect(isUniqueViolation(wrapped)).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(postgresErrorCode("text")).toBeNull();
    await expect(uniqueOr("用户名已存在", () => Promise.reject(wrapped))).rejects.toMatchObject({ code: "conflict", message: "用户名已存在" });
    const other = new Error("connection lost");
    await expect(uniqueOr("用户名已存在", () => Promise.reject(other))).rejects.toBe(other);
    await expect(uniqueOr("x", async () => 7)).resolves.toBe(7);
  });
});
