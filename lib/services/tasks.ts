/** Task use-cases: who sees which tasks. Every caller (page, action, route) goes through here. */
import type { Actor } from "@/lib/auth/actor";
import { canManagePlans, canViewTask, canViewUnit, taskScopeOf } from "@/lib/auth/permissions";
import { getUnit } from "@/lib/data/units";
import { getLatestPlan, getPlanByYear, getTask, listTasks, type TaskDetail, type TaskListRow } from "@/lib/data/tasks";
import { notFound } from "@/lib/errors";

export interface TaskSearch {
  text?: string;
  leaderId?: number;
  unitId?: number;
  /** Another year's plan (an earlier one, or one just imported); the latest by default. */
  year?: number;
}

export async function listTasksFor(actor: Actor, search: TaskSearch = {}): Promise<{ plan: Awaited<ReturnType<typeof getLatestPlan>>; tasks: TaskListRow[] }> {
  const found = search.year === undefined ? await getLatestPlan() : await getPlanByYear(search.year);
  // A draft plan is the office's and the administrator's until they start it.
  const plan = found && (found.state !== "draft" || canManagePlans(actor, "plan.view_draft")) ? found : null;
  if (!plan) return { plan, tasks: [] };
  const scope = taskScopeOf(actor);
  if (scope.kind === "none") return { plan, tasks: [] };
  const rows = await listTasks({
    planId: plan.id,
    text: search.text,
    leaderIds: scope.kind === "leader" ? [scope.leaderId] : undefined,
    unitIds: scope.kind === "unit" ? [scope.unitId] : undefined,
  });
  if (search.leaderId === undefined && search.unitId === undefined) return { plan, tasks: rows };
  // Search filters narrow the user's own scope; they never widen it.
  const narrowed = await listTasks({
    planId: plan.id,
    text: search.text,
    leaderIds: search.leaderId === undefined ? undefined : [search.leaderId],
    unitIds: search.unitId === undefined ? undefined : [search.unitId],
  });
  const allowed = new Set(rows.map((r) => r.id));
  return { plan, tasks: narrowed.filter((r) => allowed.has(r.id)) };
}

export async function getTaskFor(actor: Actor, taskId: number): Promise<TaskDetail> {
  const task = await getTask(taskId);
  if (!task || task.archivedAt) throw notFound();
  if (task.planState === "draft" && !canManagePlans(actor, "plan.view_draft")) throw notFound();
  const facts = {
    leaderIds: task.leaders.map((l) => l.id),
    unitIds: [...task.units.map((u) => u.id), ...task.groups.flatMap((g) => g.members.map((m) => m.id))],
    allUnits: task.groups.some((g) => g.scope === "all"),
  };
  if (!canViewTask(actor, facts)) throw notFound();
  return task;
}

/** A unit's own tasks, split by its role on them. */
export async function listUnitTasks(actor: Actor, unitId: number) {
  const plan = await getLatestPlan();
  if (!plan) return { plan, lead: [], cooperating: [] };
  if (actor.role === "unit" && actor.unitId !== unitId) throw notFound();
  const [lead, cooperating] = await Promise.all([
    listTasks({ planId: plan.id, unitIds: [unitId], unitRole: "lead" }),
    listTasks({ planId: plan.id, unitIds: [unitId], unitRole: "cooperating" }),
  ]);
  // The overall row (全面负责, 各地各部门) is every unit's concern but no unit's own task to lead.
  const ownLead = lead.filter((t) => !t.overall);
  const leadIds = new Set(ownLead.map((t) => t.id));
  const others = [...cooperating, ...lead.filter((t) => t.overall)].filter((t, i, all) => !leadIds.has(t.id) && all.findIndex((x) => x.id === t.id) === i);
  return { plan, lead: ownLead, cooperating: others.sort((a, b) => a.seq - b.seq) };
}

/** A unit's page: the unit itself, and everyone who oversees units; another unit gets 404. */
export async function getUnitPageFor(actor: Actor, unitId: number) {
  if (!canViewUnit(actor, unitId)) throw notFound();
  const unit = await getUnit(unitId);
  if (!unit) throw notFound();
  const tasks = await listUnitTasks(actor, unitId);
  return { unit, ...tasks };
}
