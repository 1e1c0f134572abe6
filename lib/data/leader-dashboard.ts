/**
 * Data for the leader dashboards: plain, set-based queries over a set of tasks (a fixed number of
 * queries whatever the number of tasks: never one per task). No permission rules here.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { CadenceValue, CoordinationStatus, ProgressState, ReportStatus } from "@/db/schema";
import type { BoardTaskFacts, Named } from "@/lib/leader/board";
import { intArray } from "./int-array";
import { leadUnitsOf, type RawTaskSchedule, taskScheduleOf } from "./task-schedule-sql";

export interface BoardTaskRow extends BoardTaskFacts {
  planId: number;
  cadence: CadenceValue | null;
  reportingStartPeriod: number | null;
}

const parse = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/** Lead units of the scoped tasks. */
const LEAD = leadUnitsOf("scoped");

/** The ids of the plans' ordinary tasks (not the overall row, not archived), all or one leader's. */
export async function listBoardTaskIds(executor: Executor, input: { planIds: readonly number[]; leaderId: number | null }): Promise<number[]> {
  if (input.planIds.length === 0) return [];
  const byLeader =
    input.leaderId === null ? sql`` : sql`and exists (select 1 from task_leaders tl where tl.task_id = t.id and tl.leader_id = ${input.leaderId})`;
  const rows = await executor.execute<{ id: number }>(
    sql`select t.id from tasks t where t.plan_id = any(${intArray(input.planIds)}) and not t.overall and t.archived_at is null ${byLeader}`,
  );
  return rows.map((r) => Number(r.id));
}

/** These tasks with their leaders and lead units, in 序号 order; without the text when only figures are shown. */
export async function listBoardTasks(executor: Executor, taskIds: readonly number[], options: { content?: boolean } = {}): Promise<BoardTaskRow[]> {
  if (taskIds.length === 0) return [];
  const rows = await executor.execute<
    RawTaskSchedule & {
      id: number;
      seq: number;
      content: string;
      closed: boolean;
      leaders: [number, string][] | string;
      lead_units: [number, string][] | string;
    }
  >(sql`
    with scoped as (
      select t.id, t.plan_id, t.cadence, t.reporting_start_period, t.seq, ${options.content === false ? sql`''` : sql`t.content`} as content, t.due_on, t.closed_at is not null as closed, t.closed_after_period
      from tasks t where t.id = any(${intArray(taskIds)})
    ), lead as (${LEAD}),
    lead_names as (
      select lead.task_id, json_agg(json_build_array(u.id, u.name) order by u.name) as lead_units
      from lead join units u on u.id = lead.unit_id group by lead.task_id
    ), leader_names as (
      select tl.task_id, json_agg(json_build_array(l.id, l.name) order by tl.position) as leaders
      from scoped s join task_leaders tl on tl.task_id = s.id join leaders l on l.id = tl.leader_id group by tl.task_id
    )
    select s.*, coalesce(ln.leaders, '[]'::json) as leaders, coalesce(un.lead_units, '[]'::json) as lead_units
    from scoped s left join leader_names ln on ln.task_id = s.id left join lead_names un on un.task_id = s.id
    order by s.seq, s.id`);
  const named = (list: [number, string][] | string): Named[] => parse(list).map(([id, name]) => ({ id: Number(id), name }));
  return rows.map((r) => ({
    id: Number(r.id),
    ...taskScheduleOf(r),
    seq: Number(r.seq),
    content: r.content,
    closed: Boolean(r.closed),
    leaders: named(r.leaders),
    leadUnits: named(r.lead_units),
  }));
}

export interface RequestStats {
  unresolved: number;
  oldestUnansweredAt: Date | null;
  oldestUnresolvedAt: Date | null;
}

/** Coordination requests per task: how many are not resolved, and the oldest waiting ones. */
export async function listRequestStats(executor: Executor, taskIds: readonly number[]): Promise<Map<number, RequestStats>> {
  if (taskIds.length === 0) return new Map();
  const rows = await executor.execute<{
    task_id: number;
    unresolved: number;
    oldest_unanswered: string | Date | null;
    oldest_unresolved: string | Date | null;
  }>(sql`
    select task_id,
      count(*) filter (where status <> 'resolved')::int as unresolved,
      min(raised_at) filter (where status = 'open') as oldest_unanswered,
      min(raised_at) filter (where status <> 'resolved') as oldest_unresolved
    from coordination_requests where task_id = any(${intArray(taskIds)})
    group by task_id`);
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return new Map(
    rows.map((r) => [
      Number(r.task_id),
      { unresolved: Number(r.unresolved), oldestUnansweredAt: date(r.oldest_unanswered), oldestUnresolvedAt: date(r.oldest_unresolved) },
    ]),
  );
}

/** Published 通报批评 of these plans naming any lead unit of each task (each notice counted once per task). */
export async function listCriticismCounts(executor: Executor, input: { planIds: readonly number[]; taskIds: readonly number[] }): Promise<Map<number, number>> {
  if (input.taskIds.length === 0) return new Map();
  const rows = await executor.execute<{ task_id: number; n: number }>(sql`
    with scoped as (select id from tasks where id = any(${intArray(input.taskIds)})), lead as (${LEAD})
    select lead.task_id, count(distinct n.id)::int as n
    from lead join notice_targets nt on nt.unit_id = lead.unit_id
      join notices n on n.id = nt.notice_id and n.kind = 'criticism' and n.status = 'published' and n.plan_id = any(${intArray(input.planIds)})
    group by lead.task_id`);
  return new Map(rows.map((r) => [Number(r.task_id), Number(r.n)]));
}

export interface DigestReport {
  taskId: number;
  status: ReportStatus;
  percent: number | null;
  progressState: ProgressState | null;
  progress: string;
  problems: string;
  late: boolean | null;
}

/** The reports of these tasks for one period that have been submitted (text included, for the digest). */
export async function listPeriodReportTexts(
  executor: Executor,
  input: { taskIds: readonly number[]; periodIndex: number },
): Promise<Map<number, DigestReport>> {
  if (input.taskIds.length === 0) return new Map();
  const rows = await executor.execute<{
    task_id: number;
    status: ReportStatus;
    percent: number | null;
    progress_state: ProgressState | null;
    progress: string;
    problems: string;
    late: boolean | null;
  }>(sql`
    select task_id, status, percent, progress_state, progress, problems, late from progress_reports
    where task_id = any(${intArray(input.taskIds)}) and period_index = ${input.periodIndex} and submitted_at is not null`);
  return new Map(
    rows.map((r) => [
      Number(r.task_id),
      {
        taskId: Number(r.task_id),
        status: r.status,
        percent: r.percent,
        progressState: r.progress_state,
        progress: r.progress,
        problems: r.problems,
        late: r.late,
      },
    ]),
  );
}

export interface DigestRequest {
  id: number;
  taskId: number;
  periodIndex: number;
  unitName: string;
  content: string;
  status: CoordinationStatus;
  raisedAt: Date;
  /** The latest instruction (批示) or reply, if any. */
  lastReply: string | null;
}

/** Coordination requests of these tasks that are unresolved, or were raised in the period. */
export async function listDigestRequests(executor: Executor, input: { taskIds: readonly number[]; periodIndex: number }): Promise<DigestRequest[]> {
  if (input.taskIds.length === 0) return [];
  const rows = await executor.execute<{
    id: number;
    task_id: number;
    period_index: number;
    unit_name: string;
    content: string;
    status: CoordinationStatus;
    raised_at: string | Date;
    last_reply: string | null;
  }>(sql`
    select cr.id, cr.task_id, cr.period_index, u.name as unit_name, cr.content, cr.status, cr.raised_at,
      (select r.body from coordination_replies r where r.request_id = cr.id order by r.created_at desc, r.id desc limit 1) as last_reply
    from coordination_requests cr join units u on u.id = cr.unit_id
    where cr.task_id = any(${intArray(input.taskIds)}) and (cr.status <> 'resolved' or cr.period_index = ${input.periodIndex})
    order by cr.raised_at`);
  return rows.map((r) => ({
    id: Number(r.id),
    taskId: Number(r.task_id),
    periodIndex: Number(r.period_index),
    unitName: r.unit_name,
    content: r.content,
    status: r.status,
    raisedAt: new Date(r.raised_at),
    lastReply: r.last_reply,
  }));
}
