/**
 * 报送情况矩阵: lead units × half months (the first reporting half month to the current one) of
 * every live plan of this year (or the one chosen), each cell the worst state of the unit's reports
 * in that half month under each task's own cadence — a monthly item owes in the month's second
 * half only, a weekly one the weeks ending in the half month, a final report its due half month —
 * repeat offenders first, a page of units at a time. A fixed number of queries whatever the number of units, tasks and periods.
 * For the supervision office and the administrator only: anyone else gets "not found".
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/policies";
import { now } from "@/lib/clock";
import { listMatrixTasks } from "@/lib/data/matrix";
import { listReportHistories } from "@/lib/data/report-histories";
import { buildMatrix, matrixKeys, type Matrix, type MatrixTask } from "@/lib/overview/matrix";
import { schedulesOfTasks, type LivePlan } from "@/lib/plans/live";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { coverageText, primaryPlan, type PlanChoice } from "@/lib/plans/scope";
import { periodAt, periodOf, type Period } from "@/lib/periods";
import { cadenceRuleOf, currentPeriodIndex, dueAtOf, owedPeriodIndexes, type PlanSchedule } from "@/lib/reporting/deadlines";
import { resolvePlanScope } from "./plan-scope";
import { DEFAULT_PAGE_SIZE, type PageOf, type Paging, slicePage, type SortOrder } from "@/lib/paging";
import type { MatrixRow } from "@/lib/overview/matrix";

/** The matrix has one order, the worst units first (sortByTrouble); `worst` names it in the URL. */
export const MATRIX_SORTS = ["worst"] as const;
export const MATRIX_ORDER: SortOrder<"worst"> = { key: "worst", descending: false };

export interface ComplianceMatrix {
  /** The plan whose half months are the columns. */
  plan: { id: number; year: number; title: string };
  /** Every plan counted (the columns' year among those covered). */
  plans: LivePlan[];
  coverage: string;
  periods: Period[];
  /** Every unit's row, worst first. */
  matrix: Matrix;
  /** The page of units shown; only these go to the renderer. */
  page: PageOf<MatrixRow>;
  /** Units with a late or missing report in any period (of every page). */
  troubled: number;
  at: Date;
}

export async function getComplianceMatrix(
  actor: Actor,
  options: { at?: Date; choice?: PlanChoice; paging?: Pick<Paging, "page" | "size"> } = {},
): Promise<ComplianceMatrix | null> {
  assertCan(actor, "supervision.view");
  const at = options.at ?? now();
  const scope = await resolvePlanScope(actor, options.choice ?? {});
  const plan = primaryPlan(scope.plans, periodAt(at).year);
  if (!plan) return null;
  const counted = scope.plans.filter((p) => p.year === plan.year);
  const start = Math.max(1, Math.min(...counted.map((p) => p.reportingStartPeriod)));
  const last = Math.min(24, currentPeriodIndex(scheduleOf(plan), at));
  const indexes: number[] = [];
  for (let i = start; i <= last; i++) indexes.push(i);
  const planIds = counted.map((p) => p.id);
  const [rows, histories] = await Promise.all([listMatrixTasks(db, planIds), listReportHistories(db, { planIds })]);
  // Each task's own schedule: its plan's start and moved due times, its cadence, 完成时限 and approved extensions.
  const schedules = await schedulesOfTasks(
    db,
    counted,
    rows.map((r) => ({
      id: r.taskId,
      planId: r.planId,
      cadence: r.cadence,
      dueOn: r.dueOn,
      closedAfterPeriod: null,
      reportingStartPeriod: r.reportingStartPeriod,
    })),
  );
  // Tasks timed alike share a schedule: each distinct one's columns and due times are worked out once.
  const timing = new Map<PlanSchedule, { keysIn: (half: number) => readonly number[]; dueAt: (key: number) => Date }>();
  const timingOf = (schedule: PlanSchedule) => {
    let found = timing.get(schedule);
    if (!found) {
      const rule = cadenceRuleOf(schedule);
      const owed = new Set(owedPeriodIndexes(schedule));
      const columns = new Map(indexes.map((half) => [half, matrixKeys(rule, periodOf(plan.year, half)).filter((k) => owed.has(k))]));
      const due = new Map<number, Date>();
      found = { keysIn: (half) => columns.get(half) ?? [], dueAt: (key) => due.get(key) ?? due.set(key, dueAtOf(schedule, key)).get(key)! };
      timing.set(schedule, found);
    }
    return found;
  };
  const tasks: MatrixTask[] = rows.map((row) => ({ ...row, keysIn: timingOf(schedules.get(row.taskId)!).keysIn }));
  const dueAt = (taskId: number, key: number) => timingOf(schedules.get(taskId)!).dueAt(key);
  const matrix = buildMatrix({ periods: indexes, tasks, reports: new Map([...histories].map(([taskId, h]) => [taskId, h.facts])), dueAt, at });
  return {
    plan: { id: plan.id, year: plan.year, title: plan.title },
    plans: counted,
    coverage: coverageText(counted),
    periods: indexes.map((i) => periodOf(plan.year, i)),
    matrix,
    page: slicePage(matrix.rows, options.paging ?? { page: 1, size: DEFAULT_PAGE_SIZE }),
    troubled: matrix.rows.filter((r) => r.totals.missing + r.totals.late > 0).length,
    at,
  };
}
