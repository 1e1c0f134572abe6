/** Reading the escalation ledger (问责台账) and writing a unit's explanation. Plain queries. */
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { escalations, notices, rectifications, units, users } from "@/db/schema";
import type { EscalationStep } from "@/lib/escalation/labels";
import { firstRow } from "./first-row";

/** How many steps of each kind each unit has, and when the latest was taken. */
export async function listStepCounts(tx: Executor) {
  return tx
    .select({
      unitId: escalations.unitId,
      step: escalations.step,
      count: sql<number>`count(*)::int`,
      unexplained: sql<number>`count(*) filter (where ${escalations.explanation} is null)::int`,
      latestAt: sql<Date>`max(${escalations.createdAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(escalations)
    .groupBy(escalations.unitId, escalations.step);
}

export async function getUnitById(tx: Executor, unitId: number) {
  const [row] = await tx.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.id, unitId)).limit(1);
  return row ?? null;
}

const creator = alias(users, "creator");
const explainer = alias(users, "explainer");

/** One unit's ledger, newest first, with the notice each step refers to. */
export async function listUnitSteps(tx: Executor, unitId: number) {
  return tx
    .select({
      id: escalations.id,
      step: escalations.step,
      facts: escalations.facts,
      deadline: escalations.deadline,
      measure: escalations.measure,
      responsiblePerson: escalations.responsiblePerson,
      noticeId: escalations.noticeId,
      noticeTitle: notices.title,
      noticeNumber: notices.number,
      noticeYear: notices.year,
      noticeKind: notices.kind,
      explanation: escalations.explanation,
      explainedAt: escalations.explainedAt,
      explainedBy: explainer.displayName,
      createdAt: escalations.createdAt,
      createdBy: creator.displayName,
    })
    .from(escalations)
    .leftJoin(notices, eq(notices.id, escalations.noticeId))
    .leftJoin(creator, eq(creator.id, escalations.createdBy))
    .leftJoin(explainer, eq(explainer.id, escalations.explainedBy))
    .where(eq(escalations.unitId, unitId))
    .orderBy(desc(escalations.createdAt), desc(escalations.id));
}

/** What the next-step rules need of the units' steps. */
export async function listStepFacts(tx: Executor, unitIds?: number[]) {
  if (unitIds && unitIds.length === 0) return [];
  return tx
    .select({
      unitId: escalations.unitId,
      step: escalations.step,
      createdAt: escalations.createdAt,
      deadline: escalations.deadline,
      explainedAt: escalations.explainedAt,
    })
    .from(escalations)
    .where(unitIds ? inArray(escalations.unitId, unitIds) : undefined);
}

/** The units' rectifications (整改) of criticisms: when due and where they stand. */
export async function listRectificationFacts(tx: Executor, unitIds?: number[]) {
  if (unitIds && unitIds.length === 0) return [];
  return tx
    .select({ unitId: rectifications.unitId, dueAt: rectifications.dueAt, status: rectifications.status })
    .from(rectifications)
    .where(unitIds ? inArray(rectifications.unitId, unitIds) : undefined);
}

export async function getEscalationRow(tx: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  const query = tx
    .select({
      id: escalations.id,
      unitId: escalations.unitId,
      step: escalations.step,
      explanation: escalations.explanation,
      explainedAt: escalations.explainedAt,
    })
    .from(escalations)
    .where(eq(escalations.id, id))
    .limit(1);
  return firstRow(query, options.forUpdate);
}

export async function setExplanation(tx: Executor, id: number, values: { explanation: string; explainedAt: Date; explainedBy: number }) {
  await tx
    .update(escalations)
    .set({ ...values, updatedAt: values.explainedAt })
    .where(and(eq(escalations.id, id), sql`${escalations.explanation} is null`));
}

/** The supervision office's active accounts (told when a unit writes its explanation). */
export async function listOfficeUserIds(tx: Executor): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "supervisor"), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

export type LedgerStepRow = Awaited<ReturnType<typeof listUnitSteps>>[number];
export type StepFactRow = Awaited<ReturnType<typeof listStepFacts>>[number] & { step: EscalationStep };
