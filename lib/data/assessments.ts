/** 考核: the assessments, the office's adjustments and the units' objections. Plain queries, no rules. */
import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { assessmentAdjustments, assessmentObjections, assessments, plans, units, users } from "@/db/schema";
import { firstRow } from "./first-row";
import { insertReturningId } from "./insert-row";

export type AssessmentRow = typeof assessments.$inferSelect;

export async function insertAssessment(tx: Executor, values: typeof assessments.$inferInsert): Promise<number> {
  return insertReturningId(tx, assessments, values);
}

export async function getAssessment(executor: Executor, id: number, options: { forUpdate?: boolean } = {}): Promise<AssessmentRow | null> {
  return firstRow(executor.select().from(assessments).where(eq(assessments.id, id)).limit(1), options.forUpdate);
}

export async function findAssessmentForPeriod(executor: Executor, planId: number, periodKind: "year" | "quarter", quarter: number | null) {
  const rows = await executor
    .select({ id: assessments.id, planId: assessments.planId, periodKind: assessments.periodKind, quarter: assessments.quarter })
    .from(assessments)
    .where(eq(assessments.planId, planId));
  return rows.find((r) => r.periodKind === periodKind && r.quarter === quarter) ?? null;
}

/** Every assessment with its plan's year and title, newest first; units ask only for those opened to them. */
export async function listAssessments(executor: Executor, options: { openedOnly?: boolean } = {}) {
  const rows = await executor
    .select({
      id: assessments.id,
      title: assessments.title,
      periodKind: assessments.periodKind,
      quarter: assessments.quarter,
      state: assessments.state,
      openedAt: assessments.openedAt,
      objectionDays: assessments.objectionDays,
      noticeId: assessments.noticeId,
      planId: plans.id,
      planYear: plans.year,
      planTitle: plans.title,
    })
    .from(assessments)
    .innerJoin(plans, eq(plans.id, assessments.planId))
    .orderBy(desc(plans.year), desc(assessments.id));
  return options.openedOnly ? rows.filter((r) => r.state !== "draft") : rows;
}

export async function updateAssessment(tx: Executor, id: number, values: Partial<typeof assessments.$inferInsert>) {
  await tx.update(assessments).set(values).where(eq(assessments.id, id));
}

export async function insertAdjustment(tx: Executor, values: typeof assessmentAdjustments.$inferInsert): Promise<number> {
  return insertReturningId(tx, assessmentAdjustments, values);
}

export async function listAdjustments(executor: Executor, assessmentId: number, unitId?: number) {
  return executor
    .select({
      id: assessmentAdjustments.id,
      unitId: assessmentAdjustments.unitId,
      points: assessmentAdjustments.points,
      reason: assessmentAdjustments.reason,
      createdAt: assessmentAdjustments.createdAt,
    })
    .from(assessmentAdjustments)
    .where(
      unitId === undefined
        ? eq(assessmentAdjustments.assessmentId, assessmentId)
        : and(eq(assessmentAdjustments.assessmentId, assessmentId), eq(assessmentAdjustments.unitId, unitId)),
    )
    .orderBy(asc(assessmentAdjustments.id));
}

export async function insertObjection(tx: Executor, values: typeof assessmentObjections.$inferInsert): Promise<number> {
  return insertReturningId(tx, assessmentObjections, values);
}

export async function getObjection(executor: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  return firstRow(executor.select().from(assessmentObjections).where(eq(assessmentObjections.id, id)).limit(1), options.forUpdate);
}

export async function answerObjectionRow(
  tx: Executor,
  id: number,
  values: { state: "upheld" | "rejected"; answer: string; answeredBy: number; answeredAt: Date },
) {
  await tx
    .update(assessmentObjections)
    .set(values)
    .where(and(eq(assessmentObjections.id, id), eq(assessmentObjections.state, "pending")));
}

export async function listObjections(executor: Executor, assessmentId: number, unitId?: number) {
  return executor
    .select({
      id: assessmentObjections.id,
      unitId: assessmentObjections.unitId,
      unitName: units.name,
      itemKey: assessmentObjections.itemKey,
      text: assessmentObjections.text,
      raisedAt: assessmentObjections.raisedAt,
      raisedByName: users.displayName,
      state: assessmentObjections.state,
      answer: assessmentObjections.answer,
      answeredAt: assessmentObjections.answeredAt,
    })
    .from(assessmentObjections)
    .innerJoin(units, eq(units.id, assessmentObjections.unitId))
    .innerJoin(users, eq(users.id, assessmentObjections.raisedBy))
    .where(
      unitId === undefined
        ? eq(assessmentObjections.assessmentId, assessmentId)
        : and(eq(assessmentObjections.assessmentId, assessmentId), eq(assessmentObjections.unitId, unitId)),
    )
    .orderBy(asc(assessmentObjections.id));
}
