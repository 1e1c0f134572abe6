/**
 * The named policies (lib/policies): every policy × every kind of user. MATRIX has one row per policy,
 * so a new policy without its row fails here (and does not compile).
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { assertCan, can, dashboardScope, homePathOf, POLICIES, POLICY_NAMES, taskScopeOf, type Policy, type PolicyActor } from "@/lib/policies";

const base: Actor = {
  userId: 1,
  username: "x",
  displayName: "x",
  role: "admin",
  unitId: null,
  unitRole: null,
  leaderId: null,
  overseesAll: false,
  mustChangePassword: false,
};
const admin: Actor = { ...base, role: "admin" };
const supervisor: Actor = { ...base, role: "supervisor" };
const leader: Actor = { ...base, role: "leader", leaderId: 7 };
const head: Actor = { ...base, role: "leader", leaderId: 1, overseesAll: true };
const unit: Actor = { ...base, role: "unit", unitId: 3, unitRole: "head" };
const filer: Actor = { ...base, role: "unit", unitId: 3, unitRole: "filer" };

const task = { leaderIds: [7, 8], unitIds: [3, 4], allUnits: false };
const otherTask = { leaderIds: [9], unitIds: [5], allUnits: false };
const everyUnitTask = { leaderIds: [1], unitIds: [], allUnits: true };

// ── Every policy × every kind of user ───────────────────────────────────────

const ACTORS = {
  admin,
  supervisor,
  "leader 7": leader,
  "leader 1 (全面负责)": head,
  "leader account without a leader": { ...leader, leaderId: null },
  "unit 3 head": unit,
  "unit 3 filer": filer,
  "unit account without a unit": { ...filer, unitId: null },
} satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Who[];
const OFFICE: Who[] = ["admin", "supervisor"];
const UNIT_3: Who[] = ["unit 3 head", "unit 3 filer"];
const LEADERS: Who[] = ["leader 7", "leader 1 (全面负责)"];
const RECIPIENTS: Who[] = [...LEADERS, "leader account without a leader", ...UNIT_3, "unit account without a unit"];

/** One row per policy: for each set of facts (none for role-only policies), who is allowed. */
type Case = { facts?: unknown; allowed: Who[] };
const MATRIX: Record<Policy, Case[]> = {
  "admin.manage": [{ allowed: ["admin"] }],
  "audit.read": [{ allowed: ["admin"] }],
  "task.leaders": [{ allowed: ["admin"] }],
  "office.read": [{ allowed: OFFICE }],
  "supervision.view": [{ allowed: OFFICE }],
  "plan.manage": [{ allowed: OFFICE }],
  "item.manage": [{ allowed: OFFICE }],
  "task.deadline": [{ allowed: OFFICE }],
  "work.link": [{ allowed: OFFICE }],
  "office.write": [{ allowed: ["supervisor"] }],
  "notice.manage": [{ allowed: ["supervisor"] }],
  "rectification.decide": [{ allowed: ["supervisor"] }],
  "assessment.manage": [{ allowed: ["supervisor"] }],
  "burden.manage": [{ allowed: ["supervisor"] }],
  "public_view.manage": [{ allowed: ["supervisor"] }],
  "feedback.answer": [{ allowed: OFFICE }],
  "task.view": [
    { facts: { leaderIds: [7], unitIds: [3], allUnits: false }, allowed: [...OFFICE, ...LEADERS, ...UNIT_3] },
    { facts: otherTask, allowed: [...OFFICE, "leader 1 (全面负责)"] },
    { facts: everyUnitTask, allowed: [...OFFICE, "leader 1 (全面负责)", ...UNIT_3] },
  ],
  "unit.view": [
    { facts: { unitId: 3 }, allowed: [...OFFICE, ...LEADERS, "leader account without a leader", ...UNIT_3] },
    { facts: { unitId: 4 }, allowed: [...OFFICE, ...LEADERS, "leader account without a leader"] },
  ],
  "unit.act": [{ allowed: UNIT_3 }],
  "unit.head": [{ allowed: ["unit 3 head"] }],
  "unit.member": [
    { facts: { unitIds: [4, 3] }, allowed: UNIT_3 },
    { facts: { unitIds: [4] }, allowed: [] },
  ],
  "indicator.edit": [
    { facts: { leadUnitIds: [3] }, allowed: ["admin", ...UNIT_3] },
    { facts: { leadUnitIds: [4] }, allowed: ["admin"] },
  ],
  "public_summary.write": [
    { facts: { leadUnitIds: [3] }, allowed: UNIT_3 },
    { facts: { leadUnitIds: [4] }, allowed: [] },
  ],
  "item.acknowledge": [
    { facts: { leadUnitIds: [5, 3] }, allowed: UNIT_3 },
    { facts: { leadUnitIds: [4] }, allowed: [] },
  ],
  "leader.act": [{ allowed: LEADERS }],
  "leader.read": [{ allowed: [...OFFICE, ...LEADERS] }],
  "leader.all": [{ allowed: [...OFFICE, "leader 1 (全面负责)"] }],
  "leader.task": [
    { facts: { leaderIds: [7, 8] }, allowed: LEADERS },
    { facts: { leaderIds: [9] }, allowed: ["leader 1 (全面负责)"] },
  ],
  "notice.acknowledge": [{ allowed: RECIPIENTS }],
  "coordination.resolve": [{ allowed: RECIPIENTS }],
};

const ask = (actor: PolicyActor, policy: Policy, facts: unknown) => (can as (a: PolicyActor, p: Policy, f?: unknown) => boolean)(actor, policy, facts);
const assertAsk = (actor: PolicyActor, policy: Policy, facts: unknown) => (assertCan as (a: PolicyActor, p: Policy, f?: unknown) => void)(actor, policy, facts);

describe("policy matrix: every policy × every kind of user", () => {
  it("has a row for every policy, and no row for a policy that does not exist", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...POLICY_NAMES].sort());
    expect(POLICY_NAMES.length).toBeGreaterThan(20);
  });
  for (const policy of POLICY_NAMES) {
    for (const [i, { facts, allowed }] of (MATRIX[policy] ?? []).entries()) {
      for (const who of EVERYONE) {
        const expected = allowed.includes(who);
        it(`${policy}${facts === undefined ? "" : ` #${i + 1}`} — ${who}: ${expected ? "allowed" : "refused"}`, () => {
          expect(ask(ACTORS[who], policy, facts)).toBe(expected);
          if (expected) expect(() => assertAsk(ACTORS[who], policy, facts)).not.toThrow();
          else {
            let thrown: unknown;
            try {
              assertAsk(ACTORS[who], policy, facts);
            } catch (error) {
              thrown = error;
            }
            expect(isDomainError(thrown) && thrown.code).toBe(POLICIES[policy].refuse);
            if ("message" in POLICIES[policy]) expect((thrown as Error).message).toBe(POLICIES[policy].message);
          }
        });
      }
    }
  }
  it("every policy says who it is for, in Chinese", () => {
    for (const policy of POLICY_NAMES) expect(POLICIES[policy].summary).toMatch(/[\u4e00-\u9fff]/);
  });
  it("other people's records answer not found; acts answer forbidden with the messages users see", () => {
    expect(POLICIES["task.view"].refuse).toBe("not_found");
    expect(POLICIES["unit.view"].refuse).toBe("not_found");
    expect(POLICIES["supervision.view"].refuse).toBe("not_found");
    expect(POLICIES["office.write"].refuse).toBe("forbidden");
    expect(() => assertCan(leader, "notice.manage")).toThrow("只有督查室可以起草、编号和发布通报");
    expect(() => assertCan(unit, "rectification.decide")).toThrow("只有督查室可以审核整改报告");
    expect(() => assertCan(supervisor, "audit.read")).toThrow("只有管理员可以查看操作日志");
    expect(() => assertCan(supervisor, "indicator.edit", { leadUnitIds: [3] })).toThrow("只有牵头单位或管理员可以确认和修改量化指标");
    expect(() => assertCan(unit, "office.write")).toThrow("您没有权限进行此操作");
  });
});

// ── The rules as they were asked before the policies module (every case kept) ──

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

describe("task.view", () => {
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
    expect(can(actor, "task.view", facts)).toBe(expected);
  });
});

describe("unit.view and administration", () => {
  it("a unit sees only its own unit page", () => {
    expect(can(unit, "unit.view", { unitId: 3 })).toBe(true);
    expect(can(unit, "unit.view", { unitId: 4 })).toBe(false);
    expect(can(supervisor, "unit.view", { unitId: 4 })).toBe(true);
  });
  it("only the administrator administers", () => {
    expect(can(admin, "admin.manage")).toBe(true);
    for (const actor of [supervisor, leader, head, unit, filer]) expect(can(actor, "admin.manage")).toBe(false);
  });
  it("each role has its home page", () => {
    expect([admin, supervisor, leader, unit].map(homePathOf)).toEqual(["/admin", "/supervision", "/leader", "/unit"]);
  });
});

describe("task settings", () => {
  it("完成时限: the administrator and the supervision office; 责任领导: the administrator alone", () => {
    const actors = { admin, supervisor, leader, head, unit, filer };
    const answers = Object.fromEntries(Object.entries(actors).map(([name, a]) => [name, [can(a, "task.deadline"), can(a, "task.leaders")]]));
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
    expect(can(admin, "item.manage")).toBe(true);
    expect(can(supervisor, "item.manage")).toBe(true);
    expect(can(leader, "item.manage")).toBe(false);
    expect(can(head, "item.manage")).toBe(false);
    expect(can(unit, "item.manage")).toBe(false);
  });
  it("a user of one of the item's lead units acknowledges it (head or filer); no one else", () => {
    expect(can(unit, "item.acknowledge", { leadUnitIds: [3] })).toBe(true);
    expect(can(filer, "item.acknowledge", { leadUnitIds: [5, 3] })).toBe(true);
    expect(can(unit, "item.acknowledge", { leadUnitIds: [4] })).toBe(false);
    expect(can(admin, "item.acknowledge", { leadUnitIds: [3] })).toBe(false);
    expect(can(supervisor, "item.acknowledge", { leadUnitIds: [3] })).toBe(false);
    expect(can({ ...leader, unitId: 3 }, "item.acknowledge", { leadUnitIds: [3] })).toBe(false);
  });
});

describe("leader dashboard scope", () => {
  const outcome = (actor: Actor, requested?: number) => {
    try {
      return dashboardScope(actor, requested);
    } catch (error) {
      return isDomainError(error) ? error.code : String(error);
    }
  };
  it("a leader reads their own tasks; another leader's answers not found", () => {
    expect(outcome(leader)).toEqual({ kind: "leader", leaderId: 7 });
    expect(outcome(leader, 7)).toEqual({ kind: "leader", leaderId: 7 });
    expect(outcome(leader, 9)).toBe("not_found");
  });
  it("全面负责, the administrator and the supervision office read every task or any one leader's", () => {
    for (const actor of [head, admin, supervisor]) {
      expect(outcome(actor)).toEqual({ kind: "all" });
      expect(outcome(actor, 9)).toEqual({ kind: "leader", leaderId: 9 });
    }
  });
  it("units and a leader account without a leader are refused", () => {
    expect(outcome(unit)).toBe("forbidden");
    expect(outcome(filer, 7)).toBe("forbidden");
    expect(outcome({ ...leader, leaderId: null })).toBe("forbidden");
  });
});
