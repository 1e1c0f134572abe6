/** The compliance matrix: worst state per unit and period, totals, repeat offenders first. */
import { describe, expect, it } from "vitest";
import { buildMatrix, sortByTrouble, worseOf, type MatrixRow, type MatrixTask } from "@/lib/overview/matrix";
import { factsByTask, type ListedReport } from "../support/report-facts";

const due = (p: number) => new Date(Date.UTC(2022, 0, p)); // period p is due on Jan p (UTC), simple and ordered
const at = new Date(Date.UTC(2022, 0, 3, 12)); // periods 1–3 due, 4 open

const unitA = { id: 1, name: "甲局" };
const unitB = { id: 2, name: "乙局" };
const unitC = { id: 3, name: "丙局" };

const tasks: MatrixTask[] = [
  { taskId: 100, closedAfterPeriod: null, leadUnits: [unitA] },
  { taskId: 101, closedAfterPeriod: null, leadUnits: [unitA, unitB] }, // co-led
  { taskId: 102, closedAfterPeriod: 2, leadUnits: [unitC] }, // closed after period 2
  { taskId: 103, closedAfterPeriod: null, leadUnits: [] },
];

const submitted = (taskId: number, periodIndex: number, late = false): ListedReport => ({
  taskId,
  periodIndex,
  status: "accepted",
  late,
  submittedAt: due(periodIndex),
});

const reports: ListedReport[] = [
  submitted(100, 1),
  submitted(101, 1),
  submitted(100, 2, true),
  submitted(101, 2),
  { taskId: 101, periodIndex: 3, status: "returned", late: false, submittedAt: due(3) },
  submitted(100, 4),
  submitted(102, 1),
  submitted(102, 2),
  { taskId: 999, periodIndex: 9, status: "accepted", late: false, submittedAt: due(9) }, // outside the range: ignored
];

describe("worseOf", () => {
  it("orders missing > returned > late > open > on time > closed", () => {
    expect(worseOf(null, "on_time")).toBe("on_time");
    expect(worseOf("late", "missing")).toBe("missing");
    expect(worseOf("returned", "late")).toBe("returned");
    expect(worseOf("open", "on_time")).toBe("open");
    expect(worseOf("on_time", "closed")).toBe("on_time");
  });
});

describe("buildMatrix", () => {
  const matrix = buildMatrix({ periods: [1, 2, 3, 4], tasks, reports: factsByTask(reports), dueAt: (_t, p) => due(p), at });
  const rowOf = (name: string) => matrix.rows.find((r) => r.unitName === name)!;

  it("has a row per lead unit (tasks without one are left out) and a cell per period", () => {
    expect(matrix.rows.map((r) => r.unitName).sort()).toEqual(["丙局", "乙局", "甲局"].sort());
    expect(rowOf("甲局").cells.map((c) => c.periodIndex)).toEqual([1, 2, 3, 4]);
  });
  it("shows the worst state of the unit's reports in each period", () => {
    // 甲局: p1 both on time; p2 one late; p3 task 100 missing + 101 returned → missing; p4 100 on time + 101 open → open.
    expect(rowOf("甲局").cells.map((c) => c.state)).toEqual(["on_time", "late", "missing", "open"]);
    // 乙局 co-leads 101 only: p3 returned.
    expect(rowOf("乙局").cells.map((c) => c.state)).toEqual(["on_time", "on_time", "returned", "open"]);
    // 丙局's task is closed after period 2: nothing owed after.
    expect(rowOf("丙局").cells.map((c) => c.state)).toEqual(["on_time", "on_time", "closed", "closed"]);
  });
  it("counts each state per cell and totals per unit", () => {
    expect(rowOf("甲局").cells[2]!.counts).toMatchObject({ missing: 1, returned: 1 });
    expect(rowOf("甲局").totals).toEqual({ late: 1, missing: 1, returned: 1, onTime: 4, tasks: 2 });
    expect(rowOf("乙局").totals).toEqual({ late: 0, missing: 0, returned: 1, onTime: 2, tasks: 1 });
  });
  it("sorts the units with the most missing + late reports first", () => {
    expect(matrix.rows.map((r) => r.unitName)).toEqual(["甲局", "乙局", "丙局"]);
  });
  it("a unit that never reported is red in every period that is due", () => {
    const never = buildMatrix({
      periods: [1, 2, 3, 4],
      tasks: [{ taskId: 5, closedAfterPeriod: null, leadUnits: [unitC] }],
      reports: new Map(),
      dueAt: (_t, p) => due(p),
      at,
    });
    expect(never.rows[0]!.cells.map((c) => c.state)).toEqual(["missing", "missing", "missing", "open"]);
    expect(never.rows[0]!.totals.missing).toBe(3);
  });
  it("uses the task's own due time (an approved extension)", () => {
    const extended = buildMatrix({
      periods: [3],
      tasks: [{ taskId: 100, closedAfterPeriod: null, leadUnits: [unitA] }],
      reports: new Map(),
      dueAt: (taskId, p) => (taskId === 100 && p === 3 ? due(10) : due(p)),
      at,
    });
    expect(extended.rows[0]!.cells[0]!.state).toBe("open");
  });
});

describe("sortByTrouble", () => {
  const row = (unitName: string, missing: number, late: number, returned = 0): MatrixRow => ({
    unitId: unitName.length,
    unitName,
    cells: [],
    totals: { missing, late, returned, onTime: 0, tasks: 1 },
  });
  it("most missing+late first, then more missing, more returned, then by name", () => {
    const sorted = sortByTrouble([row("乙", 1, 1), row("甲", 0, 3), row("丙", 2, 1), row("丁", 0, 0, 2), row("戊", 0, 0, 0), row("己", 2, 0)]);
    expect(sorted.map((r) => r.unitName)).toEqual(["丙", "甲", "己", "乙", "丁", "戊"]);
  });
});
