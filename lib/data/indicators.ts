/** Data access for a task's quantitative targets (task_indicators). Plain queries, no permission rules. */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { taskIndicators, users } from "@/db/schema";
import { firstRow } from "./first-row";

export type IndicatorRow = Awaited<ReturnType<typeof listTaskIndicatorRows>>[number];

/** What an indicator targets: the columns every reader of indicators selects. */
export const indicatorTargetColumns = {
  id: taskIndicators.id,
  taskId: taskIndicators.taskId,
  name: taskIndicators.name,
  comparator: taskIndicators.comparator,
  target: taskIndicators.target,
  unit: taskIndicators.unit,
  baseline: taskIndicators.baseline,
  measure: taskIndicators.measure,
};

const columns = {
  ...indicatorTargetColumns,
  status: taskIndicators.status,
  source: taskIndicators.source,
  confidence: taskIndicators.confidence,
  position: taskIndicators.position,
  confirmedAt: taskIndicators.confirmedAt,
  updatedAt: taskIndicators.updatedAt,
};

/** A task's indicators that are not removed (proposed and confirmed), in the order of the text. */
export async function listTaskIndicatorRows(ex: Executor, taskId: number) {
  return ex
    .select({ ...columns, confirmedByName: users.displayName })
    .from(taskIndicators)
    .leftJoin(users, eq(users.id, taskIndicators.confirmedBy))
    .where(and(eq(taskIndicators.taskId, taskId), ne(taskIndicators.status, "removed")))
    .orderBy(asc(taskIndicators.position), asc(taskIndicators.id));
}

/** Every indicator of a task, removed ones too (what a re-import compares against). */
export async function listAllTaskIndicators(ex: Executor, taskId: number) {
  return ex
    .select({
      id: taskIndicators.id,
      name: taskIndicators.name,
      comparator: taskIndicators.comparator,
      target: taskIndicators.target,
      unit: taskIndicators.unit,
      status: taskIndicators.status,
      position: taskIndicators.position,
    })
    .from(taskIndicators)
    .where(eq(taskIndicators.taskId, taskId));
}

export async function getIndicatorRow(ex: Executor, id: number, options: { forUpdate?: boolean } = {}) {
  const query = ex.select(columns).from(taskIndicators).where(eq(taskIndicators.id, id)).limit(1);
  return firstRow(query, options.forUpdate);
}

export async function insertIndicatorRows(ex: Executor, rows: (typeof taskIndicators.$inferInsert)[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await ex.insert(taskIndicators).values(rows).returning({ id: taskIndicators.id });
  return inserted.map((r) => r.id);
}

/**
 * Changes an indicator. `updated_at` is the database's clock (not the app's, which tests pin): it is the
 * version a change must name, so two changes never share it.
 */
export async function updateIndicatorRow(ex: Executor, id: number, values: Omit<Partial<typeof taskIndicators.$inferInsert>, "updatedAt">) {
  await ex
    .update(taskIndicators)
    .set({ ...values, updatedAt: sql`clock_timestamp()` })
    .where(eq(taskIndicators.id, id));
}

/** Proposed indicators are suggestions nobody has acted on: a re-import may replace them. */
export async function deleteProposedIndicators(ex: Executor, taskId: number): Promise<number> {
  const deleted = await ex
    .delete(taskIndicators)
    .where(and(eq(taskIndicators.taskId, taskId), eq(taskIndicators.status, "proposed")))
    .returning({ id: taskIndicators.id });
  return deleted.length;
}

export async function nextIndicatorPosition(ex: Executor, taskId: number): Promise<number> {
  const [row] = await ex
    .select({ next: sql<number>`coalesce(max(${taskIndicators.position}) + 1, 0)::int` })
    .from(taskIndicators)
    .where(eq(taskIndicators.taskId, taskId));
  return row?.next ?? 0;
}
