/**
 * The 量化指标 a half-monthly report carries: the current value of every confirmed indicator of the
 * task, pre-filled with the last submitted value. Called inside the report services' transactions,
 * after they have checked the user may edit this report.
 */
import type { Executor } from "@/db";
import {
  getReportIndicatorValues,
  latestByIndicator,
  listSubmittedValues,
  listTrackedIndicators,
  replaceReportIndicatorValues,
  type TrackedIndicator,
} from "@/lib/data/indicator-values";
import { DomainError } from "@/lib/errors";
import type { IndicatorValueInput } from "@/lib/reporting/schemas";

export interface ReportIndicator extends TrackedIndicator {
  /** What the report holds now, or (not yet saved) the last submitted value as the starting point. */
  value: number | null;
  /** Whether `value` is the last period's value offered as a start, not yet saved with this report. */
  prefilled: boolean;
  last: { periodIndex: number; periodLabel: string; value: number } | null;
}

/** The form's indicator rows for a task and period. */
export async function getReportIndicators(
  ex: Executor,
  taskId: number,
  periodIndex: number,
  reportId: number | null,
  labelOf: (periodIndex: number) => string,
): Promise<ReportIndicator[]> {
  const tracked = await listTrackedIndicators(ex, [taskId]);
  if (tracked.length === 0) return [];
  const [own, submitted] = await Promise.all([
    reportId === null ? Promise.resolve(new Map<number, number>()) : getReportIndicatorValues(ex, reportId),
    listSubmittedValues(
      ex,
      tracked.map((t) => t.id),
      periodIndex - 1,
    ),
  ]);
  const latest = latestByIndicator(submitted);
  return tracked.map((indicator) => {
    const last = latest.get(indicator.id) ?? null;
    const saved = own.get(indicator.id);
    return {
      ...indicator,
      value: saved ?? last?.value ?? null,
      prefilled: saved === undefined && last !== null,
      last: last ? { periodIndex: last.periodIndex, periodLabel: labelOf(last.periodIndex), value: last.value } : null,
    };
  });
}

/**
 * Writes the values given (when given) and, for a submission, checks every confirmed indicator has
 * one. Returns the values the report holds afterwards, for the audit log.
 */
export async function applyIndicatorValues(
  tx: Executor,
  report: { id: number; taskId: number; periodIndex: number },
  values: readonly IndicatorValueInput[] | undefined,
  options: { requireAll: boolean; at: Date },
): Promise<Record<string, number> | undefined> {
  const tracked = await listTrackedIndicators(tx, [report.taskId]);
  if (tracked.length === 0 && (values === undefined || values.length === 0)) return undefined;
  const known = new Set(tracked.map((t) => t.id));
  if (values) {
    if (values.some((v) => !known.has(v.indicatorId))) throw new DomainError("invalid", "指标已被修改或删除，请刷新页面后再填写");
    await replaceReportIndicatorValues(tx, report.id, report.periodIndex, values, options.at);
  }
  const held = values ? new Map(values.map((v) => [v.indicatorId, v.value])) : await getReportIndicatorValues(tx, report.id);
  if (options.requireAll) {
    const missing = tracked.find((t) => !held.has(t.id));
    if (missing) throw new DomainError("invalid", `请填写量化指标「${missing.name}」的本期数值`);
  }
  return Object.fromEntries(tracked.filter((t) => held.has(t.id)).map((t) => [t.name, held.get(t.id)!]));
}
