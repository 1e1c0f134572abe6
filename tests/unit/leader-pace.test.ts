import { describe, expect, it } from "vitest";
import { countPaces, expectedProgress, paceOf, paceStatus, PACE_TOLERANCE, type Pace } from "@/lib/leader/pace";
import { daysSince, SIGNAL_RULES, signalLegend, taskSignal, type SignalFacts } from "@/lib/leader/signal";

const report = (percent: number | null, progressState: "on_track" | "lagging" | "completed" | "blocked" | null = percent === null ? null : "on_track") => ({
  percent,
  progressState,
  closed: false,
});

describe("序时进度 of a task (expectedProgress)", () => {
  it("runs from the plan year's 1 January (Shanghai) to the 完成时限, or to 31 December", () => {
    expect(expectedProgress(2022, null, new Date("2022-01-01T00:00+08:00"))).toBe(0);
    expect(expectedProgress(2022, null, new Date("2022-06-20T10:00+08:00"))).toBe(46.7);
    expect(expectedProgress(2022, "2022-06-30", new Date("2022-06-20T10:00+08:00"))).toBe(94.2); // 170 days 10 h of 181
  });
  it("is clamped to 0 before the year and 100 after the 完成时限", () => {
    expect(expectedProgress(2022, null, new Date("2021-12-31T23:00+08:00"))).toBe(0);
    expect(expectedProgress(2022, "2022-06-30", new Date("2022-07-01T00:00+08:00"))).toBe(100);
    expect(expectedProgress(2022, null, new Date("2023-03-01T00:00+08:00"))).toBe(100);
  });
});

describe(`进度状态 (paceStatus), tolerance ±${PACE_TOLERANCE}`, () => {
  const expected = 50;
  it("已完成: 100%, or state 已完成 whatever the percent, or the task closed without a report", () => {
    expect(paceStatus(report(100), expected)).toBe("completed");
    expect(paceStatus(report(60, "completed"), expected)).toBe("completed");
    expect(paceStatus({ percent: null, progressState: null, closed: true }, expected)).toBe("completed");
    expect(paceStatus(report(100), 100)).toBe("completed");
  });
  it("未报送 when no report has been submitted, even when nothing is expected yet", () => {
    expect(paceStatus(report(null), expected)).toBe("unreported");
    expect(paceStatus(report(null), 0)).toBe("unreported");
  });
  it("超进度 from expected + tolerance on (the edge included)", () => {
    expect(paceStatus(report(55), expected)).toBe("ahead");
    expect(paceStatus(report(54), expected)).toBe("on_pace");
    expect(paceStatus(report(55), 50.1)).toBe("on_pace"); // 4.9 points ahead
  });
  it("达进度 within the tolerance on either side, edges included", () => {
    expect(paceStatus(report(50), expected)).toBe("on_pace");
    expect(paceStatus(report(45), expected)).toBe("on_pace");
  });
  it("欠进度 below expected − tolerance", () => {
    expect(paceStatus(report(44), expected)).toBe("behind");
    expect(paceStatus(report(45), 50.1)).toBe("behind");
    expect(paceStatus(report(0), expected)).toBe("behind");
  });
  it("at the start of the year every report is ahead or on pace; 0% on day one is 达进度", () => {
    expect(paceStatus(report(0), 0)).toBe("on_pace");
    expect(paceStatus(report(5), 0)).toBe("ahead");
  });
  it("a lagging or blocked state does not change the pace: the numbers decide", () => {
    expect(paceStatus(report(60, "lagging"), expected)).toBe("ahead");
    expect(paceStatus(report(50, "blocked"), expected)).toBe("on_pace");
  });
  it("paceOf carries the gap to one decimal, and null without a report", () => {
    expect(paceOf(report(30), 46.7)).toEqual({ status: "behind", percent: 30, expected: 46.7, gap: -16.7 });
    expect(paceOf(report(null), 46.7)).toEqual({ status: "unreported", percent: null, expected: 46.7, gap: null });
  });
  it("counts every status", () => {
    expect(countPaces(["ahead", "behind", "behind", "unreported"])).toEqual({ completed: 0, ahead: 1, on_pace: 0, behind: 2, unreported: 1 });
  });
});

const pace = (percent: number | null, expected = 50): Pace => paceOf(report(percent), expected);
const facts = (over: Partial<SignalFacts> = {}): SignalFacts => ({
  pace: pace(50),
  closed: false,
  recent: { late: 0, missing: 0, returned: 0 },
  requests: { unresolved: 0, oldestUnansweredDays: null, oldestUnresolvedDays: null },
  criticisms: 0,
  ...over,
});

describe("红黄绿灯 (taskSignal)", () => {
  it("green with no reasons when on pace, on time, nothing open, never criticised", () => {
    expect(taskSignal(facts())).toEqual({ signal: "green", reasons: [] });
    expect(taskSignal(facts({ pace: pace(80) })).signal).toBe("green");
    expect(taskSignal(facts({ pace: pace(100) })).signal).toBe("green");
  });
  it("欠进度: amber below the tolerance, red from behindRedGap points behind (edge included)", () => {
    expect(taskSignal(facts({ pace: pace(45) })).signal).toBe("green"); // 5 behind: 达进度
    expect(taskSignal(facts({ pace: pace(44) }))).toEqual({
      signal: "amber",
      reasons: [{ level: "amber", text: "欠进度 6 个百分点（已报 44%，序时进度 50%）" }],
    });
    expect(taskSignal(facts({ pace: pace(36) })).signal).toBe("amber"); // 14 behind
    expect(taskSignal(facts({ pace: pace(35) }))).toEqual({ signal: "red", reasons: [{ level: "red", text: "欠进度 15 个百分点（已报 35%，序时进度 50%）" }] });
    expect(taskSignal(facts({ pace: pace(30, 46.7) })).reasons[0]!.text).toBe("欠进度 16.7 个百分点（已报 30%，序时进度 46.7%）");
  });
  it("no report yet is amber, said as such", () => {
    expect(taskSignal(facts({ pace: pace(null) }))).toEqual({
      signal: "amber",
      reasons: [{ level: "amber", text: "尚无已报送的进度，无法判断是否达到序时进度" }],
    });
  });
  it("lateness: one missing period amber, missingRed red; late and returned amber", () => {
    expect(taskSignal(facts({ recent: { late: 0, missing: 1, returned: 0 } })).signal).toBe("amber");
    expect(taskSignal(facts({ recent: { late: 0, missing: SIGNAL_RULES.missingRed, returned: 0 } }))).toEqual({
      signal: "red",
      reasons: [{ level: "red", text: "近 4 期有 2 期未报送" }],
    });
    expect(taskSignal(facts({ recent: { late: 3, missing: 0, returned: 0 } }))).toEqual({
      signal: "amber",
      reasons: [{ level: "amber", text: "近 4 期逾期报送 3 次" }],
    });
    expect(taskSignal(facts({ recent: { late: 0, missing: 0, returned: 1 } })).reasons[0]!.text).toBe("近 4 期被退回未重报 1 次");
  });
  it("coordination requests: unresolved amber; unanswered for requestRedDays days red (edge included)", () => {
    expect(taskSignal(facts({ requests: { unresolved: 1, oldestUnansweredDays: 13, oldestUnresolvedDays: 13 } }))).toEqual({
      signal: "amber",
      reasons: [{ level: "amber", text: "需协调事项 1 项未解决（最早的已 13 天）" }],
    });
    expect(taskSignal(facts({ requests: { unresolved: 2, oldestUnansweredDays: 14, oldestUnresolvedDays: 20 } }))).toEqual({
      signal: "red",
      reasons: [{ level: "red", text: "需协调事项已 14 天未批示" }],
    });
    // Answered (已批示) but not resolved for a long time: amber, the leader has acted.
    expect(taskSignal(facts({ requests: { unresolved: 1, oldestUnansweredDays: null, oldestUnresolvedDays: 40 } })).signal).toBe("amber");
  });
  it("criticism of the lead unit: once amber, criticismRed times red", () => {
    expect(taskSignal(facts({ criticisms: 1 }))).toEqual({ signal: "amber", reasons: [{ level: "amber", text: "牵头单位被通报批评 1 次" }] });
    expect(taskSignal(facts({ criticisms: 2 })).signal).toBe("red");
  });
  it("red reasons come first, every reason is kept", () => {
    const result = taskSignal(facts({ pace: pace(44), recent: { late: 1, missing: 2, returned: 0 }, criticisms: 1 }));
    expect(result.signal).toBe("red");
    expect(result.reasons.map((r) => r.level)).toEqual(["red", "amber", "amber", "amber"]);
    expect(result.reasons[0]!.text).toBe("近 4 期有 2 期未报送");
  });
  it("a closed task (办结销号) is green whatever happened before", () => {
    expect(taskSignal(facts({ closed: true, pace: pace(10), recent: { late: 0, missing: 4, returned: 0 }, criticisms: 3 }))).toEqual({
      signal: "green",
      reasons: [],
    });
  });
  it("daysSince counts whole days, never negative", () => {
    const at = new Date("2022-06-20T10:00+08:00");
    expect(daysSince(new Date("2022-06-20T09:00+08:00"), at)).toBe(0);
    expect(daysSince(new Date("2022-06-06T10:00+08:00"), at)).toBe(14);
    expect(daysSince(new Date("2022-06-06T10:01+08:00"), at)).toBe(13);
    expect(daysSince(new Date("2022-06-21T10:00+08:00"), at)).toBe(0);
  });
  it("the legend quotes the same thresholds", () => {
    const [red, amber, green] = signalLegend();
    expect(red!.text).toContain(`${SIGNAL_RULES.behindRedGap} 个百分点`);
    expect(red!.text).toContain(`${SIGNAL_RULES.requestRedDays} 天`);
    expect(amber!.text).toContain("5 个百分点以上");
    expect(green!.signal).toBe("green");
  });
});
