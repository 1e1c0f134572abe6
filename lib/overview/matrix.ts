/**
 * The compliance matrix (报送情况矩阵): lead units × periods, each cell the worst state of that
 * unit's reports in that period, units with the most missing and late reports first, so repeat
 * offenders stand out. Every task and period is classified by `classifyReport`, the same rule the
 * overview and the circular count with. Pure: no clock, no database.
 */
import type { Period } from "@/lib/periods";
import { cadenceKeys, cadencePeriod, type CadenceRule } from "@/lib/reporting/cadence";
import { classifyReport, type Compliance, type ReportFacts } from "@/lib/reporting/compliance";
import { compareZh } from "@/lib/zh-order";

/** Worst first: a missing report outweighs a returned one, which outweighs a late one … */
export const SEVERITY: Record<Compliance, number> = { missing: 5, returned: 4, late: 3, open: 2, on_time: 1, closed: 0 };

export function worseOf(a: Compliance | null, b: Compliance): Compliance {
  return a === null || SEVERITY[b] > SEVERITY[a] ? b : a;
}

export type CellCounts = Record<Compliance, number>;

export interface MatrixCell {
  periodIndex: number;
  /** The worst state of the unit's reports in the period; null when it owed none (no task, or none under its cadence). */
  state: Compliance | null;
  counts: CellCounts;
}

export interface MatrixRow {
  unitId: number;
  unitName: string;
  cells: MatrixCell[];
  totals: { late: number; missing: number; returned: number; onTime: number; tasks: number };
}

export interface Matrix {
  periods: number[];
  rows: MatrixRow[];
}

export interface MatrixTask {
  taskId: number;
  closedAfterPeriod: number | null;
  leadUnits: readonly { id: number; name: string }[];
  /**
   * The report keys a half-month column holds under the task's cadence (matrixKeys); absent = the
   * half month itself. An empty list: nothing owed in that column (never counted missing).
   */
  keysIn?: (halfMonth: number) => readonly number[];
}

/**
 * Which of a cadence's keys a half-month column shows: every half month its own; a monthly report
 * in the month's second half; the weeks ending in the half month; the final report in its half month.
 */
export function matrixKeys(rule: CadenceRule, halfMonth: Period): number[] {
  switch (rule.cadence) {
    case "half_monthly":
      return [halfMonth.index];
    case "monthly":
      return halfMonth.half === 2 ? [halfMonth.index] : [];
    case "final":
      return cadenceKeys(rule).filter((k) => k === halfMonth.index);
    case "weekly":
      return cadenceKeys(rule).filter((k) => {
        const end = cadencePeriod(rule, k).endDate;
        return end >= halfMonth.startDate && end <= halfMonth.endDate;
      });
  }
}

/** A task's reports by period key: what classifyReport reads. */
export type FactsByPeriod = readonly (ReportFacts | undefined)[];

const emptyCounts = (): CellCounts => ({ on_time: 0, late: 0, missing: 0, returned: 0, open: 0, closed: 0 });

/**
 * Classifies every task in every period and folds the results into its lead units' cells.
 * `dueAt(taskId, period)` is the task's due time (the plan's, or an approved extension's).
 */
export function buildMatrix(input: {
  periods: readonly number[];
  tasks: readonly MatrixTask[];
  /** Each task's reports, by period key. */
  reports: ReadonlyMap<number, FactsByPeriod>;
  dueAt: (taskId: number, periodIndex: number) => Date;
  at: Date;
}): Matrix {
  const periods = [...input.periods];
  const rows = new Map<number, MatrixRow>();
  for (const task of input.tasks) {
    if (task.leadUnits.length === 0) continue;
    const reports = input.reports.get(task.taskId);
    // Per column the worst of the keys it holds (a weekly item: its weeks); null where nothing is owed.
    const states = periods.map((p): Compliance | null => {
      const closed = task.closedAfterPeriod !== null && task.closedAfterPeriod < p;
      const keys = task.keysIn ? task.keysIn(p) : [p];
      let worst: Compliance | null = null;
      for (const key of keys) worst = worseOf(worst, classifyReport(reports?.[key] ?? null, input.dueAt(task.taskId, key), input.at, closed));
      return worst;
    });
    for (const unit of task.leadUnits) {
      let row = rows.get(unit.id);
      if (!row) {
        row = {
          unitId: unit.id,
          unitName: unit.name,
          cells: periods.map((periodIndex) => ({ periodIndex, state: null, counts: emptyCounts() })),
          totals: { late: 0, missing: 0, returned: 0, onTime: 0, tasks: 0 },
        };
        rows.set(unit.id, row);
      }
      row.totals.tasks++;
      states.forEach((state, i) => {
        if (state === null) return;
        const cell = row.cells[i]!;
        cell.counts[state]++;
        // A closed task owes nothing: it shows only when nothing else is owed in that period.
        cell.state = worseOf(cell.state, state);
      });
    }
  }
  for (const row of rows.values()) {
    for (const cell of row.cells) {
      row.totals.late += cell.counts.late;
      row.totals.missing += cell.counts.missing;
      row.totals.returned += cell.counts.returned;
      row.totals.onTime += cell.counts.on_time;
    }
  }
  return { periods, rows: sortByTrouble([...rows.values()]) };
}

/** Most missing + late first; then more missing, more returned; then by name. */
export function sortByTrouble(rows: MatrixRow[]): MatrixRow[] {
  return rows.sort(
    (a, b) =>
      b.totals.missing + b.totals.late - (a.totals.missing + a.totals.late) ||
      b.totals.missing - a.totals.missing ||
      b.totals.returned - a.totals.returned ||
      compareZh(a.unitName, b.unitName),
  );
}
