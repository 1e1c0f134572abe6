/** Data access for rectification reports (整改报告). Plain queries. */
import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { notices, noticeTargets, rectifications, units, users } from "@/db/schema";

export type RectificationRow = typeof rectifications.$inferSelect;

export async function insertRectifications(tx: Executor, rows: { noticeId: number; unitId: number; dueAt: Date }[]) {
  if (rows.length > 0) await tx.insert(rectifications).values(rows);
}

/** What the list and a single rectification both show of it. */
const rectificationColumns = {
  id: rectifications.id,
  noticeId: rectifications.noticeId,
  unitId: rectifications.unitId,
  unitName: units.name,
  dueAt: rectifications.dueAt,
  status: rectifications.status,
  content: rectifications.content,
  version: rectifications.version,
  submittedAt: rectifications.submittedAt,
};

const noticeColumns = { kind: notices.kind, year: notices.year, number: notices.number, title: notices.title };

/** The join that is the check: a unit the notice does not criticise never reaches its rectification. */
const namedInNotice = and(eq(noticeTargets.noticeId, rectifications.noticeId), eq(noticeTargets.unitId, rectifications.unitId));

/**
 * One rectification with its notice, only while its unit is named in the notice's targets
 * (the join is the check: a unit the notice does not criticise never reaches its rectification).
 */
export async function getRectification(executor: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  const query = executor
    .select({
      ...rectificationColumns,
      decidedAt: rectifications.decidedAt,
      returnReason: rectifications.returnReason,
      updatedAt: rectifications.updatedAt,
      notice: { ...noticeColumns, status: notices.status },
    })
    .from(rectifications)
    .innerJoin(noticeTargets, namedInNotice)
    .innerJoin(notices, eq(notices.id, rectifications.noticeId))
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .where(eq(rectifications.id, id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: rectifications }) : await query;
  return row ?? null;
}

export async function updateRectification(tx: Executor, id: number, values: Partial<typeof rectifications.$inferInsert>) {
  await tx.update(rectifications).set(values).where(eq(rectifications.id, id));
}

/** Rectifications with their notice and unit: one unit's, one notice's, or all (the office's list). */
export async function listRectifications(filter: { unitId?: number; noticeId?: number } = {}, executor: Executor = db) {
  const decider = alias(users, "decider");
  const where = and(
    filter.unitId === undefined ? undefined : eq(rectifications.unitId, filter.unitId),
    filter.noticeId === undefined ? undefined : eq(rectifications.noticeId, filter.noticeId),
  );
  return executor
    .select({
      ...rectificationColumns,
      submittedByName: users.displayName,
      decidedAt: rectifications.decidedAt,
      decidedByName: decider.displayName,
      returnReason: rectifications.returnReason,
      notice: noticeColumns,
    })
    .from(rectifications)
    .innerJoin(noticeTargets, namedInNotice)
    .innerJoin(notices, eq(notices.id, rectifications.noticeId))
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .leftJoin(users, eq(users.id, rectifications.submittedBy))
    .leftJoin(decider, eq(decider.id, rectifications.decidedBy))
    .where(where)
    .orderBy(sql`${rectifications.status} in ('accepted')`, asc(rectifications.dueAt), desc(rectifications.id));
}
