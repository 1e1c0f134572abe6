/**
 * Who may do what, each permission named once. Pure: no database. Services ask `can` / `assertCan`
 * after loading the record, server actions name a policy at their gate (`defineAction({ policy })`),
 * and pages show a button under the same name the server checks, so all of them get the same answer.
 *
 * A policy with facts (`task.view`, `unit.member`, …) is asked about one record: load it first.
 * `assertCan` refuses with the policy's error kind; where a caller must hide a record instead
 * (another unit's record answers 404), it asks `can` and throws `notFound()` itself.
 */
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";

/** What a rule reads about the user: the role and the unit or leader it acts for. */
export type PolicyActor = Pick<Actor, "role" | "unitId" | "unitRole" | "leaderId" | "overseesAll">;

/** What the access check needs to know about one task. */
export interface TaskAccessFacts {
  leaderIds: readonly number[];
  /** Units concerned, directly or through a collective name (各苏木镇), lead or cooperating. */
  unitIds: readonly number[];
  /** The task names a collective that stands for every unit (各地各部门). */
  allUnits: boolean;
}

interface Rule {
  /** Who, in one line. */
  summary: string;
  /** How `assertCan` refuses: other people's records answer not_found (guessing ids reveals nothing). */
  refuse: "forbidden" | "not_found";
  message?: string;
  allows: (actor: PolicyActor, facts: never) => boolean;
}

const isAdmin = (a: PolicyActor) => a.role === "admin";
const isSupervisor = (a: PolicyActor) => a.role === "supervisor";
const isOffice = (a: PolicyActor) => a.role === "admin" || a.role === "supervisor";
const isUnit = (a: PolicyActor): a is PolicyActor & { unitId: number } => a.role === "unit" && a.unitId !== null;
const isLeader = (a: PolicyActor): a is PolicyActor & { leaderId: number } => a.role === "leader" && a.leaderId !== null;
const unitAmong = (a: PolicyActor, unitIds: readonly number[]) => isUnit(a) && unitIds.includes(a.unitId);

export const POLICIES = {
  // ── Administration: the administrator alone ────────────────────────────────
  "admin.manage": { summary: "管理员：导入分解表、单位、集合单位、责任领导、账号、报送与安全设置", refuse: "forbidden", allows: isAdmin },
  "audit.read": { summary: "管理员：查看操作日志", refuse: "forbidden", message: "只有管理员可以查看操作日志", allows: isAdmin },
  "task.leaders": { summary: "管理员：指定任务的责任领导", refuse: "forbidden", allows: isAdmin },

  // ── The office: the supervision office (督查室) and the administrator ────────
  "office.read": { summary: "督查室和管理员：查看督查工作（催报、问责、督查发现、申请、全部通报）", refuse: "forbidden", allows: isOffice },
  "supervision.view": { summary: "督查室和管理员：督查总览、落实矩阵及其导出（其他人：未找到）", refuse: "not_found", allows: isOffice },
  "plan.manage": { summary: "督查室和管理员：查看草稿分解表、开始执行、归档、跨年度结转", refuse: "forbidden", allows: isOffice },
  "item.manage": { summary: "督查室和管理员：督办事项立项、签收提醒", refuse: "forbidden", allows: isOffice },
  "task.deadline": { summary: "督查室和管理员：设置任务的完成时限", refuse: "forbidden", allows: isOffice },
  "work.link": { summary: "督查室和管理员：关联同一事项", refuse: "forbidden", allows: isOffice },

  // ── The supervision office's own acts ──────────────────────────────────────
  "office.write": { summary: "督查室：催报、问责、督查发现、审核报告、审批延期与销号", refuse: "forbidden", allows: isSupervisor },
  "notice.manage": { summary: "督查室：起草、编号、发布通报", refuse: "forbidden", message: "只有督查室可以起草、编号和发布通报", allows: isSupervisor },
  "rectification.decide": { summary: "督查室：审核整改报告", refuse: "forbidden", message: "只有督查室可以审核整改报告", allows: isSupervisor },
  "assessment.manage": {
    summary: "督查室：制定考核方案、调整得分、答复异议、发布考核结果",
    refuse: "forbidden",
    message: "只有督查室可以制定和发布考核",
    allows: isSupervisor,
  },
  "burden.manage": { summary: "督查室：减负措施（由牵头单位汇总、调整报送频次、设置负担提醒线）", refuse: "forbidden", allows: isSupervisor },
  "public_view.manage": {
    summary: "督查室：发布或撤回公开进展页面、审核公开摘要",
    refuse: "forbidden",
    message: "只有督查室可以发布公开页面和审核公开摘要",
    allows: isSupervisor,
  },
  "feedback.answer": { summary: "督查室和管理员：查看并答复意见建议", refuse: "forbidden", message: "只有督查室和管理员可以答复意见建议", allows: isOffice },

  // ── Tasks and units ─────────────────────────────────────────────────────────
  "task.view": {
    summary: "任务：看全部的人（管理员、督查室、全面负责的领导）、任务的责任领导、任务涉及的单位",
    refuse: "not_found",
    allows: (a: PolicyActor, task: TaskAccessFacts) => {
      const scope = taskScopeOf(a);
      switch (scope.kind) {
        case "all":
          return true;
        case "leader":
          return task.leaderIds.includes(scope.leaderId);
        case "unit":
          return task.allUnits || task.unitIds.includes(scope.unitId);
        case "none":
          return false;
      }
    },
  },
  "unit.view": {
    summary: "单位页面：本单位自己、督查室、管理员和领导",
    refuse: "not_found",
    allows: (a: PolicyActor, unit: { unitId: number }) => a.role !== "unit" || a.unitId === unit.unitId,
  },
  "unit.act": { summary: "单位账号：为本单位填报、申请、整改、说明", refuse: "forbidden", allows: isUnit },
  "unit.head": { summary: "单位负责人（一把手）", refuse: "forbidden", allows: (a: PolicyActor) => a.role === "unit" && a.unitRole === "head" },
  "unit.member": {
    summary: "这些单位之一的账号（如任务的牵头单位、通报的对象单位）",
    refuse: "not_found",
    allows: (a: PolicyActor, facts: { unitIds: readonly number[] }) => unitAmong(a, facts.unitIds),
  },
  "indicator.edit": {
    summary: "量化指标的确认和修改：管理员、任务的牵头单位（负责人或填报人）",
    refuse: "forbidden",
    message: "只有牵头单位或管理员可以确认和修改量化指标",
    allows: (a: PolicyActor, task: { leadUnitIds: readonly number[] }) => isAdmin(a) || unitAmong(a, task.leadUnitIds),
  },
  "public_summary.write": {
    summary: "公开摘要：任务牵头单位的账号",
    refuse: "forbidden",
    message: "只有牵头单位可以填写公开摘要",
    allows: (a: PolicyActor, task: { leadUnitIds: readonly number[] }) => unitAmong(a, task.leadUnitIds),
  },
  "item.acknowledge": {
    summary: "督办事项签收：该事项牵头单位的账号",
    refuse: "forbidden",
    allows: (a: PolicyActor, item: { leadUnitIds: readonly number[] }) => unitAmong(a, item.leadUnitIds),
  },

  // ── Leaders ────────────────────────────────────────────────────────────────
  "leader.act": { summary: "责任领导本人：记录调度、答复需协调事项", refuse: "forbidden", allows: isLeader },
  "leader.read": {
    summary: "领导视图（驾驶舱、调度记录、需协调事项）：责任领导、督查室、管理员；单位不可",
    refuse: "forbidden",
    allows: (a: PolicyActor) => a.role !== "unit" && !(a.role === "leader" && a.leaderId === null && !a.overseesAll),
  },
  "leader.all": {
    summary: "全局视图（每项任务、任一领导）：全面负责的领导、督查室（只读）、管理员",
    refuse: "not_found",
    allows: (a: PolicyActor) => isOffice(a) || (a.role === "leader" && a.overseesAll),
  },
  "leader.task": {
    summary: "任务的责任领导（全面负责的领导负责每项任务）",
    refuse: "not_found",
    allows: (a: PolicyActor, task: { leaderIds: readonly number[] }) =>
      a.role === "leader" && (a.overseesAll || (a.leaderId !== null && task.leaderIds.includes(a.leaderId))),
  },

  // ── Recipients: units and leaders ───────────────────────────────────────────
  "notice.acknowledge": { summary: "通报签收：单位和责任领导", refuse: "forbidden", allows: (a: PolicyActor) => a.role === "unit" || a.role === "leader" },
  "coordination.resolve": {
    summary: "需协调事项办结：责任领导和单位",
    refuse: "forbidden",
    allows: (a: PolicyActor) => a.role === "unit" || a.role === "leader",
  },
} as const satisfies Record<string, Rule>;

export type Policy = keyof typeof POLICIES;
export const POLICY_NAMES = Object.keys(POLICIES) as Policy[];

/** The facts a policy asks for: none for the role-only ones. */
export type PolicyFacts<P extends Policy> = Parameters<(typeof POLICIES)[P]["allows"]> extends [unknown, infer F] ? [facts: F] : [];

/** The role-only policies: what a server action's gate may name (no record loaded yet). */
export type GatePolicy = { [P in Policy]: PolicyFacts<P> extends [] ? P : never }[Policy];

/** A unit account of a unit, a leader account of a leader: the answer narrows the actor. */
export function can<A extends PolicyActor>(actor: A, policy: "unit.act"): actor is A & { role: "unit"; unitId: number };
export function can<A extends PolicyActor>(actor: A, policy: "leader.act"): actor is A & { role: "leader"; leaderId: number };
export function can<P extends Policy>(actor: PolicyActor, policy: P, ...facts: PolicyFacts<P>): boolean;
export function can<P extends Policy>(actor: PolicyActor, policy: P, ...facts: PolicyFacts<P>): boolean {
  return (POLICIES[policy].allows as (actor: PolicyActor, facts?: unknown) => boolean)(actor, facts[0]);
}

/** Refuses with the policy's error kind (and message) when `can` says no. */
export function assertCan<P extends Policy>(actor: PolicyActor, policy: P, ...facts: PolicyFacts<P>): void {
  if (can(actor, policy, ...facts)) return;
  const rule: Rule = POLICIES[policy];
  throw new DomainError(rule.refuse, rule.message);
}

// ── Scopes: which records a user is concerned with ───────────────────────────

/** Which tasks a user is concerned with. */
export type TaskScope = { kind: "all" } | { kind: "leader"; leaderId: number } | { kind: "unit"; unitId: number } | { kind: "none" };

export function taskScopeOf(actor: PolicyActor): TaskScope {
  switch (actor.role) {
    case "admin":
    case "supervisor":
      return { kind: "all" };
    case "leader":
      if (actor.overseesAll) return { kind: "all" };
      return actor.leaderId === null ? { kind: "none" } : { kind: "leader", leaderId: actor.leaderId };
    case "unit":
      return actor.unitId === null ? { kind: "none" } : { kind: "unit", unitId: actor.unitId };
  }
}

/**
 * Which leader dashboard a user reads. The service calls it before loading anything:
 *   - a leader: their own tasks only (asking for another leader's → not found);
 *   - `leader.all` (全面负责, the administrator, the supervision office read-only): every task, or any one leader's;
 *   - units: refused.
 */
export type DashboardScope = { kind: "all" } | { kind: "leader"; leaderId: number };

export function dashboardScope(actor: PolicyActor, requestedLeaderId?: number): DashboardScope {
  if (can(actor, "leader.all")) return requestedLeaderId === undefined ? { kind: "all" } : { kind: "leader", leaderId: requestedLeaderId };
  if (!isLeader(actor)) throw new DomainError("forbidden");
  if (requestedLeaderId !== undefined && requestedLeaderId !== actor.leaderId) throw new DomainError("not_found");
  return { kind: "leader", leaderId: actor.leaderId };
}

/** The home page of each role. */
export function homePathOf(actor: Pick<Actor, "role">): string {
  switch (actor.role) {
    case "admin":
      return "/admin";
    case "supervisor":
      return "/supervision";
    case "leader":
      return "/leader";
    case "unit":
      return "/unit";
  }
}
