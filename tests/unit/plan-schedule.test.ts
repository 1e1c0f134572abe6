/** The one schedule builder (lib/reporting/plan-schedule.ts): a plan's timing, a task's own on top. */
import { describe, expect, it } from "vitest";
import { scheduleOf, schedulesWith, type PlanTiming, type TaskTiming } from "@/lib/reporting/plan-schedule";

const HOLIDAY = new Date("2022-06-20T10:00:00+08:00");
const EXTENDED = new Date("2022-07-05T18:00:00+08:00");
const plan: PlanTiming & { id: number } = {
  id: 1,
  year: 2022,
  reportingStartPeriod: 5,
  dueOffsetDays: 1,
  overrides: new Map([[12, HOLIDAY]]),
  cadence: "half_monthly",
};
const task = (over: Partial<TaskTiming> = {}): TaskTiming => ({
  id: 10,
  planId: 1,
  cadence: null,
  dueOn: null,
  closedAfterPeriod: null,
  reportingStartPeriod: null,
  ...over,
});

describe("scheduleOf", () => {
  it("a plan alone: its year, start, due rule, moved due times and cadence; nothing closed, no 完成时限", () => {
    expect(scheduleOf(plan)).toEqual({
      year: 2022,
      reportingStartPeriod: 5,
      dueOffsetDays: 1,
      overrides: plan.overrides,
      cadence: "half_monthly",
      dueOn: null,
      closedAfterPeriod: null,
    });
  });

  it("a task: its cadence over the plan's, the later start, its closing; 完成时限 only for a final report", () => {
    const monthly = scheduleOf(plan, task({ cadence: "monthly", dueOn: "2022-09-30", reportingStartPeriod: 9, closedAfterPeriod: 20 }));
    expect(monthly).toMatchObject({ cadence: "monthly", reportingStartPeriod: 9, closedAfterPeriod: 20, dueOn: null });
    expect(scheduleOf(plan, task({ reportingStartPeriod: 2 })).reportingStartPeriod).toBe(5);
    expect(scheduleOf(plan, task({ cadence: "final", dueOn: "2022-09-30" })).dueOn).toBe("2022-09-30");
  });

  it("an extension moves the task's due time over the plan's; without one the plan's moved due times are shared, not copied", () => {
    const extended = scheduleOf(
      plan,
      task(),
      new Map([
        [12, EXTENDED],
        [13, EXTENDED],
      ]),
    );
    expect(extended.overrides.get(12)).toEqual(EXTENDED);
    expect(extended.overrides.get(13)).toEqual(EXTENDED);
    expect(plan.overrides.get(12)).toEqual(HOLIDAY);
    expect(scheduleOf(plan, task(), new Map()).overrides).toBe(plan.overrides);
  });
});

describe("schedulesWith", () => {
  it("tasks timed alike share one schedule; an extended task, another cadence or a task of an unknown plan do not", () => {
    const out = schedulesWith(
      [plan],
      [task({ id: 1 }), task({ id: 2 }), task({ id: 3, cadence: "monthly" }), task({ id: 4 }), task({ id: 5, planId: 99 })],
      new Map([[4, new Map([[12, EXTENDED]])]]),
    );
    expect(out.get(1)).toBe(out.get(2));
    expect(out.get(3)).not.toBe(out.get(1));
    expect(out.get(3)!.cadence).toBe("monthly");
    expect(out.get(4)).not.toBe(out.get(1));
    expect(out.get(4)!.overrides.get(12)).toEqual(EXTENDED);
    expect(out.has(5)).toBe(false);
  });
});
