/** The period-open check and the form's period head (lib/reporting/task-periods.ts), shared by reports and inputs. */
import { describe, expect, it } from "vitest";
import { dueAtOf, type PlanSchedule } from "@/lib/reporting/deadlines";
import { formPeriodOf, notOpenMessage } from "@/lib/reporting/task-periods";

const schedule = (over: Partial<PlanSchedule> = {}): PlanSchedule => ({ year: 2022, reportingStartPeriod: 5, dueOffsetDays: 0, overrides: new Map(), ...over });
const JUNE_20 = new Date("2022-06-20T10:00:00+08:00");

describe("notOpenMessage", () => {
  it("open: a period of the cadence from the first reporting period up to now", () => {
    expect(notOpenMessage(schedule(), 12, JUNE_20)).toBeNull();
    expect(notOpenMessage(schedule(), 5, JUNE_20)).toBeNull();
  });
  it("not begun, or before the first reporting period", () => {
    expect(notOpenMessage(schedule(), 13, JUNE_20)).toBe("该期尚未开始或不在填报范围内");
    expect(notOpenMessage(schedule(), 4, JUNE_20)).toBe("该期尚未开始或不在填报范围内");
  });
  it("not a period of the task's cadence: said first", () => {
    expect(notOpenMessage(schedule({ cadence: "monthly" }), 11, JUNE_20)).toBe("该任务每月报送，没有「2022年6月上半月」这一期");
    expect(notOpenMessage(schedule({ cadence: "monthly" }), 12, JUNE_20)).toBeNull();
  });
});

describe("formPeriodOf", () => {
  it("the period with its (moved) due time, time left and deadline signal", () => {
    const moved = new Date("2022-06-21T12:00:00+08:00");
    const head = formPeriodOf(schedule({ overrides: new Map([[12, moved]]) }), 12, JUNE_20);
    expect(head).toMatchObject({ index: 12, label: "2022年6月下半月", dueAt: moved, signal: "due_soon" });
    expect(head.dueLabel).toContain("6月21日");
    expect(head.timeLeft).not.toBe("");
    const plain = formPeriodOf(schedule(), 11, JUNE_20);
    expect(plain.dueAt).toEqual(dueAtOf(schedule(), 11));
    expect(plain.signal).toBe("overdue");
  });
});
