import { describe, expect, it } from "vitest";
import {
  buildBoardTask,
  byAttention,
  dispatchStale,
  onTimeRate,
  periodAverages,
  progressSeries,
  type BoardContext,
  type BoardTaskInput,
} from "@/lib/leader/board";
import { parseDashboardQuery, dashboardQuery } from "@/lib/leader/filters";
import { defaultDueAt, periodOf } from "@/lib/periods";

const at = new Date("2022-06-20T10:00+08:00");

describe("超过两周未调度 (dispatchStale)", () => {
  it("never dispatched is stale", () => expect(dispatchStale(null, at)).toEqual({ days: null, stale: true }));
  it("14 days ago is not yet stale, 15 is (Shanghai dates)", () => {
    expect(dispatchStale("2022-06-06", at)).toEqual({ days: 14, stale: false });
    expect(dispatchStale("2022-06-05", at)).toEqual({ days: 15, stale: true });
    expect(dispatchStale("2022-06-20", new Date("2022-06-20T00:30+08:00"))).toEqual({ days: 0, stale: false });
    // 2022-06-19 23:30 UTC is already 06-20 in Shanghai.
    expect(dispatchStale("2022-06-05", new Date("2022-06-19T17:00Z"))).toEqual({ days: 15, stale: true });
  });
});

describe("按时报送率 (onTimeRate)", () => {
  it("on time among the reports owed; late, missing and returned count against; null when none owed", () => {
    expect(onTimeRate({ onTime: 0, late: 0, missing: 0, returned: 0 })).toBeNull();
    expect(onTimeRate({ onTime: 1, late: 1, missing: 1, returned: 0 })).toBe(33.3);
    expect(onTimeRate({ onTime: 3, late: 0, missing: 0, returned: 1 })).toBe(75);
  });
});

const ctx: BoardContext = {
  year: 2022,
  periods: [10, 11, 12],
  duePeriods: [10, 11],
  recentPeriods: [10, 11],
  dueAt: (_t, p) => defaultDueAt(periodOf(2022, p)),
  at,
};
const task = (over: Partial<BoardTaskInput>): BoardTaskInput => ({
  id: 1,
  seq: 1,
  content: "",
  dueOn: null,
  closed: false,
  closedAfterPeriod: null,
  leaders: [{ id: 1, name: "甲" }],
  leadUnits: [{ id: 1, name: "单位" }],
  latest: null,
  facts: [],
  requests: { unresolved: 0, oldestUnansweredAt: null, oldestUnresolvedAt: null },
  criticisms: 0,
  lastDispatchOn: null,
  ...over,
});
const rep = (periodIndex: number, percent: number, late = false, status: "submitted" | "accepted" | "returned" | "draft" = "submitted") => ({
  periodIndex,
  status,
  late,
  submitted: status !== "draft",
  percent,
});
/** What the data layer gives: the report facts by period, and the latest report that counts. */
const reports = (list: ReturnType<typeof rep>[]): Pick<BoardTaskInput, "latest" | "facts"> => {
  const facts: BoardTaskInput["facts"][number][] = [];
  for (const r of list) facts[r.periodIndex] = { status: r.status, late: r.late, submittedAt: r.submitted ? new Date(0) : null };
  const counted = list.filter((r) => r.status === "submitted" || r.status === "accepted").sort((a, b) => b.periodIndex - a.periodIndex)[0];
  return { facts, latest: counted ? { periodIndex: counted.periodIndex, percent: counted.percent, progressState: "on_track", late: counted.late } : null };
};

describe("a board task", () => {
  it("returned reports count against the on-time rate; the pace is judged by the latest that counts", () => {
    const t = buildBoardTask(task({ ...reports([rep(10, 40, false, "accepted"), rep(11, 55, false, "returned"), rep(12, 70, false, "draft")]) }), ctx);
    expect(t.latest).toEqual({ periodIndex: 10, percent: 40, progressState: "on_track", late: false });
    expect(t.tally).toEqual({ onTime: 1, late: 0, missing: 0, returned: 1 });
    expect(t.pace.status).toBe("behind"); // 40 vs 46.7: 6.7 behind
  });
  it("a report filed early for the current period counts for pace, not for the on-time rate", () => {
    const t = buildBoardTask(task({ ...reports([rep(10, 30), rep(11, 40, true), rep(12, 50)]) }), ctx);
    expect(t.latest!.periodIndex).toBe(12);
    expect(t.pace.status).toBe("on_pace");
    expect(t.tally).toEqual({ onTime: 1, late: 1, missing: 0, returned: 0 });
  });
  it("a closed task is 已完成 and green, owing nothing after its closing period", () => {
    const t = buildBoardTask(task({ closed: true, closedAfterPeriod: 10, ...reports([rep(10, 80)]) }), ctx);
    expect(t.pace.status).toBe("completed");
    expect(t.signal.signal).toBe("green");
    expect(t.tally).toEqual({ onTime: 1, late: 0, missing: 0, returned: 0 });
  });
  it("attention order: red, amber, green; then the furthest behind; then 序号", () => {
    const green = buildBoardTask(task({ id: 1, seq: 1, ...reports([rep(10, 50), rep(11, 50)]) }), ctx);
    const amber = buildBoardTask(task({ id: 2, seq: 2, ...reports([rep(10, 50), rep(11, 40)]) }), ctx);
    const red = buildBoardTask(task({ id: 3, seq: 3, ...reports([rep(10, 5), rep(11, 10)]) }), ctx);
    const red2 = buildBoardTask(task({ id: 4, seq: 4, ...reports([]) }), ctx);
    expect([green, amber, red2, red].sort(byAttention).map((t) => t.id)).toEqual([3, 4, 2, 1]);
  });
  it("the series: the average per period as given, and the tasks' average 序时进度 at each period's end (now for the current one)", () => {
    const series = progressSeries(
      [
        { periodIndex: 10, average: 20, reports: 1 },
        { periodIndex: 11, average: 50.04, reports: 2 },
      ],
      [null, "2022-06-30"],
      ctx,
    );
    expect(series.map((p) => [p.periodIndex, p.reported, p.reports])).toEqual([
      [10, 20, 1],
      [11, 50, 2],
      [12, null, 0],
    ]);
    // Period 12 at the clock: 46.7 (whole year) and 94.2 (due 6月30日) → 70.45 → 70.5 (rounded from the exact mean).
    expect(series[2]!.expected).toBeCloseTo(70.5, 0);
    expect(progressSeries([], [], ctx)[0]!.expected).toBe(0);
  });
});

describe("period averages (periodAverages)", () => {
  it("averages each period's counted percents over the tasks given, in period order, weeks after half months", () => {
    const averages = periodAverages([
      {
        counted: [
          { periodIndex: 12, percent: 40 },
          { periodIndex: 11, percent: 30 },
        ],
      },
      {
        counted: [
          { periodIndex: 12, percent: 45 },
          { periodIndex: 124, percent: 100 },
        ],
      },
      { counted: [] },
    ]);
    expect(averages).toEqual([
      { periodIndex: 11, average: 30, reports: 1 },
      { periodIndex: 12, average: 42.5, reports: 2 },
      { periodIndex: 124, average: 100, reports: 1 },
    ]);
    expect(periodAverages([])).toEqual([]);
  });
});

describe("drill-down query (parseDashboardQuery)", () => {
  it("keeps valid values and drops the rest", () => {
    expect(parseDashboardQuery({ pace: "behind", signal: "red", leader: "3", unit: "x", stale: "1", requests: "yes", period: "30" })).toEqual({
      pace: "behind",
      signal: "red",
      leader: 3,
      unit: undefined,
      stale: true,
      requests: undefined,
      period: undefined,
    });
    expect(parseDashboardQuery(new URLSearchParams("pace=nope&leader=-1&period=11"))).toMatchObject({ pace: undefined, leader: undefined, period: 11 });
  });
  it("writes a query string back in a fixed order", () => {
    expect(dashboardQuery({ pace: "behind" }, { leader: 3 })).toBe("?leader=3&pace=behind");
    expect(dashboardQuery({ stale: true, pace: undefined })).toBe("?stale=1");
    expect(dashboardQuery({})).toBe("");
  });
});
