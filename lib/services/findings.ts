/**
 * Supervision findings (督查发现): during a round the office records, for a task or a unit in a
 * period, a rating (好 / 一般 / 差) and what it found; they feed the progress circular and criticisms.
 * Only the supervision office records and deletes (its own); the office and the administrator read.
 */
import { db } from "@/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { deleteFindingRow, getActiveUnit, getFinding, getPlanTask, insertFinding, listTaskOptions, searchFindings, type FindingFilter } from "@/lib/data/findings";
import { listUnitOptions } from "@/lib/data/units";
import { getLatestPlanSchedule } from "@/lib/data/workspace";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { findingSchema, type FindingInput } from "@/lib/follow-up/schemas";
import { periodOf } from "@/lib/periods";
import { currentPeriodIndex } from "@/lib/reporting/deadlines";

export { listFindings, type FindingRow } from "@/lib/data/findings";

function assertOffice(actor: Actor) {
  if (actor.role !== "supervisor") throw forbidden();
}

function assertOfficeReader(actor: Actor) {
  if (actor.role !== "supervisor" && actor.role !== "admin") throw forbidden();
}

async function latestPlan() {
  const plan = await getLatestPlanSchedule(db);
  if (!plan) throw notFound("尚未导入分解表");
  return plan;
}

/** The periods a finding can be recorded for: from the first reporting period up to now. */
function periodRange(plan: { year: number; reportingStartPeriod: number }) {
  const first = Math.max(1, plan.reportingStartPeriod);
  const last = currentPeriodIndex({ year: plan.year }, now());
  const out: { index: number; label: string }[] = [];
  for (let i = first; i <= last; i++) out.push({ index: i, label: periodOf(plan.year, i).label });
  return out;
}

export async function getFindingsPage(actor: Actor, filter: Omit<FindingFilter, "planId">) {
  assertOfficeReader(actor);
  const plan = await getLatestPlanSchedule(db);
  if (!plan) return null;
  const [rows, tasks, units] = await Promise.all([searchFindings({ ...filter, planId: plan.id }), listTaskOptions(plan.id), listUnitOptions()]);
  const periods = periodRange(plan);
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year },
    periods,
    currentPeriod: periods.at(-1)?.index ?? null,
    tasks,
    units,
    findings: rows.map((f) => ({ ...f, periodLabel: periodOf(plan.year, f.periodIndex).label, mine: f.createdBy === actor.userId })),
    canRecord: actor.role === "supervisor",
  };
}

export async function createFinding(actor: Actor, raw: FindingInput) {
  assertOffice(actor);
  const parsed = findingSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("invalid", parsed.error.issues[0]?.message);
  const input = parsed.data;
  const plan = await latestPlan();
  if (!periodRange(plan).some((p) => p.index === input.periodIndex)) throw new DomainError("invalid", "该半月期不在督查范围内");
  return db.transaction(async (tx) => {
    if (input.taskId !== null) {
      const task = await getPlanTask(tx, plan.id, input.taskId);
      if (!task || task.archivedAt || task.overall) throw new DomainError("invalid", "所选任务不存在");
    }
    if (input.unitId !== null) {
      const unit = await getActiveUnit(tx, input.unitId);
      if (!unit || !unit.active) throw new DomainError("invalid", "所选单位不存在");
    }
    const at = now();
    const values = { planId: plan.id, periodIndex: input.periodIndex, taskId: input.taskId, unitId: input.unitId, rating: input.rating, text: input.text, createdBy: actor.userId };
    const id = await insertFinding(tx, { ...values, createdAt: at, updatedAt: at });
    await writeAudit(tx, actor, { action: "finding.create", entity: "finding", entityId: id, after: values });
    return { id };
  });
}

/** Deletes a finding: only the office member who recorded it. */
export async function deleteFinding(actor: Actor, input: { id: number }) {
  assertOffice(actor);
  return db.transaction(async (tx) => {
    const finding = await getFinding(tx, input.id, { forUpdate: true });
    if (!finding) throw notFound();
    if (finding.createdBy !== actor.userId) throw forbidden("只能删除本人记录的督查发现");
    await deleteFindingRow(tx, finding.id);
    const { createdAt: _c, updatedAt: _u, ...before } = finding;
    await writeAudit(tx, actor, { action: "finding.delete", entity: "finding", entityId: finding.id, before });
  });
}
