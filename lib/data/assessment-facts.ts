/**
 * Everything a 考核 score is computed from, for one plan, in a fixed number of queries. The ONLY
 * tables read are those in {@link ASSESSMENT_FACT_TABLES}: the plan and its tasks with their units,
 * the reports (and their submitted versions' text, for the copy check), the cooperating units'
 * inputs, the confirmed indicators and their values, and the published criticisms and commendations
 * with their rectifications. Never sign-ins, sessions, time online, attachments or photos, message
 * read receipts, audit or outbox rows, or leaders' 批示 (tests/integration/assessment-facts-tables.test.ts
 * logs the SQL and holds it to this list). Plain queries, no rules.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { CadenceValue, IndicatorComparator, IndicatorMeasure, ProgressState, ReportStatus } from "@/db/schema";
import type { AssessmentRawFacts, FactNotice } from "@/lib/assessment/facts";
import { namedInRole, owingInputs } from "./input-duties";

/** The tables the facts are read from, and nothing else. */
export const ASSESSMENT_FACT_TABLES = [
  "plans",
  "period_due_overrides",
  "task_due_overrides",
  "tasks",
  "task_units",
  "task_groups",
  "unit_groups",
  "unit_group_members",
  "units",
  "progress_reports",
  "report_versions",
  "contributions",
  "collected_inputs",
  "task_indicators",
  "indicator_values",
  "notices",
  "notice_targets",
  "rectifications",
] as const;

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/**
 * The facts of a plan as they stand at `at` (the clock: nothing stamped after it is read as done), the
 * indicators' values as reported by `valuesAt` (the span's end, lib/assessment/period.ts judgedAt).
 * Units: every active unit. The pure rules (lib/assessment/facts.ts) decide the rest.
 */
export async function gatherAssessmentFacts(executor: Executor, input: { planId: number; at: Date; valuesAt: Date }): Promise<AssessmentRawFacts | null> {
  const { planId, at } = input;
  const stamp = at.toISOString();
  const valuesStamp = input.valuesAt.toISOString();
  const [plan] = await executor.execute<{ id: number; year: number; cadence: CadenceValue; reporting_start_period: number; due_offset_days: number }>(
    sql`select id, year, cadence, reporting_start_period, due_offset_days from plans where id = ${planId}`,
  );
  if (!plan) return null;

  const planTaskIds = sql`select id from tasks where plan_id = ${planId} and not overall and archived_at is null`;
  const [planOverrides, units, tasks, taskUnits, taskOverrides, reports, contributions, indicators, notices, rectifications] = await Promise.all([
    executor.execute<{ period_index: number; due_at: string }>(sql`select period_index, due_at from period_due_overrides where plan_id = ${planId}`),
    executor.execute<{ id: number; name: string }>(sql`select id, name from units where active order by name`),
    executor.execute<{
      id: number;
      seq: number;
      content: string;
      cadence: CadenceValue | null;
      due_on: string | null;
      closed_after_period: number | null;
      reporting_start_period: number | null;
    }>(sql`
      select id, seq, content, cadence, due_on, closed_after_period, reporting_start_period
      from tasks where plan_id = ${planId} and not overall and archived_at is null order by seq`),
    // Who leads and who owes an input: the one rule of lib/data/input-duties.ts (an input the lead unit collects is owed by no one).
    executor.execute<{ task_id: number; unit_id: number; role: "lead" | "cooperating" }>(sql`
      select task_id, unit_id, 'lead' as role from (${namedInRole("lead", planTaskIds)}) lead_units
      union all
      select task_id, unit_id, 'cooperating' from (${owingInputs(planTaskIds)}) owing_units`),
    executor.execute<{ task_id: number; period_index: number; due_at: string }>(sql`
      select o.task_id, o.period_index, o.due_at from task_due_overrides o join tasks t on t.id = o.task_id where t.plan_id = ${planId}`),
    executor.execute<{
      id: number;
      task_id: number;
      period_index: number;
      status: ReportStatus;
      late: boolean | null;
      submitted_at: string | null;
      percent: number | null;
      progress_state: ProgressState | null;
      submissions: number;
      progress: string | null;
      previous_progress: string | null;
    }>(sql`
      with plan_reports as (
        select pr.* from progress_reports pr join tasks t on t.id = pr.task_id
        where t.plan_id = ${planId} and not t.overall and t.archived_at is null
      ), latest as (
        select distinct on (rv.report_id) rv.report_id, rv.progress from report_versions rv
        join plan_reports p on p.id = rv.report_id where rv.submitted_at <= ${stamp}::timestamptz
        order by rv.report_id, rv.number desc
      ), ordered as (
        select p.id, p.task_id, p.period_index, l.progress,
          lag(l.progress) over (partition by p.task_id order by p.period_index) as previous_progress
        from plan_reports p join latest l on l.report_id = p.id
      )
      select p.id, p.task_id, p.period_index, p.status, p.late, p.submitted_at, p.percent, p.progress_state, p.submissions,
        o.progress, o.previous_progress
      from plan_reports p left join ordered o on o.id = p.id`),
    executor.execute<{
      task_id: number;
      unit_id: number;
      period_index: number;
      status: "draft" | "submitted";
      late: boolean | null;
      submitted_at: string | null;
    }>(
      sql`
      select c.task_id, c.unit_id, c.period_index, c.status, c.late, c.submitted_at
      from contributions c join tasks t on t.id = c.task_id where t.plan_id = ${planId}`,
    ),
    executor.execute<{
      id: number;
      task_id: number;
      name: string;
      comparator: IndicatorComparator;
      target: string;
      unit: string;
      baseline: string | null;
      measure: IndicatorMeasure;
      value: string | null;
      value_period: number | null;
    }>(sql`
      select i.id, i.task_id, i.name, i.comparator, i.target, i.unit, i.baseline, i.measure, v.value, v.period_index as value_period
      from task_indicators i join tasks t on t.id = i.task_id
      left join lateral (
        select iv.value, iv.period_index from indicator_values iv join progress_reports pr on pr.id = iv.report_id
        where iv.indicator_id = i.id and pr.status in ('submitted', 'accepted') and pr.submitted_at <= ${valuesStamp}::timestamptz
        order by iv.period_index desc limit 1
      ) v on true
      where t.plan_id = ${planId} and not t.overall and t.archived_at is null and i.status = 'confirmed'
      order by i.task_id, i.position, i.id`),
    executor.execute<{ id: number; kind: "criticism" | "commendation"; year: number; number: number; title: string; published_at: string; unit_ids: number[] }>(
      sql`
      select n.id, n.kind, n.year, n.number, n.title, n.published_at, coalesce(array_agg(nt.unit_id) filter (where nt.unit_id is not null), '{}') as unit_ids
      from notices n left join notice_targets nt on nt.notice_id = n.id
      where n.kind in ('criticism', 'commendation') and n.status = 'published' and n.corrects_notice_id is null and n.number is not null
        and n.published_at <= ${stamp}::timestamptz
      group by n.id`,
    ),
    executor.execute<{ id: number; notice_id: number; year: number; number: number | null; unit_id: number; due_at: string; submitted_at: string | null }>(sql`
      select r.id, r.notice_id, n.year, n.number, r.unit_id, r.due_at, r.submitted_at
      from rectifications r join notices n on n.id = r.notice_id where n.kind = 'criticism'`),
  ]);

  const lead = new Map<number, Set<number>>();
  const cooperating = new Map<number, Set<number>>();
  for (const row of taskUnits) {
    const into = row.role === "lead" ? lead : cooperating;
    const set = into.get(num(row.task_id)) ?? new Set<number>();
    set.add(num(row.unit_id));
    into.set(num(row.task_id), set);
  }
  const taskOverrideMap = new Map<number, Map<number, Date>>();
  for (const row of taskOverrides) {
    const map = taskOverrideMap.get(num(row.task_id)) ?? new Map<number, Date>();
    map.set(num(row.period_index), new Date(row.due_at));
    taskOverrideMap.set(num(row.task_id), map);
  }

  return {
    plan: {
      id: num(plan.id),
      year: num(plan.year),
      cadence: plan.cadence,
      reportingStartPeriod: num(plan.reporting_start_period),
      dueOffsetDays: num(plan.due_offset_days),
      overrides: new Map(planOverrides.map((o) => [num(o.period_index), new Date(o.due_at)])),
    },
    units: units.map((u) => ({ id: num(u.id), name: u.name })),
    tasks: tasks.map((t) => ({
      id: num(t.id),
      seq: num(t.seq),
      content: t.content,
      cadence: t.cadence,
      dueOn: t.due_on,
      closedAfterPeriod: numOrNull(t.closed_after_period),
      reportingStartPeriod: numOrNull(t.reporting_start_period),
      leadUnitIds: [...(lead.get(num(t.id)) ?? [])].sort((a, b) => a - b),
      cooperatingUnitIds: [...(cooperating.get(num(t.id)) ?? [])].filter((u) => !lead.get(num(t.id))?.has(u)).sort((a, b) => a - b),
    })),
    taskOverrides: taskOverrideMap,
    reports: reports.map((r) => {
      const submittedAt = dateOrNull(r.submitted_at);
      // A submission after the judging instant is not known then: the report counts as not yet in.
      const future = submittedAt !== null && submittedAt.getTime() > at.getTime();
      return {
        id: num(r.id),
        taskId: num(r.task_id),
        periodIndex: num(r.period_index),
        status: future ? "draft" : r.status,
        late: future ? null : r.late,
        submittedAt: future ? null : submittedAt,
        percent: numOrNull(r.percent),
        progressState: r.progress_state,
        submissions: future ? 0 : num(r.submissions),
        progress: r.progress,
        previousProgress: r.previous_progress,
      };
    }),
    contributions: contributions.map((c) => ({
      taskId: num(c.task_id),
      unitId: num(c.unit_id),
      periodIndex: num(c.period_index),
      status: c.status,
      late: c.late,
      submittedAt: dateOrNull(c.submitted_at),
    })),
    indicators: indicators.map((i) => ({
      id: num(i.id),
      taskId: num(i.task_id),
      name: i.name,
      comparator: i.comparator,
      target: Number(i.target),
      unit: i.unit,
      baseline: numOrNull(i.baseline),
      measure: i.measure,
      value: numOrNull(i.value),
      valuePeriodIndex: numOrNull(i.value_period),
    })),
    notices: notices.map(
      (n): FactNotice => ({
        id: num(n.id),
        kind: n.kind,
        year: num(n.year),
        number: num(n.number),
        title: n.title,
        publishedAt: new Date(n.published_at),
        unitIds: (n.unit_ids ?? []).map(num),
      }),
    ),
    rectifications: rectifications.map((r) => ({
      id: num(r.id),
      noticeId: num(r.notice_id),
      noticeKind: "criticism" as const,
      noticeYear: num(r.year),
      noticeNumber: numOrNull(r.number),
      unitId: num(r.unit_id),
      dueAt: new Date(r.due_at),
      submittedAt: dateOrNull(r.submitted_at),
    })),
  };
}
