/**
 * The permission matrix of administration: every role × every administration use-case. Only the
 * administrator may; everyone else is refused with `forbidden` and nothing in the database changes.
 */
import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { leaders, unitAliases, unitGroupMembers, unitGroups, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { can } from "@/lib/policies";
import {
  accountFormOptions,
  createAccount,
  getAccountForAdmin,
  listAccountsForAdmin,
  resetAccountPassword,
  setAccountDisabled,
  updateAccount,
} from "@/lib/services/accounts";
import { parseAuditSearch } from "@/lib/audit-log/filters";
import { getAuditLogPage, listAuditLogAccounts } from "@/lib/services/audit-log";
import { createGroup, deleteGroup, getGroupForAdmin, listGroupsForAdmin, updateGroup } from "@/lib/services/groups";
import { createLeader, getLeaderForAdmin, listLeadersForAdmin, setLeaderActive, updateLeader } from "@/lib/services/leaders";
import { addUnitAlias, createUnit, getUnitForAdmin, listUnitsForAdmin, removeUnitAlias, setUnitActive, setUnitGroups, updateUnit } from "@/lib/services/units";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const ROLES = { admin: "admin", supervisor: "ducha", leader: "柳天云", "unit head": "农牧局", "unit filer": "农牧局-填报" } as const;
type Role = keyof typeof ROLES;
const REFUSED: Role[] = ["supervisor", "leader", "unit head", "unit filer"];

interface Fixtures {
  unitId: number;
  aliasId: number;
  groupId: number;
  spareGroupId: number;
  leaderId: number;
  userId: number;
  otherUnitId: number;
  spareUnitId: number;
}

/** Each use-case, called with inputs that would change something when the administrator calls it. */
const ACTIONS: Record<string, { kind: "read" | "write"; run: (actor: Actor, f: Fixtures, n: number) => Promise<unknown> }> = {
  "unit.list": { kind: "read", run: (a) => listUnitsForAdmin(a) },
  "unit.get": { kind: "read", run: (a, f) => getUnitForAdmin(a, f.unitId) },
  "unit.create": { kind: "write", run: (a, _f, n) => createUnit(a, { name: `新单位${n}`, kind: "other" }) },
  "unit.update": { kind: "write", run: (a, f, n) => updateUnit(a, { unitId: f.unitId, name: `改名单位${n}`, kind: "other" }) },
  "unit.deactivate": { kind: "write", run: (a, f) => setUnitActive(a, { unitId: f.spareUnitId, active: false }) },
  "unit.alias_add": { kind: "write", run: (a, f, n) => addUnitAlias(a, { unitId: f.unitId, alias: `别名${n}` }) },
  "unit.alias_remove": { kind: "write", run: (a, f) => removeUnitAlias(a, { unitId: f.unitId, aliasId: f.aliasId }) },
  "unit.groups_set": { kind: "write", run: (a, f) => setUnitGroups(a, { unitId: f.unitId, groupIds: [f.groupId] }) },
  "group.list": { kind: "read", run: (a) => listGroupsForAdmin(a) },
  "group.get": { kind: "read", run: (a, f) => getGroupForAdmin(a, f.groupId) },
  "group.create": { kind: "write", run: (a, _f, n) => createGroup(a, { name: `新集合${n}`, scope: "members" }) },
  "group.update": {
    kind: "write",
    run: (a, f) => updateGroup(a, { groupId: f.groupId, name: "国有企业改革领导小组成员单位", scope: "members", unitIds: [f.otherUnitId] }),
  },
  "group.delete": { kind: "write", run: (a, f) => deleteGroup(a, { groupId: f.spareGroupId }) },
  "leader.list": { kind: "read", run: (a) => listLeadersForAdmin(a) },
  "leader.get": { kind: "read", run: (a, f) => getLeaderForAdmin(a, f.leaderId) },
  "leader.create": { kind: "write", run: (a, _f, n) => createLeader(a, { name: `新领导${n}`, title: "" }) },
  "leader.update": { kind: "write", run: (a, f, n) => updateLeader(a, { leaderId: f.leaderId, name: "刘锐", title: `职务${n}` }) },
  "leader.deactivate": { kind: "write", run: (a, f) => setLeaderActive(a, { leaderId: f.leaderId, active: false }) },
  "user.list": { kind: "read", run: (a) => listAccountsForAdmin(a, {}) },
  "user.get": { kind: "read", run: (a, f) => getAccountForAdmin(a, f.userId) },
  "user.form_options": { kind: "read", run: (a) => accountFormOptions(a) },
  "user.create": {
    kind: "write",
    run: (a, f, n) =>
      createAccount(a, {
        username: `新账号${n}`,
        displayName: "新账号",
        role: "unit",
        leaderId: null,
        unitId: f.otherUnitId,
        unitRole: "filer",
        password: "matrix-pass-2022",
      }),
  },
  "user.update": {
    kind: "write",
    run: (a, f) => updateAccount(a, { userId: f.userId, displayName: "交通局填报员", role: "unit", leaderId: null, unitId: f.otherUnitId, unitRole: "head" }),
  },
  "user.disable": { kind: "write", run: (a, f) => setAccountDisabled(a, { userId: f.userId, disabled: true }) },
  "user.reset_password": { kind: "write", run: (a, f) => resetAccountPassword(a, { userId: f.userId, password: "matrix-reset-2022" }) },
  "audit.list": { kind: "read", run: (a) => getAuditLogPage(a, parseAuditSearch({ user: "anonymous", action: "group:auth" })) },
  "audit.accounts": { kind: "read", run: (a) => listAuditLogAccounts(a) },
};

/** Every row of every administered table (password hashes included: they must not change either). */
async function everything() {
  return JSON.stringify({
    units: await db.select().from(units).orderBy(asc(units.id)),
    aliases: await db.select().from(unitAliases).orderBy(asc(unitAliases.id)),
    groups: await db.select().from(unitGroups).orderBy(asc(unitGroups.id)),
    members: await db.select().from(unitGroupMembers).orderBy(asc(unitGroupMembers.groupId), asc(unitGroupMembers.unitId)),
    leaders: await db.select().from(leaders).orderBy(asc(leaders.id)),
    users: await db.select().from(users).orderBy(asc(users.id)),
  });
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    return isDomainError(error) ? error.code : `error: ${String(error)}`;
  }
}

describe("administration permission matrix", () => {
  let fixtures: Fixtures;
  const actors = {} as Record<Role, Actor>;

  beforeAll(async () => {
    await resetWithDemo();
    for (const [role, username] of Object.entries(ROLES)) actors[role as Role] = await actorFor(username);
    const one = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
    const [spare] = await db.insert(unitGroups).values({ name: "待删除的集合" }).returning({ id: unitGroups.id });
    const [spareUnit] = await db.insert(units).values({ name: "待停用的单位" }).returning({ id: units.id });
    fixtures = {
      unitId: (await one(db.select({ id: units.id }).from(units).where(eq(units.name, "工信和科技局")))).id,
      aliasId: (await one(db.select({ id: unitAliases.id }).from(unitAliases).where(eq(unitAliases.alias, "工科局")))).id,
      groupId: (await one(db.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.name, "国有企业改革领导小组成员单位")))).id,
      spareGroupId: spare!.id,
      leaderId: (await one(db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "刘锐")))).id,
      userId: (await one(db.select({ id: users.id }).from(users).where(eq(users.username, "交通局-填报")))).id,
      otherUnitId: (await one(db.select({ id: units.id }).from(units).where(eq(units.name, "交通局")))).id,
      spareUnitId: spareUnit!.id,
    };
  });

  it("the roles refused here are exactly those the admin.manage and audit.read policies refuse", () => {
    for (const policy of ["admin.manage", "audit.read"] as const) {
      expect((Object.keys(ROLES) as Role[]).filter((role) => !can(actors[role], policy))).toEqual(REFUSED);
    }
  });

  it("only the administrator may; every other role is refused and nothing changes", async () => {
    const expected: Record<string, Record<Role, string>> = {};
    const actual: Record<string, Record<Role, string>> = {};
    let n = 0;
    for (const [name, action] of Object.entries(ACTIONS)) {
      expected[name] = { admin: "allowed", supervisor: "forbidden", leader: "forbidden", "unit head": "forbidden", "unit filer": "forbidden" };
      actual[name] = {} as Record<Role, string>;
      for (const role of REFUSED) {
        const [rows, audits] = [await everything(), await auditCount()];
        actual[name][role] = await outcome(action.run(actors[role], fixtures, ++n));
        expect(await everything(), `${role} × ${name} changed the database`).toBe(rows);
        expect(await auditCount(), `${role} × ${name} wrote an audit row`).toBe(audits);
      }
      const [rows, audits] = [await everything(), await auditCount()];
      actual[name].admin = await outcome(action.run(actors.admin, fixtures, ++n));
      expect(actual[name].admin, `admin × ${name}`).toBe("allowed");
      if (action.kind === "write") {
        expect(await everything(), `admin × ${name} changed nothing`).not.toBe(rows);
        expect(await auditCount(), `admin × ${name} must write exactly one audit row`).toBe(audits + 1);
      } else {
        expect(await auditCount()).toBe(audits);
      }
    }
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toHaveLength(27);
  });

  it("the administrator's writes above were recorded with the administrator as actor", async () => {
    const rows = await db.execute<{ action: string }>(sql`select action from audit_log where actor_role = 'admin' order by id`);
    const actions = [...rows].map((r) => r.action);
    for (const name of Object.keys(ACTIONS).filter((k) => ACTIONS[k]!.kind === "write")) expect(actions).toContain(name);
  });
});
