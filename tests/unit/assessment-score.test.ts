/** Each rubric item on fixed facts: shares, the zero-owed rule, caps, signs, adjustments, rounding and the table's order. */
import { describe, expect, it } from "vitest";
import type { UnitFacts } from "@/lib/assessment/facts";
import { DEFAULT_RUBRIC, type Rubric } from "@/lib/assessment/rubric";
import { scoreTable, scoreUnit } from "@/lib/assessment/score";

const DUE = new Date("2022-03-15T16:00:00Z");

function facts(over: Partial<UnitFacts> = {}): UnitFacts {
  return {
    unitId: 1,
    unitName: "甲局",
    owed: [],
    paces: [],
    indicators: [],
    quality: [],
    criticisms: [],
    overdueRectifications: [],
    commendations: [],
    ...over,
  };
}

const owed = (onTime: boolean, owes: "report" | "contribution" = "report", seq = 1, periodIndex = 5) => ({
  owes,
  taskId: 10 + seq,
  seq,
  periodIndex,
  periodLabel: "3月上半月",
  dueAt: DUE,
  compliance: onTime ? ("on_time" as const) : ("late" as const),
  onTime,
});
const notice = (id: number) => ({ noticeId: id, numberText: `通报批评〔2022〕第${id}号`, title: "关于…的通报" });
const item = (rubric: Rubric, facts: UnitFacts, kind: string) => scoreUnit(rubric, facts).items.find((i) => i.kind === kind)!;

describe("按时报送 on_time", () => {
  it("scores points × the share of reports and inputs owed that were on time, rounded to 0.01", () => {
    const f = facts({ owed: [owed(true), owed(true), owed(false), owed(true, "contribution", 2), owed(true, "contribution", 2, 6), owed(true), owed(true)] });
    const score = item(DEFAULT_RUBRIC, f, "on_time");
    // 6 of 7 on time: 30 × 6 / 7 = 25.714… → 25.71
    expect(score).toMatchObject({ numerator: 6, denominator: 7, points: 25.71, noneOwed: false });
    expect(score.evidence).toHaveLength(7);
    expect(score.evidence.filter((e) => !e.good)).toHaveLength(1);
    expect(score.evidence[0]!.href).toBe("/tasks/11/reports/5");
    expect(score.evidence.find((e) => e.text.startsWith("配合进展"))!.href).toBe("/tasks/12");
  });

  it("gives full points, marked 无应报事项, when nothing was owed", () => {
    const score = item(DEFAULT_RUBRIC, facts(), "on_time");
    expect(score).toMatchObject({ points: 30, noneOwed: true, numerator: 0, denominator: 0 });
  });
});

describe("进度达标 on_pace", () => {
  it("counts 已完成, 超进度 and 达进度 tasks, not 欠进度 or 未报送", () => {
    const pace = (seq: number, status: "completed" | "ahead" | "on_pace" | "behind" | "unreported") => ({
      taskId: seq,
      seq,
      status,
      percent: status === "unreported" ? null : 50,
      expected: 46.7,
      atOrAhead: status === "completed" || status === "ahead" || status === "on_pace",
    });
    const f = facts({ paces: [pace(1, "completed"), pace(2, "ahead"), pace(3, "on_pace"), pace(4, "behind"), pace(5, "unreported")] });
    const score = item(DEFAULT_RUBRIC, f, "on_pace");
    // 3 of 5: 30 × 3 / 5 = 18
    expect(score).toMatchObject({ numerator: 3, denominator: 5, points: 18 });
    expect(score.evidence.map((e) => e.href)).toEqual(["/tasks/1", "/tasks/2", "/tasks/3", "/tasks/4", "/tasks/5"]);
    expect(score.evidence[4]!.text).toContain("未报送");
  });

  it("gives full points to a unit that leads no task", () => {
    expect(item(DEFAULT_RUBRIC, facts(), "on_pace")).toMatchObject({ points: 30, noneOwed: true });
  });
});

describe("目标完成 targets_met", () => {
  it("scores the share of confirmed indicators met, linking to the task's indicators", () => {
    const ind = (id: number, met: boolean, value: number | null) => ({ indicatorId: id, taskId: 7, seq: 7, name: `指标${id}`, target: "≥ 20个", value, met });
    const score = item(DEFAULT_RUBRIC, facts({ indicators: [ind(1, true, 25), ind(2, false, 3), ind(3, false, null)] }), "targets_met");
    // 1 of 3: 20 × 1 / 3 = 6.666… → 6.67
    expect(score).toMatchObject({ numerator: 1, denominator: 3, points: 6.67 });
    expect(score.evidence[2]!.text).toContain("未填报");
    expect(score.evidence[0]!.href).toBe("/tasks/7/indicators");
  });
});

describe("报送质量 quality", () => {
  it("counts reports accepted at first submission and not copied; leaves reports awaiting review out", () => {
    const q = (periodIndex: number, state: "clean" | "returned" | "copied" | "pending") => ({
      reportId: periodIndex,
      taskId: 3,
      seq: 3,
      periodIndex,
      periodLabel: `${periodIndex}`,
      state,
      copyFlag: state === "copied" ? ("identical" as const) : null,
    });
    const score = item(DEFAULT_RUBRIC, facts({ quality: [q(5, "clean"), q(6, "returned"), q(7, "copied"), q(8, "clean"), q(9, "pending")] }), "quality");
    // decided: 4 (the pending one not counted); clean: 2 → 20 × 2 / 4 = 10
    expect(score).toMatchObject({ numerator: 2, denominator: 4, points: 10, notCounted: 1 });
    expect(score.evidence.find((e) => e.text.includes("照抄上期"))).toBeDefined();
    expect(score.evidence).toHaveLength(5);
  });

  it("gives full points when no report was decided on yet", () => {
    const pending = { reportId: 1, taskId: 3, seq: 3, periodIndex: 11, periodLabel: "6月上半月", state: "pending" as const, copyFlag: null };
    expect(item(DEFAULT_RUBRIC, facts({ quality: [pending] }), "quality")).toMatchObject({ points: 20, noneOwed: true, notCounted: 1 });
  });
});

describe("deductions and additions", () => {
  it("takes points per criticism and per overdue 整改, held to their caps", () => {
    const f = facts({
      criticisms: [1, 2, 3, 4, 5, 6].map(notice),
      overdueRectifications: [1, 2].map((id) => ({
        rectificationId: id,
        noticeId: id,
        numberText: `通报批评〔2022〕第${id}号`,
        dueAt: DUE,
        submittedAt: null,
      })),
    });
    // 6 × 2 = 12, capped at 10 → −10; 2 × 1 = 2 (cap 5) → −2
    expect(item(DEFAULT_RUBRIC, f, "criticism")).toMatchObject({ numerator: 6, points: -10, max: 10 });
    expect(item(DEFAULT_RUBRIC, f, "overdue_rectification")).toMatchObject({ numerator: 2, points: -2 });
    expect(item(DEFAULT_RUBRIC, f, "criticism").evidence[0]).toEqual({ text: "通报批评〔2022〕第1号《关于…的通报》", href: "/notices/1", good: false });
  });

  it("adds points per commendation, capped; no cap when none is set; nothing is −0", () => {
    const f = facts({ commendations: [1, 2, 3].map(notice) });
    expect(item(DEFAULT_RUBRIC, f, "commendation")).toMatchObject({ numerator: 3, points: 3 });
    const capped: Rubric = [
      { kind: "on_time", points: 100 },
      { kind: "commendation", pointsEach: 1.5, cap: 2 },
    ];
    expect(item(capped, f, "commendation").points).toBe(2);
    const uncapped: Rubric = [
      { kind: "on_time", points: 100 },
      { kind: "criticism", pointsEach: 2, cap: null },
    ];
    expect(item(uncapped, facts({ criticisms: [1, 2, 3, 4, 5, 6].map(notice) }), "criticism").points).toBe(-12);
    expect(Object.is(item(DEFAULT_RUBRIC, facts(), "criticism").points, -0)).toBe(false);
  });
});

describe("the total", () => {
  it("adds the items, then the office's adjustments, to 0.01", () => {
    const f = facts({ owed: [owed(true), owed(true), owed(false)], criticisms: [notice(1)], commendations: [notice(2)] });
    const score = scoreUnit(DEFAULT_RUBRIC, f, [
      { id: 1, points: 1.5, reason: "材料补正", createdAt: DUE },
      { id: 2, points: -0.25, reason: "核减", createdAt: DUE },
    ]);
    // 30 × 2/3 = 20; on_pace, targets, quality: nothing owed → 30 + 20 + 20; −2 + 1 → computed 89; adjustments +1.25 → 90.25
    expect(score.computed).toBe(89);
    expect(score.adjustment).toBe(1.25);
    expect(score.total).toBe(90.25);
  });

  it("orders the table by total, equal totals sharing a rank", () => {
    const a = facts({ unitId: 1, unitName: "甲", owed: [owed(false)] });
    const b = facts({ unitId: 2, unitName: "乙" });
    const c = facts({ unitId: 3, unitName: "丙" });
    const table = scoreTable(DEFAULT_RUBRIC, [a, b, c], new Map([[3, [{ id: 1, points: -1, reason: "核减", createdAt: DUE }]]]));
    expect(table.map((r) => [r.unitName, r.total, r.rank])).toEqual([
      ["乙", 100, 1],
      ["丙", 99, 2],
      ["甲", 70, 3],
    ]);
    const tie = scoreTable(DEFAULT_RUBRIC, [b, c], new Map());
    expect(tie.map((r) => r.rank)).toEqual([1, 1]);
  });
});
