import { describe, expect, it } from "vitest";
import { ageSignal, calendarDaysBetween, describeAge } from "@/lib/coordination/age";
import { describeFollowUpDue, followUpDueAt, followUpSignal, isCalendarDate } from "@/lib/dispatch/due";

const at = (s: string) => new Date(s);

describe("coordination request age (需协调事项)", () => {
  it("counts Shanghai calendar days, not 24-hour spans", () => {
    expect(calendarDaysBetween(at("2022-06-20T23:50+08:00"), at("2022-06-21T00:10+08:00"))).toBe(1);
    expect(calendarDaysBetween(at("2022-06-20T00:10+08:00"), at("2022-06-20T23:50+08:00"))).toBe(0);
    // 2022-06-19 16:30 UTC is already 06-20 in Shanghai
    expect(calendarDaysBetween(at("2022-06-19T16:30Z"), at("2022-06-20T10:00+08:00"))).toBe(0);
    expect(calendarDaysBetween(at("2022-06-01T09:00+08:00"), at("2022-06-20T10:00+08:00"))).toBe(19);
    expect(calendarDaysBetween(at("2022-06-21T09:00+08:00"), at("2022-06-20T10:00+08:00"))).toBe(0);
  });

  it("turns amber after 7 days and red after 14, on each edge", () => {
    expect(ageSignal(0, "open")).toBe("none");
    expect(ageSignal(7, "open")).toBe("none");
    expect(ageSignal(8, "open")).toBe("amber");
    expect(ageSignal(14, "open")).toBe("amber");
    expect(ageSignal(15, "open")).toBe("red");
    expect(ageSignal(15, "answered")).toBe("red");
    expect(ageSignal(30, "resolved")).toBe("none");
  });

  it("says how long it has waited", () => {
    expect(describeAge(0, "open")).toBe("今天提出");
    expect(describeAge(12, "open")).toBe("已等待 12 天");
    expect(describeAge(12, "answered")).toBe("已提出 12 天");
    expect(describeAge(3, "resolved")).toBe("历时 3 天解决");
    expect(describeAge(0, "resolved")).toBe("当天解决");
  });
});

describe("dispatch follow-up due day (调度事项)", () => {
  it("accepts only real calendar dates", () => {
    expect(isCalendarDate("2022-06-30")).toBe(true);
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2022-02-29")).toBe(false);
    expect(isCalendarDate("2022-06-31")).toBe(false);
    expect(isCalendarDate("2022-6-3")).toBe(false);
    expect(isCalendarDate("20220630")).toBe(false);
  });

  it("is due at the end of its day in Shanghai, across month ends", () => {
    expect(followUpDueAt("2022-06-30").toISOString()).toBe(at("2022-07-01T00:00+08:00").toISOString());
    expect(followUpDueAt("2022-12-31").toISOString()).toBe(at("2023-01-01T00:00+08:00").toISOString());
  });

  it("is red once the due day is over, amber within 3 days, nothing when closed", () => {
    expect(followUpSignal("2022-06-19", "open", at("2022-06-20T00:00+08:00"))).toBe("overdue");
    expect(followUpSignal("2022-06-19", "open", at("2022-06-19T23:59+08:00"))).toBe("due_soon");
    expect(followUpSignal("2022-06-22", "open", at("2022-06-20T10:00+08:00"))).toBe("due_soon");
    expect(followUpSignal("2022-06-30", "open", at("2022-06-20T10:00+08:00"))).toBe("open");
    expect(followUpSignal("2022-06-01", "closed", at("2022-06-20T10:00+08:00"))).toBeNull();
    expect(describeFollowUpDue("2022-06-17", "open", at("2022-06-20T10:00+08:00"))).toBe("已逾期 2 天 10 小时");
    expect(describeFollowUpDue("2022-06-17", "closed", at("2022-06-20T10:00+08:00"))).toBeNull();
  });
});
