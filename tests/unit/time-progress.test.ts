import { describe, expect, it } from "vitest";
import { taskSpan, timeProgress } from "@/lib/reporting/time-progress";

const at = (iso: string) => new Date(iso);

describe("序时进度 (time progress of a task's span)", () => {
  it("runs over the plan year by default, in Shanghai time", () => {
    expect(timeProgress(2022, null, at("2022-01-01T00:00+08:00"))).toBe(0);
    expect(timeProgress(2022, null, at("2021-12-31T23:59+08:00"))).toBe(0);
    // 2022-07-02 12:00 is half of 365 days.
    expect(timeProgress(2022, null, at("2022-07-02T12:00+08:00"))).toBe(50);
    expect(timeProgress(2022, null, at("2023-01-01T00:00+08:00"))).toBe(100);
    expect(timeProgress(2022, null, at("2023-05-01T00:00+08:00"))).toBe(100);
  });
  it("ends with the task's 完成时限 when it has one (6月底前: 181 days)", () => {
    expect(taskSpan(2022, "2022-06-30").end.toISOString()).toBe("2022-06-30T16:00:00.000Z");
    expect(timeProgress(2022, "2022-06-30", at("2022-06-30T23:59+08:00"))).toBe(100);
    expect(timeProgress(2022, "2022-06-30", at("2022-04-01T00:00+08:00"))).toBe(49.7); // 90 of 181 days
  });
  it("the demo moment, 2022-06-20 10:00, is 46.7% of the year (170 days 10 hours of 365)", () => {
    expect(timeProgress(2022, null, at("2022-06-20T10:00+08:00"))).toBe(46.7);
  });
  it("ignores a malformed or earlier-than-the-year 完成时限", () => {
    expect(timeProgress(2022, "2022-13-40x", at("2022-07-02T12:00+08:00"))).toBe(50);
    expect(timeProgress(2022, "2021-06-30", at("2022-07-02T12:00+08:00"))).toBe(50);
  });
});
