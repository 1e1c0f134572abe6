/** Data access for the values of confirmed indicators carried by half-monthly reports. Plain queries. */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { indicatorValues, progressReports, taskIndicators, tasks } from "@/db/schema";
import type { TrackedIndicator } from "@/lib/indicators/tracking";
import { indicatorTargetColumns } from "./indicators";
import { replaceRows } from "./replace-rows";
import { listRowsByIds } from "./rows-by-id";

export type { TrackedIndicator };

/** The confirmed (tracked) indicators of these tasks, in the order the lead unit gave them. */
export async function listTrackedIndicators(tx: Executor, taskIds: readonly number[]): Promise<TrackedIndicator[]> {
  if (taskIds.length === 0) return [];
  return tx
    .select({ ...indicatorTargetColumns, position: taskIndicators.position })
    .from(taskIndicators)
    .where(and(inArray(taskIndicators.taskId, [...taskIds]), eq(taskIndicators.status, "confirmed")))
    .orderBy(asc(taskIndicators.taskId), asc(taskIndicators.position), asc(taskIndicators.id));
}

/** The values a report holds now (its draft or its submission), by indicator. */
export async function getReportIndicatorValues(tx: Executor, reportId: number): Promise<Map<number, number>> {
  const rows = await tx
    .select({ indicatorId: indicatorValues.indicatorId, value: indicatorValues.value })
    .from(indicatorValues)
    .where(eq(indicatorValues.reportId, reportId));
  return new Map(rows.map((r) => [r.indicatorId, r.value]));
}

/** Replaces a report's values: the ones given are written, the others of this report removed. */
export async function replaceReportIndicatorValues(
  tx: Executor,
  reportId: number,
  periodIndex: number,
  values: readonly { indicatorId: number; value: number }[],
  at: Date,
): Promise<void> {
  await replaceRows(
    tx,
    indicatorValues,
    eq(indicatorValues.reportId, reportId),
    values.map((v) => ({ indicatorId: v.indicatorId, reportId, periodIndex, value: v.value, createdAt: at, updatedAt: at })),
  );
}

export interface SubmittedValue {
  indicatorId: number;
  periodIndex: number;
  value: number;
}

/**
 * Every submitted value of these indicators up to a period (reports submitted or accepted; drafts and
 * reports waiting for sign-off do not count), oldest first: the last one per indicator is its standing.
 */
export async function listSubmittedValues(tx: Executor, indicatorIds: readonly number[], uptoPeriod = 24): Promise<SubmittedValue[]> {
  if (indicatorIds.length === 0) return [];
  return tx
    .select({ indicatorId: indicatorValues.indicatorId, periodIndex: indicatorValues.periodIndex, value: indicatorValues.value })
    .from(indicatorValues)
    .innerJoin(progressReports, eq(progressReports.id, indicatorValues.reportId))
    .where(
      and(
        inArray(indicatorValues.indicatorId, [...indicatorIds]),
        lte(indicatorValues.periodIndex, uptoPeriod),
        sql`${progressReports.status} in ('submitted', 'accepted')`,
      ),
    )
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.periodIndex));
}

/** The latest submitted value per indicator (before or at a period). */
export function latestByIndicator(values: readonly SubmittedValue[]): Map<number, SubmittedValue> {
  const latest = new Map<number, SubmittedValue>();
  for (const v of values) {
    const seen = latest.get(v.indicatorId);
    if (!seen || v.periodIndex >= seen.periodIndex) latest.set(v.indicatorId, v);
  }
  return latest;
}

/** Each task's 完成时限 (`YYYY-MM-DD`, or null for the plan year's end). */
export async function listTaskDueDates(tx: Executor, taskIds: readonly number[]): Promise<Map<number, string | null>> {
  const rows = await listRowsByIds(tx, tasks, taskIds, { id: tasks.id, dueOn: tasks.dueOn });
  return new Map(rows.map((r) => [r.id, r.dueOn]));
}

/** How many extracted indicators of these tasks still wait for the lead unit's confirmation. */
export async function countProposedIndicators(tx: Executor, taskIds: readonly number[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(taskIndicators)
    .where(and(inArray(taskIndicators.taskId, [...taskIds]), eq(taskIndicators.status, "proposed")));
  return row?.n ?? 0;
}
