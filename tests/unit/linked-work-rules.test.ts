/** Linked work and carry-over, the pure rules: where a shared report counts, which tasks may be carried, who links. */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { carriedTaskLabel, carryBlocker } from "@/lib/plans/carry-over-rules";
import { can } from "@/lib/policies";
import { sharedPeriodKey } from "@/lib/reporting/shared-period";

const half = (year = 2022) => ({ cadence: "half_monthly" as const, year });
const monthly = (year = 2022) => ({ cadence: "monthly" as const, year });
const weekly = (year = 2022) => ({ cadence: "weekly" as const, year });

describe("sharedPeriodKey: the linked task's period holding the end of the original's", () => {
  it("a half-month report counts in the month that holds it, both halves in the same month", () => {
    expect(sharedPeriodKey(half(), 11, monthly())).toBe(12); // 6月上半月 → June
    expect(sharedPeriodKey(half(), 12, monthly())).toBe(12); // 6月下半月 → June
    expect(sharedPeriodKey(half(), 1, monthly())).toBe(2);
  });
  it("between the same cadences the key is the same; a monthly report counts in the month's second half", () => {
    expect(sharedPeriodKey(half(), 12, half())).toBe(12);
    expect(sharedPeriodKey(monthly(), 12, half())).toBe(12);
  });
  it("a weekly report counts in the half month holding its last day, and a half month in the week holding its end", () => {
    // 2022's first week is 1月1日–2日 (Saturday to the first Sunday): 1月上半月. Week 27 (6月27日–7月3日) ends in 7月上半月.
    expect(sharedPeriodKey(weekly(), 101, half())).toBe(1);
    expect(sharedPeriodKey(weekly(), 127, half())).toBe(13);
    // 6月下半月 ends on Thursday 6月30日, in week 27.
    expect(sharedPeriodKey(half(), 12, weekly())).toBe(127);
  });
  it("nothing is shared across years", () => {
    expect(sharedPeriodKey(half(2022), 24, half(2023))).toBeNull();
    expect(sharedPeriodKey(half(2022), 12, monthly(2021))).toBeNull();
  });
});

describe("carryBlocker: only unfinished tasks are carried", () => {
  const open = { closedAt: null, reportedCompleted: false, carried: false };
  it("an unfinished task may be carried", () => expect(carryBlocker(open)).toBeNull());
  it("a task 办结, reported 已完成 or carried already may not", () => {
    expect(carryBlocker({ ...open, closedAt: new Date() })).toBe("已办结");
    expect(carryBlocker({ ...open, reportedCompleted: true })).toBe("已报告完成");
    expect(carryBlocker({ ...open, carried: true, closedAt: new Date() })).toBe("已结转");
  });
});

describe("labels and permissions", () => {
  it("names a carried task by its plan and 序号, with the year in front when the title lacks it", () => {
    expect(carriedTaskLabel({ planYear: 2022, planTitle: "2022年政府工作报告目标任务分解表", seq: 24 })).toBe("2022年政府工作报告目标任务分解表 第24项");
    expect(carriedTaskLabel({ planYear: 2023, planTitle: "续建任务", seq: 3, seqLabel: "（三）" })).toBe("2023年 续建任务 第（三）项");
  });
  it("only the office and the administrator link work", () => {
    const as = (role: Actor["role"]) => can({ role, unitId: null, unitRole: null, leaderId: null, overseesAll: false }, "work.link");
    expect([as("admin"), as("supervisor"), as("leader"), as("unit")]).toEqual([true, true, false, false]);
  });
});
