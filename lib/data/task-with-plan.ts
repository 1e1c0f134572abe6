/** One task read with its plan: the join the task pages, settings and item actions share. */
import "server-only";
import { eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Executor } from "@/db";
import { plans, tasks } from "@/db/schema";

/** These columns of a task and its plan (null when there is no such task); `forUpdate` locks the task row. */
export async function getTaskWithPlan<S extends SelectedFields>(
  executor: Executor,
  taskId: number,
  columns: S,
  options: { forUpdate?: boolean } = {},
): Promise<SelectResultFields<S> | null> {
  const query = executor
    .select(columns as SelectedFields)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(eq(tasks.id, taskId))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: tasks }) : await query;
  // Both tables are inner-joined, so the row has exactly the selected fields' types.
  return (row as SelectResultFields<S> | undefined) ?? null;
}
