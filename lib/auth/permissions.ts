/**
 * Who may do what: pure rules, no database. Services call these after loading the record,
 * so pages, server actions and route handlers all get the same answer.
 */
import type { Actor } from "./actor";

/** Which tasks a user is concerned with. */
export type TaskScope = { kind: "all" } | { kind: "leader"; leaderId: number } | { kind: "unit"; unitId: number } | { kind: "none" };

export function taskScopeOf(actor: Actor): TaskScope {
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

/** What the access check needs to know about one task. */
export interface TaskAccessFacts {
  leaderIds: readonly number[];
  /** Units concerned, directly or through a collective name (各苏木镇), lead or cooperating. */
  unitIds: readonly number[];
  /** The task names a collective that stands for every unit (各地各部门). */
  allUnits: boolean;
}

export function canViewTask(actor: Actor, task: TaskAccessFacts): boolean {
  const scope = taskScopeOf(actor);
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
}

/** A unit's own page: the unit itself, the supervision office, the administrator and leaders. */
export function canViewUnit(actor: Actor, unitId: number): boolean {
  if (actor.role === "unit") return actor.unitId === unitId;
  return true;
}

export type AdminAction =
  | "plan.import"
  | "unit.manage"
  | "leader.manage"
  | "user.manage"
  | "settings.manage"
  | "audit.read";

/** Administration is the administrator's alone. */
export function canAdminister(actor: Actor, _action: AdminAction): boolean {
  return actor.role === "admin";
}

/**
 * Settings of a task (not its reports): its 完成时限 is set by the administrator and by the
 * supervision office, which follows deadlines; who its 责任领导 are, by the administrator alone.
 */
export type TaskSetting = "deadline" | "leaders";

export function canChangeTaskSetting(actor: Actor, setting: TaskSetting): boolean {
  switch (setting) {
    case "deadline":
      return actor.role === "admin" || actor.role === "supervisor";
    case "leaders":
      return actor.role === "admin";
  }
}

/**
 * Plans: the supervision office and the administrator see a plan while it is a 草稿, start it
 * (开始执行) and archive it (归档); units and leaders see only plans that are 执行中 or 已归档.
 */
export type PlanAction = "plan.view_draft" | "plan.activate" | "plan.archive";

export function canManagePlans(actor: Actor, _action: PlanAction): boolean {
  return actor.role === "admin" || actor.role === "supervisor";
}

/**
 * 督办事项 (single items): the office — the supervision office and the administrator — registers
 * them (立项) and reminds units of 签收; a user of one of THIS item's lead units acknowledges it (签收).
 * Who sees an item is the task rule (canViewTask): its units, its leaders, those who see everything.
 */
export type ItemAction = "item.register" | "item.remind";

export function canManageItems(actor: Actor, _action: ItemAction): boolean {
  return actor.role === "admin" || actor.role === "supervisor";
}

export function canAcknowledgeItem(actor: Actor, leadUnitIds: readonly number[]): boolean {
  return actor.role === "unit" && actor.unitId !== null && leadUnitIds.includes(actor.unitId);
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
