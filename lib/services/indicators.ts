/**
 * A task's quantitative targets (量化指标): read from its text at import as 待确认 (proposed); the task's lead
 * unit (its head or filer) or the administrator confirms, edits, adds or removes them. Only confirmed
 * indicators are tracked. Whoever may see the task may read them; leaders, the supervision office and
 * cooperating units only read. Every change is audited with what it was before and after.
 */
import { db, type Executor } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { getIndicatorRow, insertIndicatorRows, listTaskIndicatorRows, nextIndicatorPosition, updateIndicatorRow } from "@/lib/data/indicators";
import { getTaskPlan } from "@/lib/data/plan-schedule";
import { listLeadUnitIds } from "@/lib/data/reports";
import { ConflictError, DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { assertPlanWritable } from "@/lib/plans/plan-state";
import {
  addIndicatorSchema,
  indicatorRefSchema,
  updateIndicatorSchema,
  type AddIndicatorInput,
  type IndicatorFields,
  type IndicatorRef,
  type UpdateIndicatorInput,
} from "@/lib/indicators/schemas";
import { getTaskFor } from "./tasks";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

export interface IndicatorView {
  id: number;
  name: string;
  comparator: IndicatorFields["comparator"];
  target: number;
  unit: string;
  baseline: number | null;
  measure: IndicatorFields["measure"];
  status: "proposed" | "confirmed";
  /** The words of the task text it was read from ("" when added by hand). */
  source: string;
  confidence: number | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
  /** The version a change must be based on. */
  version: number;
}

export interface TaskIndicators {
  task: { id: number; seq: number; content: string; overall: boolean };
  indicators: IndicatorView[];
  canEdit: boolean;
}

function toView(row: Awaited<ReturnType<typeof listTaskIndicatorRows>>[number]): IndicatorView {
  return {
    id: row.id,
    name: row.name,
    comparator: row.comparator,
    target: Number(row.target),
    unit: row.unit,
    baseline: row.baseline === null ? null : Number(row.baseline),
    measure: row.measure,
    status: row.status === "confirmed" ? "confirmed" : "proposed",
    source: row.source,
    confidence: row.confidence === null ? null : Number(row.confidence),
    confirmedAt: row.confirmedAt,
    confirmedByName: row.confirmedByName,
    version: row.updatedAt.getTime(),
  };
}

/**
 * The task as the actor may change its indicators: not visible → 404; visible but not its lead unit (a
 * cooperating unit, a leader, the office) → 403.
 */
async function assertMayEdit(actor: Actor, taskId: number) {
  const task = await getTaskFor(actor, taskId);
  assertCan(actor, "indicator.edit", { leadUnitIds: await listLeadUnitIds(db, taskId) });
  assertPlanWritable(task);
  return task;
}

/** The indicators of a task the actor may see, and whether the actor may change them. */
export async function getTaskIndicatorsFor(actor: Actor, taskId: number): Promise<TaskIndicators> {
  const task = await getTaskFor(actor, taskId);
  const [rows, leadUnitIds] = await Promise.all([listTaskIndicatorRows(db, taskId), listLeadUnitIds(db, taskId)]);
  return {
    task: { id: task.id, seq: task.seq, content: task.content, overall: task.overall },
    indicators: rows.map(toView),
    canEdit: can(actor, "indicator.edit", { leadUnitIds }) && !task.archivedAt,
  };
}

/** Loads an indicator for a change under a row lock, checking the version it is based on. */
async function lockForChange(tx: Executor, id: number, version: number) {
  const row = await getIndicatorRow(tx, id, { forUpdate: true });
  if (!row || row.status === "removed") throw notFound("未找到该量化指标，可能已被移除");
  if (row.updatedAt.getTime() !== version) throw new ConflictError("该指标已被他人修改，请刷新后重试", { id: row.id });
  return row;
}

/** The task an indicator belongs to, after checking the actor may change it (read outside any lock). */
async function taskOfIndicator(actor: Actor, id: number): Promise<number> {
  const row = await getIndicatorRow(db, id);
  if (!row || row.status === "removed") throw notFound("未找到该量化指标，可能已被移除");
  await assertMayEdit(actor, row.taskId);
  return row.taskId;
}

const snapshot = (r: { name: string; comparator: string; target: number; unit: string; baseline: number | null; measure: string; status: string }) => ({
  name: r.name,
  comparator: r.comparator,
  target: Number(r.target),
  unit: r.unit,
  baseline: r.baseline === null ? null : Number(r.baseline),
  measure: r.measure,
  status: r.status,
});

/** 确认: a proposed indicator becomes tracked as it stands. Confirming a confirmed one changes nothing. */
export async function confirmIndicator(actor: Actor, input: IndicatorRef): Promise<{ id: number }> {
  const { id, version } = parseInput(indicatorRefSchema, input);
  await taskOfIndicator(actor, id);
  return mutation(actor, { action: "indicator.confirm", entity: "task_indicator" }, async (tx, audit) => {
    const row = await getIndicatorRow(tx, id, { forUpdate: true });
    if (!row || row.status === "removed") throw notFound("未找到该量化指标，可能已被移除");
    if (row.status === "confirmed") return { id };
    if (row.updatedAt.getTime() !== version) throw new ConflictError("该指标已被他人修改，请刷新后重试", { id });
    await updateIndicatorRow(tx, id, { status: "confirmed", confirmedAt: now(), confirmedBy: actor.userId });
    await audit({ entityId: id, before: snapshot(row), after: { ...snapshot(row), status: "confirmed" } });
    return { id };
  });
}

/** 修改: name, comparator, target, unit, baseline and measure; saving confirms the indicator. */
export async function updateIndicator(actor: Actor, input: UpdateIndicatorInput): Promise<{ id: number }> {
  const { id, version, ...fields } = parseInput(updateIndicatorSchema, input);
  await taskOfIndicator(actor, id);
  return mutation(actor, { action: "indicator.update", entity: "task_indicator" }, async (tx, audit) => {
    const row = await lockForChange(tx, id, version);
    await updateIndicatorRow(tx, id, { ...fields, status: "confirmed", confirmedAt: now(), confirmedBy: actor.userId });
    await audit({ entityId: id, before: snapshot(row), after: { ...fields, status: "confirmed" } });
    return { id };
  });
}

/** 添加: an indicator the text did not yield (or yielded wrongly), confirmed at once. */
export async function addIndicator(actor: Actor, input: AddIndicatorInput): Promise<{ id: number }> {
  const { taskId, ...fields } = parseInput(addIndicatorSchema, input);
  const task = await assertMayEdit(actor, taskId);
  if (task.overall) throw new DomainError("invalid", "全面负责事项不设量化指标");
  return mutation(actor, { action: "indicator.add", entity: "task_indicator" }, async (tx, audit) => {
    const plan = await getTaskPlan(tx, taskId);
    if (!plan || plan.archivedAt) throw notFound();
    const at = now();
    const [id] = await insertIndicatorRows(tx, [
      {
        taskId,
        ...fields,
        status: "confirmed",
        source: "",
        confidence: null,
        position: await nextIndicatorPosition(tx, taskId),
        confirmedAt: at,
        confirmedBy: actor.userId,
      },
    ]);
    if (id === undefined) throw new Error("无法添加量化指标");
    await audit({ entityId: id, after: { taskId, ...fields, status: "confirmed" } });
    return { id };
  });
}

/** 移除: no longer proposed or tracked. The row and any values reported for it are kept. */
export async function removeIndicator(actor: Actor, input: IndicatorRef): Promise<{ id: number }> {
  const { id, version } = parseInput(indicatorRefSchema, input);
  await taskOfIndicator(actor, id);
  return mutation(actor, { action: "indicator.remove", entity: "task_indicator" }, async (tx, audit) => {
    const row = await lockForChange(tx, id, version);
    await updateIndicatorRow(tx, id, { status: "removed" });
    await audit({ entityId: id, before: snapshot(row), after: { status: "removed" } });
    return { id };
  });
}
