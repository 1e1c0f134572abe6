/**
 * What the pages that count reports read of them, in one pass and without text: per task, each
 * period's facts (what classifyReport reads), the latest counted report and every counted percent.
 * The compliance matrix and the leader dashboards both read here. No permission rules.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import type { ProgressState, ReportStatus } from "@/db/schema";
import type { ReportFacts } from "@/lib/reporting/compliance";
import type { CountedReport, ReportHistory } from "@/lib/reporting/history";

export type { ReportHistory };
import { intArray } from "./int-array";

const STATUSES: readonly ReportStatus[] = ["draft", "pending_approval", "submitted", "returned", "accepted"];
/** Only the presence of a time of submission is read by classifyReport (a returned report vs a head's return before it). */
const SUBMITTED = new Date(0);
/**
 * One shared, frozen facts object per (status, late, submitted), at code status × 6 + late × 2 +
 * submitted (late: 0 no, 1 yes, 2 unknown): tens of thousands of reports allocate nothing.
 */
const FACTS: readonly ReportFacts[] = STATUSES.flatMap((status) =>
  [false, true, null].flatMap((late) => [false, true].map((submitted) => Object.freeze({ status, late, submittedAt: submitted ? SUBMITTED : null }))),
);

const STATES: readonly (ProgressState | null)[] = [null, "on_track", "lagging", "completed", "blocked"];

/**
 * Every report of these tasks in one pass, no text, packed in SQL as four ASCII characters per report
 * (so any server encoding holds them), one row per task, decoded by character code into shared facts:
 * 40 + the period (half months 1–24 → 41–64, weeks 101–154 → 65–118); 65 + the facts code; 27 + the
 * counted percent (0–100), or 26 when none counts; 48 + the progress state.
 * One scan of the reports serves the compliance cells, the latest percent and the period averages.
 */
export async function listReportHistories(
  executor: Executor,
  scope: { taskIds: readonly number[] } | { planIds: readonly number[] },
): Promise<Map<number, ReportHistory>> {
  const out = new Map<number, ReportHistory>();
  const ids = "taskIds" in scope ? scope.taskIds : scope.planIds;
  if (ids.length === 0) return out;
  // A plan's ordinary tasks: not the overall row, not archived.
  const which =
    "taskIds" in scope
      ? sql`pr.task_id = any(${intArray(ids)})`
      : sql`pr.task_id in (select id from tasks where plan_id = any(${intArray(ids)}) and not overall and archived_at is null)`;
  const rows = await executor.execute<{ task_id: number; packed: string }>(sql`
    select pr.task_id, string_agg(chr(40 + case when pr.period_index >= 101 then pr.period_index - 76 else pr.period_index end)
      || chr(65 + (case pr.status when 'draft' then 0 when 'pending_approval' then 1 when 'submitted' then 2 when 'returned' then 3 else 4 end) * 6
        + coalesce(pr.late::int, 2) * 2 + (pr.submitted_at is not null)::int)
      || chr(case when pr.status in ('submitted', 'accepted') and pr.percent is not null then 27 + pr.percent else 26 end)
      || chr(case pr.progress_state when 'on_track' then 49 when 'lagging' then 50 when 'completed' then 51 when 'blocked' then 52 else 48 end), '') as packed
    from progress_reports pr where ${which}
    group by pr.task_id`);
  for (const row of rows) {
    const history: ReportHistory = { facts: [], latest: null, counted: [] };
    const packed = row.packed;
    for (let i = 0; i + 4 <= packed.length; i += 4) {
      const period = packed.charCodeAt(i) - 40;
      const periodIndex = period > 24 ? period + 76 : period;
      const facts = FACTS[packed.charCodeAt(i + 1) - 65]!;
      history.facts[periodIndex] = facts;
      const percent = packed.charCodeAt(i + 2) - 27;
      if (percent < 0) continue;
      const counted: CountedReport = { periodIndex, percent, progressState: STATES[packed.charCodeAt(i + 3) - 48] ?? null, late: facts.late === true };
      history.counted.push(counted);
      if (!history.latest || periodIndex > history.latest.periodIndex) history.latest = counted;
    }
    out.set(Number(row.task_id), history);
  }
  return out;
}
