/** Reports listed one by one (as a test writes them), grouped as the matrix reads them: task → facts by period key. */
import type { FactsByPeriod } from "@/lib/overview/matrix";
import type { ReportFacts } from "@/lib/reporting/compliance";

export interface ListedReport extends ReportFacts {
  taskId: number;
  periodIndex: number;
}

export function factsByTask(reports: readonly ListedReport[]): Map<number, FactsByPeriod> {
  const out = new Map<number, (ReportFacts | undefined)[]>();
  for (const { taskId, periodIndex, ...facts } of reports) {
    const byPeriod = out.get(taskId) ?? [];
    byPeriod[periodIndex] = facts;
    out.set(taskId, byPeriod);
  }
  return out;
}
