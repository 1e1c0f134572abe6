/**
 * 比对: a report's latest submitted version and the same task's previous submitted report (the
 * latest version of the latest earlier period that has one). For a whole period in one query, or
 * for one task. Submitted versions only: a draft is never compared or shown.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { ProgressState } from "@/db/schema";

export interface PeriodComparisonSource {
  taskId: number;
  current: { progress: string; percent: number };
  previous: { periodIndex: number; progress: string; percent: number } | null;
}

/**
 * For every ordinary task of the plan with a submitted version in the period: its latest version's
 * text and percent, and those of the task's previous submitted report. One query (index lookups
 * per task on progress_reports(task_id, period_index) and report_versions(report_id, number)).
 */
export async function listPeriodComparisonSources(tx: Executor, input: { planId: number; periodIndex: number }): Promise<PeriodComparisonSource[]> {
  const rows = await tx.execute<{
    task_id: number;
    progress: string;
    percent: number;
    previous_period: number | null;
    previous_progress: string | null;
    previous_percent: number | null;
  }>(sql`
    select t.id as task_id, cur.progress, cur.percent,
      prev.period_index as previous_period, prev.progress as previous_progress, prev.percent as previous_percent
    from tasks t
    -- a lookup per task on progress_reports(task_id, period_index), not a scan of every plan's reports
    join lateral (
      select p.id from progress_reports p where p.task_id = t.id and p.period_index = ${input.periodIndex} and p.submissions > 0 limit 1
    ) pr on true
    join lateral (
      select rv.progress, rv.percent from report_versions rv where rv.report_id = pr.id order by rv.number desc limit 1
    ) cur on true
    left join lateral (
      select p2.period_index, rv2.progress, rv2.percent
      from progress_reports p2 join report_versions rv2 on rv2.report_id = p2.id
      where p2.task_id = t.id and p2.period_index < ${input.periodIndex}
      order by p2.period_index desc, rv2.number desc
      limit 1
    ) prev on true
    where t.plan_id = ${input.planId} and not t.overall and t.archived_at is null`);
  return rows.map((r) => ({
    taskId: Number(r.task_id),
    current: { progress: r.progress, percent: Number(r.percent) },
    previous:
      r.previous_period === null
        ? null
        : { periodIndex: Number(r.previous_period), progress: r.previous_progress ?? "", percent: Number(r.previous_percent ?? 0) },
  }));
}

export interface PreviousVersion {
  periodIndex: number;
  number: number;
  progress: string;
  percent: number;
  progressState: ProgressState;
  problems: string;
  nextSteps: string;
  coordinationRequest: string;
  submittedAt: Date;
}

/** The task's previous submitted report before this period (its latest version), or null. */
export async function getPreviousSubmittedVersion(tx: Executor, input: { taskId: number; periodIndex: number }): Promise<PreviousVersion | null> {
  const rows = await tx.execute<{
    period_index: number;
    number: number;
    progress: string;
    percent: number;
    progress_state: ProgressState;
    problems: string;
    next_steps: string;
    coordination_request: string;
    submitted_at: string | Date;
  }>(sql`
    select p.period_index, rv.number, rv.progress, rv.percent, rv.progress_state, rv.problems, rv.next_steps, rv.coordination_request, rv.submitted_at
    from progress_reports p join report_versions rv on rv.report_id = p.id
    where p.task_id = ${input.taskId} and p.period_index < ${input.periodIndex}
    order by p.period_index desc, rv.number desc
    limit 1`);
  const row = rows[0];
  if (!row) return null;
  return {
    periodIndex: Number(row.period_index),
    number: Number(row.number),
    progress: row.progress,
    percent: Number(row.percent),
    progressState: row.progress_state,
    problems: row.problems,
    nextSteps: row.next_steps,
    coordinationRequest: row.coordination_request,
    submittedAt: new Date(row.submitted_at),
  };
}
