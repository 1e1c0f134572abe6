/** Which plans a page covers, the `?plan=` / `?year=` switch, and which columns a cadence owes in the matrix. */
import { describe, expect, it } from "vitest";
import { buildMatrix, matrixKeys } from "@/lib/overview/matrix";
import { factsByTask } from "../support/report-facts";
import { periodOf, weekAt } from "@/lib/periods";
import { coverageText, parsePlanChoice, planChoiceQuery, primaryPlan } from "@/lib/plans/scope";

describe("the plan switch", () => {
  it("parses ?plan= before ?year=, drops what does not parse", () => {
    expect(parsePlanChoice({ plan: "3", year: "2021" })).toEqual({ planId: 3 });
    expect(parsePlanChoice({ year: "2021" })).toEqual({ year: 2021 });
    expect(parsePlanChoice({ plan: "x", year: "99" })).toEqual({});
    expect(parsePlanChoice({ plan: ["4", "5"] })).toEqual({ planId: 4 });
    expect(planChoiceQuery({ planId: 4 })).toBe("plan=4");
    expect(planChoiceQuery({})).toBe("");
  });

  it("says which plans are covered, archived and drafts marked", () => {
    expect(
      coverageText([
        { label: "2022年 政府工作报告", state: "active" },
        { label: "2022年 督办事项", state: "active" },
      ]),
    ).toBe("覆盖：2022年 政府工作报告、2022年 督办事项");
    expect(coverageText([{ label: "2021年 政府工作报告", state: "archived" }])).toBe("覆盖：2021年 政府工作报告（已归档）");
    expect(coverageText([])).toBe("覆盖：无执行中的分解表");
  });

  it("follows this year's plan's half months, else the latest earlier year's", () => {
    const plans = [{ year: 2023 }, { year: 2022 }, { year: 2021 }];
    expect(primaryPlan(plans, 2022)).toBe(plans[1]);
    expect(primaryPlan([{ year: 2023 }, { year: 2021 }], 2022)).toEqual({ year: 2021 });
    expect(primaryPlan([{ year: 2023 }], 2022)).toEqual({ year: 2023 });
    expect(primaryPlan([], 2022)).toBeNull();
  });
});

describe("matrix columns under a cadence", () => {
  const half = (i: number) => periodOf(2022, i);
  it("a half-monthly task owes every column, a monthly one the second half of each month, a final one its due half month", () => {
    expect(matrixKeys({ cadence: "half_monthly", year: 2022 }, half(11))).toEqual([11]);
    expect(matrixKeys({ cadence: "monthly", year: 2022 }, half(11))).toEqual([]);
    expect(matrixKeys({ cadence: "monthly", year: 2022 }, half(12))).toEqual([12]);
    expect(matrixKeys({ cadence: "final", year: 2022, dueOn: "2022-06-10" }, half(11))).toEqual([11]);
    expect(matrixKeys({ cadence: "final", year: 2022, dueOn: "2022-06-10" }, half(12))).toEqual([]);
  });

  it("a weekly task: the weeks ending in the half month", () => {
    const keys = matrixKeys({ cadence: "weekly", year: 2022 }, half(11));
    expect(keys).toEqual([weekAt(new Date("2022-06-05T12:00:00+08:00")).index, weekAt(new Date("2022-06-12T12:00:00+08:00")).index]);
  });

  it("a column owing nothing stays empty — never missing — and the worst of a column's weeks shows", () => {
    const at = new Date("2022-06-20T10:00:00+08:00");
    const past = new Date("2022-06-01T00:00:00+08:00");
    const matrix = buildMatrix({
      periods: [11, 12],
      tasks: [
        { taskId: 1, closedAfterPeriod: null, leadUnits: [{ id: 1, name: "月报局" }], keysIn: (p) => (p % 2 === 0 ? [p] : []) },
        { taskId: 2, closedAfterPeriod: null, leadUnits: [{ id: 2, name: "周报局" }], keysIn: (p) => (p === 11 ? [123, 124] : []) },
      ],
      reports: factsByTask([{ taskId: 2, periodIndex: 123, status: "submitted", late: false, submittedAt: past }]),
      dueAt: () => past,
      at,
    });
    const cells = (unit: number) => matrix.rows.find((r) => r.unitId === unit)!.cells.map((c) => c.state);
    expect(cells(1)).toEqual([null, "missing"]);
    expect(cells(2)).toEqual(["missing", null]);
    // A column counts each task once, by the worst of its weeks.
    expect(matrix.rows.find((r) => r.unitId === 2)!.totals).toMatchObject({ missing: 1, onTime: 0, tasks: 1 });
  });
});
