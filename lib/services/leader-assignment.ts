/**
 * 指定责任领导: documents without a 责任领导 column leave tasks without leaders. The administrator
 * gives them the 分管领导 of their lead unit, one unit at a time or every unit that has one. Only tasks
 * that still have no leader are touched (never overwritten); one transaction and one audit row per call.
 */
import type { Actor } from "@/lib/auth/actor";
import {
  insertTaskLeaders,
  listLeaderlessTasks,
  listUnitsHavingSupervisor,
  listUnitsWithSupervisor,
  lockLeaderlessTasks,
  taskIdsWithLeaders,
} from "@/lib/data/leader-assignment";
import { findLeaders, listActiveLeaderOptions } from "@/lib/data/leaders";
import { listPlans } from "@/lib/data/tasks";
import { lockUnit, updateUnitRow } from "@/lib/data/units";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { groupByLeadUnit, leadersFromSupervisors } from "@/lib/tasks/leader-assignment";
import type { AssignAllLeadersInput, AssignUnitLeadersInput } from "./task-schemas";
import { mutation } from "./mutation";

function assertMayAssign(actor: Actor) {
  assertCan(actor, "task.leaders");
}

/** The page: a plan's leaderless tasks by lead unit, each unit's 分管领导 (when in office), the leaders to choose from. */
export async function getLeaderAssignment(actor: Actor, planId?: number) {
  assertMayAssign(actor);
  const plans = await listPlans();
  const plan = planId === undefined ? plans[0] : plans.find((p) => p.id === planId);
  if (!plan) {
    if (planId !== undefined) throw notFound("未找到该分解表");
    return { plans, plan: null, groups: [], withoutLeadUnit: [], leaders: [], total: 0 };
  }
  const [tasks, leaders] = await Promise.all([listLeaderlessTasks(plan.id), listActiveLeaderOptions()]);
  const units = await listUnitsWithSupervisor([...new Set(tasks.flatMap((t) => t.leadUnitIds))]);
  const { groups, withoutLeadUnit } = groupByLeadUnit(
    tasks,
    units.map((u) => ({
      ...u,
      // A 分管领导 no longer in office is shown but not proposed.
      supervisingLeaderId: u.supervisingLeaderActive ? u.supervisingLeaderId : null,
      supervisingLeaderName: u.supervisingLeaderName,
    })),
  );
  return { plans, plan, groups, withoutLeadUnit, leaders, total: tasks.length };
}

/** Who may assign, in a plan that exists. */
async function assertMayAssignIn(actor: Actor, planId: number) {
  assertMayAssign(actor);
  if (!(await listPlans()).some((p) => p.id === planId)) throw notFound("未找到该分解表");
}

/** The plan's tasks without a leader (of one lead unit, or all), locked, as they are once locked. */
async function lockTasksWithoutLeaders(tx: Parameters<typeof lockLeaderlessTasks>[0], planId: number, unitId?: number) {
  const locked = await lockLeaderlessTasks(tx, planId, unitId);
  const taken = await taskIdsWithLeaders(
    tx,
    locked.map((t) => t.id),
  );
  return locked.filter((t) => !taken.has(t.id));
}

async function activeLeader(tx: Parameters<typeof findLeaders>[0], leaderId: number) {
  const [leader] = await findLeaders(tx, [leaderId]);
  if (!leader) throw notFound("未找到所选的责任领导，请刷新后重试");
  if (!leader.active) throw new DomainError("invalid", `「${leader.name}」已停用，不能指定为责任领导`);
  return leader;
}

/** 按分管领导指定 for one lead unit: its leaderless tasks get the chosen leader; optionally kept as its 分管领导. */
export async function assignLeadersForUnit(
  actor: Actor,
  input: AssignUnitLeadersInput,
  ip: string | null = null,
): Promise<{ assigned: number; supervisingSaved: boolean }> {
  await assertMayAssignIn(actor, input.planId);
  return mutation(actor, { action: "task.leaders_assign", entity: "unit", ip }, async (tx, audit) => {
    const unit = await lockUnit(tx, input.unitId);
    if (!unit) throw notFound("未找到该单位");
    const leader = await activeLeader(tx, input.leaderId);
    const tasks = await lockTasksWithoutLeaders(tx, input.planId, unit.id);
    const supervisingSaved = input.saveAsSupervising && unit.supervisingLeaderId !== leader.id;
    if (tasks.length === 0 && !supervisingSaved) return { assigned: 0, supervisingSaved: false };
    await insertTaskLeaders(tx, new Map(tasks.map((t) => [t.id, [leader.id]])));
    if (supervisingSaved) await updateUnitRow(tx, unit.id, { supervisingLeaderId: leader.id });
    await audit({
      entityId: unit.id,
      before: supervisingSaved ? { supervisingLeaderId: unit.supervisingLeaderId } : null,
      after: {
        planId: input.planId,
        unit: unit.name,
        leader: leader.name,
        tasks: tasks.map((t) => t.id),
        ...(supervisingSaved ? { supervisingLeaderId: leader.id } : {}),
      },
    });
    return { assigned: tasks.length, supervisingSaved };
  });
}

/** 全部按分管领导指定: every leaderless task of the plan whose lead units have a 分管领导 in office gets them. */
export async function assignLeadersForAllUnits(
  actor: Actor,
  input: AssignAllLeadersInput,
  ip: string | null = null,
): Promise<{ assigned: number; units: number }> {
  await assertMayAssignIn(actor, input.planId);
  return mutation(actor, { action: "task.leaders_assign_all", entity: "plan", ip }, async (tx, audit) => {
    const units = await listUnitsHavingSupervisor(tx);
    const leaders = await findLeaders(tx, [...new Set(units.map((u) => u.supervisingLeaderId!))]);
    const inOffice = new Set(leaders.filter((l) => l.active).map((l) => l.id));
    const locked = await lockTasksWithoutLeaders(tx, input.planId);
    const assignments = leadersFromSupervisors(locked, units, inOffice);
    if (assignments.size === 0) return { assigned: 0, units: 0 };
    await insertTaskLeaders(tx, assignments);
    // The units whose 分管领导 was used: lead units of the filled tasks with a 分管领导 in office.
    const proposing = new Set(units.filter((u) => inOffice.has(u.supervisingLeaderId!)).map((u) => u.id));
    const usedUnits = new Set(locked.filter((t) => assignments.has(t.id)).flatMap((t) => t.leadUnitIds.filter((id) => proposing.has(id))));
    const nameOf = new Map(leaders.map((l) => [l.id, l.name]));
    await audit({ entityId: input.planId, after: { tasks: [...assignments].map(([taskId, ids]) => ({ taskId, leaders: ids.map((id) => nameOf.get(id)) })) } });
    return { assigned: assignments.size, units: usedUnits.size };
  });
}
