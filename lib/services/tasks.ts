/** Task use-cases: who sees which tasks. Every caller (page, action, route) goes through here. */
import type { Actor } from "@/lib/auth/actor";
import { getUnit } from "@/lib/data/units";
import { getTask, listTasks, type TaskDetail, type TaskListRow } from "@/lib/data/tasks";
import { notFound } from "@/lib/errors";
import { can, taskScopeOf } from "@/lib/policies";
import type { LivePlan } from "@/lib/plans/live";
import { resolvePlanScope, type PlanScope } from "./plan-scope";

export interface TaskSearch {
  text?: string;
  leaderId?: number;
  unitId?: number;
  /** One plan (any state the user may see); every live plan by default. */
  planId?: number;
  /** A year's plans (an earlier year read-only, or one just imported). */
  year?: number;
  /** Only tasks with an indicator (目标跟踪 reads no other). */
  withIndicators?: boolean;
}

/** A task row labelled with its plan (「2022年 政府工作报告」). */
/** A task row as pages and components get it. */
export type { TaskListRow };

export interface PlanTaskRow extends TaskListRow {
  planLabel: string;
  planYear: number;
}

export interface TaskList {
  /** The first plan covered (latest year), null when none. */
  plan: LivePlan | null;
  plans: LivePlan[];
  scope: PlanScope;
  tasks: PlanTaskRow[];
}

/** Rows in the scope's plan order, then by 序号, each with its plan's label. */
function labelled(rows: readonly TaskListRow[], plans: readonly LivePlan[]): PlanTaskRow[] {
  const order = new Map(plans.map((p, i) => [p.id, i]));
  const byId = new Map(plans.map((p) => [p.id, p]));
  return [...rows]
    .sort((a, b) => order.get(a.planId)! - order.get(b.planId)! || a.seq - b.seq)
    .map((r) => ({ ...r, planLabel: byId.get(r.planId)?.label ?? "", planYear: byId.get(r.planId)?.year ?? 0 }));
}

export async function listTasksFor(actor: Actor, search: TaskSearch = {}): Promise<TaskList> {
  const scope = await resolvePlanScope(actor, search.planId !== undefined ? { planId: search.planId } : search.year !== undefined ? { year: search.year } : {});
  const plans = scope.plans;
  const base = { plan: plans[0] ?? null, plans, scope };
  if (plans.length === 0) return { ...base, tasks: [] };
  const planIds = plans.map((p) => p.id);
  const who = taskScopeOf(actor);
  if (who.kind === "none") return { ...base, tasks: [] };
  const rows = await listTasks({
    planIds,
    text: search.text,
    withIndicators: search.withIndicators,
    leaderIds: who.kind === "leader" ? [who.leaderId] : undefined,
    unitIds: who.kind === "unit" ? [who.unitId] : undefined,
  });
  if (search.leaderId === undefined && search.unitId === undefined) return { ...base, tasks: labelled(rows, plans) };
  // Search filters narrow the user's own scope; they never widen it.
  const narrowed = await listTasks({
    planIds,
    text: search.text,
    withIndicators: search.withIndicators,
    leaderIds: search.leaderId === undefined ? undefined : [search.leaderId],
    unitIds: search.unitId === undefined ? undefined : [search.unitId],
  });
  const allowed = new Set(rows.map((r) => r.id));
  return {
    ...base,
    tasks: labelled(
      narrowed.filter((r) => allowed.has(r.id)),
      plans,
    ),
  };
}

export async function getTaskFor(actor: Actor, taskId: number): Promise<TaskDetail> {
  const task = await getTask(taskId);
  if (!task || task.archivedAt) throw notFound();
  if (task.planState === "draft" && !can(actor, "plan.manage")) throw notFound();
  const facts = {
    leaderIds: task.leaders.map((l) => l.id),
    unitIds: [...task.units.map((u) => u.id), ...task.groups.flatMap((g) => g.members.map((m) => m.id))],
    allUnits: task.groups.some((g) => g.scope === "all"),
  };
  if (!can(actor, "task.view", facts)) throw notFound();
  return task;
}

/** A unit's own tasks, split by its role on them. */
export async function listUnitTasks(actor: Actor, unitId: number) {
  if (!can(actor, "unit.view", { unitId })) throw notFound();
  const { plans } = await resolvePlanScope(actor);
  const plan = plans[0] ?? null;
  if (!plan) return { plan, plans, lead: [] as PlanTaskRow[], cooperating: [] as PlanTaskRow[] };
  const planIds = plans.map((p) => p.id);
  const [leadRows, cooperatingRows] = await Promise.all([
    listTasks({ planIds, unitIds: [unitId], unitRole: "lead" }),
    listTasks({ planIds, unitIds: [unitId], unitRole: "cooperating" }),
  ]);
  const lead = labelled(leadRows, plans);
  const cooperating = labelled(cooperatingRows, plans);
  // The overall row (全面负责, 各地各部门) is every unit's concern but no unit's own task to lead.
  const ownLead = lead.filter((t) => !t.overall);
  const leadIds = new Set(ownLead.map((t) => t.id));
  const others = [...cooperating, ...lead.filter((t) => t.overall)].filter((t, i, all) => !leadIds.has(t.id) && all.findIndex((x) => x.id === t.id) === i);
  return { plan, plans, lead: ownLead, cooperating: labelled(others, plans) };
}

/** A unit's page: the unit itself, and everyone who oversees units; another unit gets 404. */
export async function getUnitPageFor(actor: Actor, unitId: number) {
  if (!can(actor, "unit.view", { unitId })) throw notFound();
  const unit = await getUnit(unitId);
  if (!unit) throw notFound();
  const tasks = await listUnitTasks(actor, unitId);
  return { unit, ...tasks };
}
