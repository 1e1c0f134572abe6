/**
 * Weekly dispatch (每周一调度): a leader records a meeting on their tasks — date, place, attending
 * units, tasks discussed, problems, decisions — and turns decisions into follow-ups (调度事项) that
 * the responsible unit sees and closes. Each function checks, itself, who may do this:
 * - only a leader records, and only on their own tasks (王国泉, overall responsibility: any task);
 *   only the author edits;
 * - the author, 王国泉, the administrator and the supervision office read every record; a unit
 *   reads one only if a discussed task is its own (lead or cooperating) or a follow-up is its;
 * - only the responsible unit closes its follow-up.
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import {
  deleteFollowUpRows,
  dispatchConcernsUnit,
  getDispatchDetail,
  getDispatchRow,
  getFollowUpRow,
  insertDispatch,
  insertFollowUp,
  listDispatchableTasks,
  listDispatches,
  listFollowUpsOfDispatch,
  listFollowUpsOfUnit,
  listUnitsOfTasks,
  replaceDispatchLinks,
  updateDispatchRow,
  updateFollowUpRow,
  type DispatchRow,
} from "@/lib/data/dispatches";
import { listActiveUnits } from "@/lib/data/units";
import { notifyLeaders, notifyUnits } from "@/lib/data/notifications";
import { loadLivePlans } from "@/lib/plans/live";
import { coverageText } from "@/lib/plans/scope";
import { describeFollowUpDue, followUpSignal } from "@/lib/dispatch/due";
import {
  closeFollowUpSchema,
  dispatchSchema,
  updateDispatchSchema,
  type CloseFollowUpInput,
  type DispatchInput,
  type FollowUpInput,
  type UpdateDispatchInput,
} from "@/lib/dispatch/schemas";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { assertCan, can, taskScopeOf } from "@/lib/policies";
import { formatShanghai, shanghaiDateText } from "@/lib/periods";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

const followUpsLink = "/unit/follow-ups";
const dispatchLink = (id: number) => `/leader/dispatches/${id}`;

/** Only a leader records dispatches. */
function assertRecorder(actor: Actor): asserts actor is Actor & { leaderId: number } {
  if (!can(actor, "leader.act")) throw forbidden();
}

/** The leader whose tasks bound the choice; undefined for 王国泉 (any task). */
const scopeLeaderId = (actor: Actor & { leaderId: number }) => (actor.overseesAll ? undefined : actor.leaderId);

/** Every live plan: a dispatch may name tasks of any of them. */
async function livePlans(tx: Executor) {
  const plans = await loadLivePlans(tx);
  if (plans.length === 0) throw new DomainError("invalid", "尚未导入分解表");
  return plans;
}

// ── The form ─────────────────────────────────────────────────────────────────

/** What the dispatch form offers: the leader's tasks, every active unit, and each task's units. */
export async function getDispatchFormOptions(actor: Actor) {
  assertRecorder(actor);
  const plans = await livePlans(db);
  const order = new Map(plans.map((p, i) => [p.id, i]));
  const label = new Map(plans.map((p) => [p.id, p.label]));
  const rows = await listDispatchableTasks(db, { planIds: plans.map((p) => p.id), leaderId: scopeLeaderId(actor) });
  // Tasks of several plans are told apart by their plan's label.
  const tasks = rows
    .sort((a, b) => order.get(a.planId)! - order.get(b.planId)! || a.seq - b.seq)
    .map((t) => ({ ...t, planLabel: plans.length > 1 ? (label.get(t.planId) ?? null) : null }));
  const [units, links] = await Promise.all([
    listActiveUnits(db, undefined, "id"),
    listUnitsOfTasks(
      db,
      tasks.map((t) => t.id),
    ),
  ]);
  const unitsByTask: Record<number, number[]> = {};
  for (const { taskId, unitId } of links) (unitsByTask[taskId] ??= []).push(unitId);
  return { plan: { id: plans[0]!.id, title: plans[0]!.title }, coverage: coverageText(plans), tasks, units, unitsByTask, today: shanghaiDateText(now()) };
}

/** The form pre-filled with a dispatch to edit: its author only. */
export async function getDispatchForEdit(actor: Actor, id: number) {
  assertRecorder(actor);
  const detail = await getDispatchDetail(db, id);
  if (!detail) throw notFound();
  if (detail.leaderId !== actor.leaderId) throw actor.overseesAll ? forbidden("只有记录人可以修改调度记录") : notFound();
  const options = await getDispatchFormOptions(actor);
  // Tasks already on the record stay choosable even if the leader's tasks changed since.
  const extra = detail.tasks.filter((t) => !options.tasks.some((o) => o.id === t.id));
  return { options: { ...options, tasks: [...options.tasks, ...extra] }, detail };
}

// ── Writing ──────────────────────────────────────────────────────────────────

/** Checks the tasks are the leader's (or any, for 王国泉) and every unit named exists and is active. */
async function checkChoices(
  tx: Executor,
  actor: Actor & { leaderId: number },
  planIds: readonly number[],
  input: DispatchInput,
  keepTaskIds: readonly number[] = [],
) {
  const taskIds = [...new Set(input.taskIds)];
  const allowed = await listDispatchableTasks(tx, { planIds, leaderId: scopeLeaderId(actor), taskIds });
  const allowedIds = new Set([...allowed.map((t) => t.id), ...keepTaskIds]);
  if (taskIds.some((id) => !allowedIds.has(id))) throw forbidden("只能调度本人负责的任务");
  const unitIds = [...new Set([...input.unitIds, ...input.followUps.map((f) => f.unitId)])];
  const units = await listActiveUnits(tx, unitIds, "id");
  if (units.length !== unitIds.length) throw new DomainError("invalid", "所选单位不存在或已停用");
  if (input.followUps.some((f) => f.taskId !== null && !taskIds.includes(f.taskId))) throw new DomainError("invalid", "调度事项所属任务须为本次调度的任务");
  return { taskIds, unitIds: [...new Set(input.unitIds)], planIds: allowed.map((t) => t.planId) };
}

const recordValues = (input: Pick<DispatchInput, "heldOn" | "location" | "attendeesNote" | "problems" | "decisions">) => ({
  heldOn: input.heldOn,
  location: input.location,
  attendeesNote: input.attendeesNote,
  problems: input.problems,
  decisions: input.decisions,
});
const followUpValues = (f: FollowUpInput) => ({ content: f.content, unitId: f.unitId, taskId: f.taskId, dueOn: f.dueOn });

async function tellUnits(
  tx: Executor,
  actor: Actor,
  _dispatchId: number,
  heldOn: string,
  followUps: { unitId: number; content: string; dueOn: string }[],
  at: Date,
) {
  for (const f of followUps) {
    await notifyUnits(tx, [f.unitId], {
      kind: "dispatch_follow_up",
      title: `${actor.displayName} ${heldOn} 调度交办事项，请于 ${f.dueOn} 前办结：${f.content.length > 40 ? `${f.content.slice(0, 40)}…` : f.content}`,
      body: f.content,
      link: followUpsLink,
      createdBy: actor.userId,
      createdAt: at,
    });
  }
}

/** Records a dispatch; `options.at` (the demo's past meetings) defaults to the app clock. */
export async function createDispatch(actor: Actor, raw: DispatchInput, options: { at?: Date } = {}) {
  assertRecorder(actor);
  const input = parseInput(dispatchSchema, raw);
  return mutation(actor, { action: "dispatch.create", entity: "dispatch" }, async (tx, audit) => {
    const plans = await livePlans(tx);
    const { taskIds, unitIds, planIds } = await checkChoices(
      tx,
      actor,
      plans.map((p) => p.id),
      input,
    );
    if (input.followUps.some((f) => f.id !== undefined)) throw new DomainError("invalid", "新的调度记录不能引用已有的调度事项");
    const at = options.at ?? now();
    // The record belongs to the plan of its (first) task; one naming no task, to the first live plan.
    const planId = planIds[0] ?? plans[0]!.id;
    const id = await insertDispatch(tx, { ...recordValues(input), planId, leaderId: actor.leaderId, createdBy: actor.userId, at });
    await replaceDispatchLinks(tx, id, { taskIds, unitIds });
    const followUpIds: number[] = [];
    for (const f of input.followUps) followUpIds.push(await insertFollowUp(tx, id, followUpValues(f), at));
    await tellUnits(tx, actor, id, input.heldOn, input.followUps, at);
    await audit({
      entityId: id,
      after: { ...recordValues(input), taskIds, unitIds, followUps: input.followUps.map((f, i) => ({ id: followUpIds[i], ...followUpValues(f) })) },
    });
    return { id };
  });
}

/**
 * The author edits the record. Open follow-ups may be changed or removed and new ones added; a
 * closed follow-up is kept as it was closed.
 */
export async function updateDispatch(actor: Actor, raw: UpdateDispatchInput) {
  assertRecorder(actor);
  const input = parseInput(updateDispatchSchema, raw);
  return mutation(actor, { action: "dispatch.update", entity: "dispatch" }, async (tx, audit) => {
    const dispatch = await getDispatchRow(tx, input.id, { forUpdate: true });
    if (!dispatch) throw notFound();
    if (dispatch.leaderId !== actor.leaderId) throw actor.overseesAll ? forbidden("只有记录人可以修改调度记录") : notFound();
    const before = await getDispatchDetail(tx, dispatch.id);
    const plans = await loadLivePlans(tx);
    const { taskIds, unitIds } = await checkChoices(
      tx,
      actor,
      [...new Set([dispatch.planId, ...plans.map((p) => p.id)])],
      input,
      before!.tasks.map((t) => t.id),
    );
    const existing = await listFollowUpsOfDispatch(tx, dispatch.id);
    const byId = new Map(existing.map((f) => [f.id, f]));
    if (input.followUps.some((f) => f.id !== undefined && !byId.has(f.id))) throw new DomainError("invalid", "调度事项不属于这条调度记录");
    const at = now();
    await updateDispatchRow(tx, dispatch.id, { ...recordValues(input), updatedAt: at });
    await replaceDispatchLinks(tx, dispatch.id, { taskIds, unitIds });
    const kept = new Set<number>();
    const toTell: FollowUpInput[] = [];
    for (const f of input.followUps) {
      const old = f.id === undefined ? undefined : byId.get(f.id);
      if (!old) {
        await insertFollowUp(tx, dispatch.id, followUpValues(f), at);
        toTell.push(f);
        continue;
      }
      kept.add(old.id);
      if (old.status === "closed") continue; // closed as it was
      await updateFollowUpRow(tx, old.id, { ...followUpValues(f), updatedAt: at });
      if (old.unitId !== f.unitId || old.content !== f.content || old.dueOn !== f.dueOn) toTell.push(f);
    }
    const removed = existing.filter((f) => !kept.has(f.id) && f.status === "open").map((f) => f.id);
    await deleteFollowUpRows(tx, removed);
    await tellUnits(tx, actor, dispatch.id, input.heldOn, toTell, at);
    await audit({
      entityId: dispatch.id,
      before: {
        ...recordValues(dispatch),
        taskIds: before!.tasks.map((t) => t.id),
        unitIds: before!.units.map((u) => u.id),
        followUps: existing.map(({ id, content, unitId, taskId, dueOn, status }) => ({ id, content, unitId, taskId, dueOn, status })),
      },
      after: { ...recordValues(input), taskIds, unitIds, followUps: input.followUps, removedFollowUps: removed },
    });
    return { id: dispatch.id };
  });
}

// ── Reading ──────────────────────────────────────────────────────────────────

/** May this user read this dispatch at all? Others get 404. */
async function mayRead(tx: Executor, actor: Actor, dispatch: Pick<DispatchRow, "id" | "leaderId">): Promise<boolean> {
  if (can(actor, "leader.all")) return true;
  if (can(actor, "leader.act")) return actor.leaderId === dispatch.leaderId;
  return can(actor, "unit.act") && dispatchConcernsUnit(tx, dispatch.id, actor.unitId);
}

/** The list: a leader's own records (王国泉, the administrator and the office: all). Units use their follow-ups. */
export async function listDispatchesFor(actor: Actor) {
  assertCan(actor, "leader.read");
  const scope = taskScopeOf(actor);
  const leaderId = scope.kind === "leader" ? scope.leaderId : undefined;
  const rows = await listDispatches(db, { leaderId });
  return { rows, canRecord: can(actor, "leader.act"), showLeader: leaderId === undefined };
}

/** One printable record, with every follow-up's state. */
export async function getDispatchFor(actor: Actor, id: number) {
  const row = await getDispatchRow(db, id);
  if (!row || !(await mayRead(db, actor, row))) throw notFound();
  const detail = (await getDispatchDetail(db, id))!;
  const at = now();
  return {
    ...detail,
    followUps: detail.followUps.map((f) => ({
      ...f,
      signal: followUpSignal(f.dueOn, f.status, at),
      dueText: describeFollowUpDue(f.dueOn, f.status, at),
      closedAtLabel: f.closedAt ? formatShanghai(f.closedAt) : null,
      mine: can(actor, "unit.member", { unitIds: [f.unitId] }),
    })),
    can: { edit: can(actor, "leader.act") && actor.leaderId === detail.leaderId },
  };
}

export type DispatchView = Awaited<ReturnType<typeof getDispatchFor>>;

/** The unit's follow-ups (调度事项), open first; red when overdue by the app clock. */
export async function getUnitFollowUps(actor: Actor) {
  if (!can(actor, "unit.act")) throw forbidden();
  const at = now();
  const rows = await listFollowUpsOfUnit(db, actor.unitId);
  return rows.map((f) => ({
    ...f,
    signal: followUpSignal(f.dueOn, f.status, at),
    dueText: describeFollowUpDue(f.dueOn, f.status, at),
    closedAtLabel: f.closedAt ? formatShanghai(f.closedAt) : null,
  }));
}

export type UnitFollowUp = Awaited<ReturnType<typeof getUnitFollowUps>>[number];

/** The responsible unit closes its follow-up with a note (办结说明); the leader is told. `options.at` as in createDispatch. */
export async function closeFollowUp(actor: Actor, raw: CloseFollowUpInput, options: { at?: Date } = {}) {
  if (!can(actor, "unit.act")) throw forbidden();
  const input = parseInput(closeFollowUpSchema, raw);
  return mutation(actor, { action: "dispatch_follow_up.close", entity: "dispatch_follow_up" }, async (tx, audit) => {
    const followUp = await getFollowUpRow(tx, input.id, { forUpdate: true });
    if (!followUp || followUp.unitId !== actor.unitId) throw notFound();
    if (followUp.status === "closed") throw new DomainError("conflict", "该调度事项已办结");
    const dispatch = (await getDispatchRow(tx, followUp.dispatchId))!;
    const at = options.at ?? now();
    await updateFollowUpRow(tx, followUp.id, { status: "closed", closingNote: input.note, closedAt: at, closedBy: actor.userId, updatedAt: at });
    await notifyLeaders(tx, [dispatch.leaderId], {
      kind: "dispatch_follow_up",
      title: `调度事项已办结（${actor.displayName}）：${followUp.content.length > 40 ? `${followUp.content.slice(0, 40)}…` : followUp.content}`,
      body: input.note,
      link: dispatchLink(dispatch.id),
      createdBy: actor.userId,
      createdAt: at,
    });
    await audit({ entityId: followUp.id, before: { status: "open" }, after: { status: "closed", note: input.note } });
    return { status: "closed" as const };
  });
}
