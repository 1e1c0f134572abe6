/**
 * The reporting rules the administrator sets: from which half month reports are owed, the due-time
 * rule, a single period's moved due time, and which units need their head's sign-off.
 */
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { periodDueOverrides, plans, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listPlanDueOverrideRows } from "@/lib/data/plan-schedule";
import { getPlanById } from "@/lib/data/plans";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan } from "@/lib/policies";
import { defaultDueAt, periodsOfYear } from "@/lib/periods";
import { type periodDueSchema, type planScheduleSchema, shanghaiLocalToDate, type unitSignOffSchema } from "@/lib/reporting/schedule-schemas";
import { mutation } from "./mutation";

function assertAdmin(actor: Actor) {
  assertCan(actor, "admin.manage");
}

export async function getScheduleForAdmin(actor: Actor, planId: number) {
  assertAdmin(actor);
  const row = await getPlanById(db, planId);
  if (!row) throw notFound();
  const plan = { id: row.id, year: row.year, title: row.title, reportingStartPeriod: row.reportingStartPeriod, dueOffsetDays: row.dueOffsetDays };
  const overrides = await listPlanDueOverrideRows(db, planId);
  const byIndex = new Map(overrides.map((o) => [o.periodIndex, o]));
  const periods = periodsOfYear(plan.year).map((p) => ({
    ...p,
    ruleDueAt: defaultDueAt(p, { offsetDays: plan.dueOffsetDays }),
    override: byIndex.get(p.index) ?? null,
  }));
  const unitRows = await db
    .select({ id: units.id, name: units.name, requiresSignOff: units.requiresSignOff })
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.name));
  return { plan, periods, units: unitRows };
}

export async function updatePlanSchedule(actor: Actor, input: z.output<typeof planScheduleSchema>) {
  assertAdmin(actor);
  return mutation(actor, { action: "plan.update_schedule", entity: "plan" }, async (tx, audit) => {
    const plan = await getPlanById(tx, input.planId, { forUpdate: true });
    if (!plan) throw notFound();
    await tx.update(plans).set({ reportingStartPeriod: input.reportingStartPeriod, dueOffsetDays: input.dueOffsetDays }).where(eq(plans.id, plan.id));
    await audit({
      entityId: plan.id,
      before: { reportingStartPeriod: plan.reportingStartPeriod, dueOffsetDays: plan.dueOffsetDays },
      after: { reportingStartPeriod: input.reportingStartPeriod, dueOffsetDays: input.dueOffsetDays },
    });
  });
}

/** Moves one period's due time (the old and new are kept in the audit log), or restores the rule. */
export async function setPeriodDue(actor: Actor, input: z.output<typeof periodDueSchema>) {
  assertAdmin(actor);
  return mutation(actor, { action: "period.set_due", entity: "plan" }, async (tx, audit) => {
    const plan = await getPlanById(tx, input.planId);
    if (!plan) throw notFound();
    const where = and(eq(periodDueOverrides.planId, plan.id), eq(periodDueOverrides.periodIndex, input.periodIndex));
    const [before] = await tx.select({ dueAt: periodDueOverrides.dueAt, reason: periodDueOverrides.reason }).from(periodDueOverrides).where(where);
    let after: { dueAt: Date; reason: string } | null = null;
    if (input.dueAt === null) {
      await tx.delete(periodDueOverrides).where(where);
    } else {
      const dueAt = shanghaiLocalToDate(input.dueAt);
      if (Number.isNaN(dueAt.getTime())) throw new DomainError("invalid", "截止时间无效");
      if (dueAt.getUTCFullYear() < plan.year || dueAt.getUTCFullYear() > plan.year + 1) throw new DomainError("invalid", "截止时间须在本年度内");
      after = { dueAt, reason: input.reason };
      await tx
        .insert(periodDueOverrides)
        .values({ planId: plan.id, periodIndex: input.periodIndex, dueAt, reason: input.reason || null })
        .onConflictDoUpdate({ target: [periodDueOverrides.planId, periodDueOverrides.periodIndex], set: { dueAt, reason: input.reason || null } });
    }
    await audit({ entityId: `${plan.id}/${input.periodIndex}`, before: before ?? null, after });
  });
}

export async function setUnitSignOff(actor: Actor, input: z.output<typeof unitSignOffSchema>) {
  assertAdmin(actor);
  return mutation(actor, { action: "unit.set_sign_off", entity: "unit" }, async (tx, audit) => {
    const [unit] = await tx.select({ id: units.id, requiresSignOff: units.requiresSignOff }).from(units).where(eq(units.id, input.unitId)).for("update");
    if (!unit) throw notFound();
    if (unit.requiresSignOff === input.requiresSignOff) return;
    await tx.update(units).set({ requiresSignOff: input.requiresSignOff }).where(eq(units.id, unit.id));
    await audit({ entityId: unit.id, before: { requiresSignOff: unit.requiresSignOff }, after: { requiresSignOff: input.requiresSignOff } });
  });
}
