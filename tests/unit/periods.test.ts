import { describe, expect, it } from "vitest";
import { daysInMonth, deadlineSignal, defaultDueAt, describeTimeLeft, formatDue, periodAt, periodOf, periodsOfYear, previousPeriod } from "@/lib/periods";

describe("half-month periods", () => {
  it("cuts a year into 24 periods: 1st–15th and 16th–month end", () => {
    const periods = periodsOfYear(2022);
    expect(periods).toHaveLength(24);
    expect(periods[0]).toMatchObject({ index: 1, month: 1, half: 1, startDate: "2022-01-01", endDate: "2022-01-15", label: "2022年1月上半月" });
    expect(periods[1]).toMatchObject({ index: 2, month: 1, half: 2, startDate: "2022-01-16", endDate: "2022-01-31", label: "2022年1月下半月" });
    expect(periods[23]).toMatchObject({ index: 24, month: 12, half: 2, startDate: "2022-12-16", endDate: "2022-12-31" });
  });

  it("ends the second half on the month's last day: 28, 29, 30 and 31", () => {
    expect(periodOf(2022, 4).endDate).toBe("2022-02-28");
    expect(periodOf(2024, 4).endDate).toBe("2024-02-29");
    expect(periodOf(2000, 4).endDate).toBe("2000-02-29");
    expect(periodOf(2100, 4).endDate).toBe("2100-02-28");
    expect(periodOf(2022, 8).endDate).toBe("2022-04-30");
    expect(periodOf(2022, 14).endDate).toBe("2022-07-31");
    expect([2, 4, 6, 9, 11].map((m) => daysInMonth(2022, m))).toEqual([28, 30, 30, 30, 30]);
  });

  it("refuses an index outside 1–24", () => {
    expect(() => periodOf(2022, 0)).toThrow(RangeError);
    expect(() => periodOf(2022, 25)).toThrow(RangeError);
  });

  it("finds the period of an instant in Shanghai time, not UTC", () => {
    // 2022-06-15 23:30 in Shanghai is 15:30 UTC: still the first half of June.
    expect(periodAt(new Date("2022-06-15T15:30:00Z")).index).toBe(11);
    // 2022-06-16 00:10 in Shanghai is 2022-06-15 16:10 UTC: the second half.
    expect(periodAt(new Date("2022-06-15T16:10:00Z")).index).toBe(12);
    // New year's eve at 23:59 Shanghai, and a minute later.
    expect(periodAt(new Date("2022-12-31T15:59:00Z"))).toMatchObject({ year: 2022, index: 24 });
    expect(periodAt(new Date("2022-12-31T16:00:00Z"))).toMatchObject({ year: 2023, index: 1 });
    expect(periodAt(new Date("2024-02-29T12:00:00+08:00"))).toMatchObject({ year: 2024, index: 4 });
  });

  it("is due on the last day at 24:00 Shanghai by default, later with an offset", () => {
    expect(defaultDueAt(periodOf(2022, 11)).toISOString()).toBe("2022-06-15T16:00:00.000Z");
    expect(defaultDueAt(periodOf(2022, 4)).toISOString()).toBe("2022-02-28T16:00:00.000Z");
    expect(defaultDueAt(periodOf(2024, 4)).toISOString()).toBe("2024-02-29T16:00:00.000Z");
    expect(defaultDueAt(periodOf(2022, 24)).toISOString()).toBe("2022-12-31T16:00:00.000Z");
    expect(defaultDueAt(periodOf(2022, 11), { offsetDays: 2 }).toISOString()).toBe("2022-06-17T16:00:00.000Z");
    expect(formatDue(defaultDueAt(periodOf(2022, 11)))).toBe("6月15日 24:00");
    expect(formatDue(new Date("2022-06-17T10:30:00+08:00"))).toBe("6月17日 10:30");
  });

  it("knows the previous period within the year", () => {
    expect(previousPeriod(periodOf(2022, 13))?.index).toBe(12);
    expect(previousPeriod(periodOf(2022, 1))).toBeNull();
  });
});

describe("deadline signals", () => {
  const due = new Date("2022-06-16T00:00:00+08:00");
  it("is red when past, amber within 3 days, otherwise open", () => {
    expect(deadlineSignal(due, new Date("2022-06-16T00:00:01+08:00"))).toBe("overdue");
    expect(deadlineSignal(due, due)).toBe("overdue");
    expect(deadlineSignal(due, new Date("2022-06-13T00:00:00+08:00"))).toBe("due_soon");
    expect(deadlineSignal(due, new Date("2022-06-12T23:59:59+08:00"))).toBe("open");
  });
  it("says how long is left or how late it is", () => {
    expect(describeTimeLeft(due, new Date("2022-06-13T19:00:00+08:00"))).toBe("还剩 2 天 5 小时");
    expect(describeTimeLeft(due, new Date("2022-06-15T23:30:00+08:00"))).toBe("还剩 不到 1 小时");
    expect(describeTimeLeft(due, new Date("2022-06-19T00:00:00+08:00"))).toBe("已逾期 3 天");
  });
});
