/** Task use-cases: who sees which tasks. Every caller (page, action, route) goes through here. */
import type { Actor } from "@/lib/auth/actor";
import { getUnit } from "@/lib/data/units";
import { getTask, type TaskDetail } from "@/lib/data/tasks";
import { countTasks, listTaskPage, listTasks, listUnitAndGroupNames, type TaskFilter, type TaskListRow, type TaskOrder } from "@/lib/data/task-list";
import { notFound } from "@/lib/errors";
import { can, taskScopeOf } from "@/lib/policies";
import type { LivePlan } from "@/lib/plans/live";
import { type PageOf, type Paging, pageBounds, type SortOrder, slicePage } from "@/lib/paging";
import type { TaskSearch, TaskSort, UnitTaskRole } from "@/lib/search-params";
import { compareZh } from "@/lib/zh-order";
import { resolvePlanScope, type PlanScope } from "./plan-scope";

export type { TaskSearch };
/** A task row as pages and components get it. */
export type { TaskListRow };

/** A task row labelled with its plan (「2022年 政府工作报告」). */
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

/** One page of the task table, with the plans it covers and the whole selection's count. */
export interface TaskListPage extends PageOf<PlanTaskRow> {
  plan: LivePlan | null;
  plans: LivePlan[];
  scope: PlanScope;
  sort: SortOrder<TaskSort>;
}

function withPlan(row: TaskListRow, byId: ReadonlyMap<number, LivePlan>): PlanTaskRow {
  const plan = byId.get(row.planId);
  return { ...row, planLabel: plan?.label ?? "", planYear: plan?.year ?? 0 };
}

/** Rows in the scope's plan order, then by 序号, each with its plan's label. */
function labelled(rows: readonly TaskListRow[], plans: readonly LivePlan[]): PlanTaskRow[] {
  const order = new Map(plans.map((p, i) => [p.id, i]));
  const byId = new Map(plans.map((p) => [p.id, p]));
  return [...rows].sort((a, b) => order.get(a.planId)! - order.get(b.planId)! || a.seq - b.seq).map((r) => withPlan(r, byId));
}

/**
 * The tasks an actor asks for: the plans of the search (or every live plan), the actor's own scope
 * (a leader's tasks, a unit's tasks) and the search's leader, unit and text on top. Every condition
 * holds at once, so a search narrows the actor's scope and never widens it. `filter` is null when
 * the actor sees no task at all.
 */
async function selectionOf(actor: Actor, search: TaskSearch): Promise<{ plans: LivePlan[]; scope: PlanScope; filter: TaskFilter | null }> {
  const scope = await resolvePlanScope(actor, search.planId !== undefined ? { planId: search.planId } : search.year !== undefined ? { year: search.year } : {});
  const plans = scope.plans;
  const who = taskScopeOf(actor);
  if (plans.length === 0 || who.kind === "none") return { plans, scope, filter: null };
  const leaderIds = [...(who.kind === "leader" ? [who.leaderId] : []), ...(search.leaderId === undefined ? [] : [search.leaderId])];
  const unitIds = [...(who.kind === "unit" ? [who.unitId] : []), ...(search.unitId === undefined ? [] : [search.unitId])];
  return { plans, scope, filter: { planIds: plans.map((p) => p.id), text: search.text, leaderIds, unitIds, withIndicators: search.withIndicators } };
}

/** Every task of the selection (for whole-list callers: a small scope, a page computed per period). */
export async function listTasksFor(actor: Actor, search: TaskSearch = {}): Promise<TaskList> {
  const { plans, scope, filter } = await selectionOf(actor, search);
  const base = { plan: plans[0] ?? null, plans, scope };
  if (!filter) return { ...base, tasks: [] };
  return { ...base, tasks: labelled(await listTasks(filter), plans) };
}

/** The SQL order of a sort of the task table; 牵头单位 ranks every name by 拼音 first. */
async function taskOrderOf(sort: SortOrder<TaskSort>): Promise<TaskOrder> {
  if (sort.key !== "lead") return { key: sort.key, descending: sort.descending };
  const names = (await listUnitAndGroupNames()).sort(compareZh);
  return { key: "lead", descending: sort.descending, leadNames: names };
}

/** One page of the task table: the selection counted whole, one page read in the order asked for. */
export async function listTaskPageFor(actor: Actor, search: TaskSearch, paging: Paging<TaskSort>): Promise<TaskListPage> {
  const { plans, scope, filter } = await selectionOf(actor, search);
  const base = { plan: plans[0] ?? null, plans, scope, sort: paging.sort, size: paging.size };
  if (!filter) return { ...base, rows: [], total: 0, page: 1, pages: 1 };
  const [total, order] = await Promise.all([countTasks(filter), taskOrderOf(paging.sort)]);
  const { page, pages, offset, limit } = pageBounds(total, paging);
  const rows = total === 0 ? [] : await listTaskPage(filter, order, { offset, limit });
  const byId = new Map(plans.map((p) => [p.id, p]));
  return { ...base, rows: rows.map((r) => withPlan(r, byId)), total, page, pages };
}

/**
 * The whole selection in the table's order, a batch at a time (the export): the same scope and
 * search as the page, so a file never holds a task the page would not show. The selection is
 * resolved (and refused) before the first batch is read.
 */
export async function taskBatchesFor(actor: Actor, search: TaskSearch, sort: SortOrder<TaskSort>, batchSize: number): Promise<AsyncGenerator<PlanTaskRow[]>> {
  const { plans, filter } = await selectionOf(actor, search);
  const order = await taskOrderOf(sort);
  const byId = new Map(plans.map((p) => [p.id, p]));
  async function* batches() {
    if (!filter) return;
    for (let offset = 0; ; offset += batchSize) {
      const rows = await listTaskPage(filter, order, { offset, limit: batchSize });
      if (rows.length > 0) yield rows.map((r) => withPlan(r, byId));
      if (rows.length < batchSize) return;
    }
  }
  return batches();
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

/** A unit's page: the unit itself, and everyone who oversees units; another unit gets 404. One of its lists, a page of it. */
export async function getUnitPageFor(actor: Actor, unitId: number, view: { role: UnitTaskRole; paging: Pick<Paging, "page" | "size"> }) {
  if (!can(actor, "unit.view", { unitId })) throw notFound();
  const unit = await getUnit(unitId);
  if (!unit) throw notFound();
  const { plan, plans, lead, cooperating } = await listUnitTasks(actor, unitId);
  const counts = { lead: lead.length, cooperating: cooperating.length };
  return { unit, plan, plans, counts, role: view.role, list: slicePage(view.role === "lead" ? lead : cooperating, view.paging) };
}
