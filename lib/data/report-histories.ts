/**
 * What the pages that count reports read of them, in one pass and without text: per task, each
 * period's facts (what classifyReport reads), the latest counted report and every counted percent.
 * The compliance matrix and the leader dashboards both read here. No permission rules.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { ProgressState, ReportStatus } from "@/db/schema";
import type { LatestReport } from "@/lib/leader/board";
import type { ReportFacts } from "@/lib/reporting/compliance";
import { intArray } from "./int-array";

const STATUS_CODE: Record<string, ReportStatus> = { d: "draft", p: "pending_approval", s: "submitted", r: "returned", a: "accepted" };
/** Only the presence of a time of submission is read by classifyReport (a returned report vs a head's return before it). */
const SUBMITTED = new Date(0);
/** One shared, frozen facts object per (status, late, submitted): tens of thousands of reports allocate nothing. */
const FACTS = new Map<string, ReportFacts>();
for (const [code, status] of Object.entries(STATUS_CODE)) {
  for (const [lateCode, late] of [["0", false], ["1", true], ["n", null]] as const) {
    for (const submitted of ["0", "1"]) FACTS.set(code + lateCode + submitted, Object.freeze({ status, late, submittedAt: submitted === "1" ? SUBMITTED : null }));
  }
}

const STATE_CODE: Record<string, ProgressState> = { o: "on_track", l: "lagging", c: "completed", b: "blocked" };

/** What the dashboards read of one task's reports: each period's facts, the latest counted report, every counted percent. */
export interface ReportHistory {
  /** By period key: what classifyReport reads (status, late, a time of submission), no text. */
  facts: (ReportFacts | undefined)[];
  /** The latest report with a percent that counts (submitted or accepted). */
  latest: LatestReport | null;
  /** Every report with a percent that counts, by period. */
  counted: { periodIndex: number; percent: number }[];
}

/**
 * Every report of these tasks in one pass, no text: packed in SQL as `PPPslbNNNg` per report (3-digit
 * period, status, late, submitted, the counted percent or `---`, progress state), one row per task,
 * decoded into shared facts objects. One scan of the reports serves the compliance cells, the latest
 * percent and the period averages alike.
 */
export async function listReportHistories(executor: Executor, scope: { taskIds: readonly number[] } | { planIds: readonly number[] }): Promise<Map<number, ReportHistory>> {
  const out = new Map<number, ReportHistory>();
  const ids = "taskIds" in scope ? scope.taskIds : scope.planIds;
  if (ids.length === 0) return out;
  // A plan's ordinary tasks: not the overall row, not archived.
  const which =
    "taskIds" in scope
      ? sql`pr.task_id = any(${intArray(ids)})`
      : sql`pr.task_id in (select id from tasks where plan_id = any(${intArray(ids)}) and not overall and archived_at is null)`;
  const rows = await executor.execute<{ task_id: number; packed: string }>(sql`
    select pr.task_id, string_agg(lpad(pr.period_index::text, 3, '0')
      || case pr.status when 'draft' then 'd' when 'pending_approval' then 'p' when 'submitted' then 's' when 'returned' then 'r' else 'a' end
      || coalesce(pr.late::int::text, 'n') || (pr.submitted_at is not null)::int::text
      || case when pr.status in ('submitted', 'accepted') and pr.percent is not null then lpad(pr.percent::text, 3, '0') else '---' end
      || case pr.progress_state when 'on_track' then 'o' when 'lagging' then 'l' when 'completed' then 'c' when 'blocked' then 'b' else 'n' end, '') as packed
    from progress_reports pr where ${which}
    group by pr.task_id`);
  for (const row of rows) {
    const history: ReportHistory = { facts: [], latest: null, counted: [] };
    const packed = row.packed;
    for (let i = 0; i + 10 <= packed.length; i += 10) {
      const periodIndex = Number(packed.slice(i, i + 3));
      const facts = FACTS.get(packed.slice(i + 3, i + 6))!;
      history.facts[periodIndex] = facts;
      if (packed[i + 6] === "-") continue;
      const percent = Number(packed.slice(i + 6, i + 9));
      history.counted.push({ periodIndex, percent });
      if (!history.latest || periodIndex > history.latest.periodIndex) {
        history.latest = { periodIndex, percent, progressState: STATE_CODE[packed[i + 9]!] ?? null, late: facts.late === true };
      }
    }
    out.set(Number(row.task_id), history);
  }
  return out;
}
