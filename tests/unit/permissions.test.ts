import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { canAcknowledgeItem, canAdminister, canChangeTaskSetting, canManageItems, canViewTask, canViewUnit, homePathOf, taskScopeOf } from "@/lib/auth/permissions";

const base: Actor = { userId: 1, username: "x", displayName: "x", role: "admin", unitId: null, unitRole: null, leaderId: null, overseesAll: false, mustChangePassword: false };
const admin: Actor = { ...base, role: "admin" };
const supervisor: Actor = { ...base, role: "supervisor" };
const leader: Actor = { ...base, role: "leader", leaderId: 7 };
const head: Actor = { ...base, role: "leader", leaderId: 1, overseesAll: true };
const unit: Actor = { ...base, role: "unit", unitId: 3, unitRole: "head" };
const filer: Actor = { ...base, role: "unit", unitId: 3, unitRole: "filer" };

const task = { leaderIds: [7, 8], unitIds: [3, 4], allUnits: false };
const otherTask = { leaderIds: [9], unitIds: [5], allUnits: false };
const everyUnitTask = { leaderIds: [1], unitIds: [], allUnits: true };

describe("task scope", () => {
  it("admin and supervision office see all", () => {
    expect(taskScopeOf(admin)).toEqual({ kind: "all" });
    expect(taskScopeOf(supervisor)).toEqual({ kind: "all" });
  });
  it("a leader sees their own tasks; the leader with overall responsibility sees all", () => {
    expect(taskScopeOf(leader)).toEqual({ kind: "leader", leaderId: 7 });
    expect(taskScopeOf(head)).toEqual({ kind: "all" });
  });
  it("a unit sees its unit's tasks, whatever its member role", () => {
    expect(taskScopeOf(unit)).toEqual({ kind: "unit", unitId: 3 });
    expect(taskScopeOf(filer)).toEqual({ kind: "unit", unitId: 3 });
  });
  it("a leader account without a leader sees nothing", () => {
    expect(taskScopeOf({ ...leader, leaderId: null })).toEqual({ kind: "none" });
  });
});

describe("canViewTask", () => {
  const cases: [string, Actor, typeof task, boolean][] = [
    ["admin, any task", admin, otherTask, true],
    ["supervisor, any task", supervisor, otherTask, true],
    ["leader, own task", leader, task, true],
    ["leader, another leader's task", leader, otherTask, false],
    ["overall head, any task", head, otherTask, true],
    ["unit, task it is named on", unit, task, true],
    ["unit filer, task it is named on", filer, task, true],
    ["unit, task of other units", unit, otherTask, false],
    ["unit, task of 各地各部门", unit, everyUnitTask, true],
  ];
  it.each(cases)("%s", (_name, actor, facts, expected) => {
    expect(canViewTask(actor, facts)).toBe(expected);
  });
});

describe("canViewUnit and administration", () => {
  it("a unit sees only its own unit page", () => {
    expect(canViewUnit(unit, 3)).toBe(true);
    expect(canViewUnit(unit, 4)).toBe(false);
    expect(canViewUnit(supervisor, 4)).toBe(true);
  });
  it("only the administrator administers", () => {
    expect(canAdminister(admin, "plan.import")).toBe(true);
    for (const actor of [supervisor, leader, head, unit, filer]) expect(canAdminister(actor, "plan.import")).toBe(false);
  });
  it("each role has its home page", () => {
    expect([admin, supervisor, leader, unit].map(homePathOf)).toEqual(["/admin", "/supervision", "/leader", "/unit"]);
  });
});

describe("canChangeTaskSetting", () => {
  it("完成时限: the administrator and the supervision office; 责任领导: the administrator alone", () => {
    const actors = { admin, supervisor, leader, head, unit, filer };
    const answers = Object.fromEntries(Object.entries(actors).map(([name, a]) => [name, [canChangeTaskSetting(a, "deadline"), canChangeTaskSetting(a, "leaders")]]));
    expect(answers).toEqual({
      admin: [true, true],
      supervisor: [true, false],
      leader: [false, false],
      head: [false, false],
      unit: [false, false],
      filer: [false, false],
    });
  });
});

describe("督办事项", () => {
  it("the office (supervision office and administrator) registers and reminds; nobody else", () => {
    for (const action of ["item.register", "item.remind"] as const) {
      expect(canManageItems(admin, action)).toBe(true);
      expect(canManageItems(supervisor, action)).toBe(true);
      expect(canManageItems(leader, action)).toBe(false);
      expect(canManageItems(head, action)).toBe(false);
      expect(canManageItems(unit, action)).toBe(false);
    }
  });
  it("a user of one of the item's lead units acknowledges it (head or filer); no one else", () => {
    expect(canAcknowledgeItem(unit, [3])).toBe(true);
    expect(canAcknowledgeItem(filer, [5, 3])).toBe(true);
    expect(canAcknowledgeItem(unit, [4])).toBe(false);
    expect(canAcknowledgeItem(admin, [3])).toBe(false);
    expect(canAcknowledgeItem(supervisor, [3])).toBe(false);
    expect(canAcknowledgeItem({ ...leader, unitId: 3 }, [3])).toBe(false);
  });
});
