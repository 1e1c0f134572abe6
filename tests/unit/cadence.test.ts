/**
 * Cadences (lib/reporting/cadence.ts), the cadence-aware deadlines (lib/reporting/deadlines.ts) and a
 * task's periods under its cadence (lib/reporting/task-periods.ts): weeks of ordinary, Sunday-starting
 * and leap years, monthly keys and due times, the final report, owedFrom, closing, open periods.
 */
import { describe, expect, it } from "vitest";
import { periodOf, weeksInYear, FIRST_WEEK_INDEX } from "@/lib/periods";
import { cadenceDueAt, cadenceKeyAt, cadenceKeys, cadencePeriod, owedFrom, type CadenceRule } from "@/lib/reporting/cadence";
import { currentPeriodIndex, dueAtOf, isOpenPeriod, openPeriodIndexes, owedPeriodIndexes, periodWithDue, type PlanSchedule } from "@/lib/reporting/deadlines";
import {
  isCadenceKey,
  isClosedAt,
  isPeriodKey,
  keyForHalfMonth,
  keysEndingInHalfMonth,
  notInCadenceMessage,
  taskPeriodsNow,
} from "@/lib/reporting/task-periods";

const at = (iso: string) => new Date(iso);
const schedule = (over: Partial<PlanSchedule> = {}): PlanSchedule => ({ year: 2022, reportingStartPeriod: 1, dueOffsetDays: 0, overrides: new Map(), ...over });

describe("weeks", () => {
  it("2022 starts on a Saturday: week 1 is 1–2 January, weeks run Monday to Sunday, the last is clipped to 31 December", () => {
    expect(weeksInYear(2022)).toBe(53);
    const weekly: CadenceRule = { cadence: "weekly", year: 2022 };
    const keys = cadenceKeys(weekly);
    expect(keys[0]).toBe(FIRST_WEEK_INDEX);
    expect(keys).toHaveLength(53);
    expect(keys[52]).toBe(153);
    expect(cadencePeriod(weekly, 101)).toMatchObject({
      startDate: "2022-01-01",
      endDate: "2022-01-02",
      label: "2022年第1周（1月1日—1月2日）",
      shortLabel: "第1周",
    });
    expect(cadencePeriod(weekly, 102)).toMatchObject({ startDate: "2022-01-03", endDate: "2022-01-09" });
    expect(cadencePeriod(weekly, 153)).toMatchObject({ startDate: "2022-12-26", endDate: "2022-12-31" });
    // Monday 20 June 2022, 10:00 Shanghai: the 26th week, due Sunday 26 June 24:00.
    expect(cadenceKeyAt(weekly, at("2022-06-20T10:00+08:00"))).toBe(126);
    expect(periodOf(2022, 126).label).toBe("2022年第26周（6月20日—6月26日）");
    expect(cadenceDueAt(weekly, 126, 0)).toEqual(at("2022-06-27T00:00+08:00"));
    // Sunday 23:59 is still that week; Monday 00:00 the next.
    expect(cadenceKeyAt(weekly, at("2022-06-26T23:59+08:00"))).toBe(126);
    expect(cadenceKeyAt(weekly, at("2022-06-27T00:00+08:00"))).toBe(127);
  });

  it("2023 starts on a Sunday: week 1 is that one day", () => {
    expect(weeksInYear(2023)).toBe(53);
    const weekly: CadenceRule = { cadence: "weekly", year: 2023 };
    expect(cadencePeriod(weekly, 101)).toMatchObject({ startDate: "2023-01-01", endDate: "2023-01-01" });
    expect(cadencePeriod(weekly, 102)).toMatchObject({ startDate: "2023-01-02", endDate: "2023-01-08" });
    expect(cadencePeriod(weekly, 153)).toMatchObject({ startDate: "2023-12-25", endDate: "2023-12-31" });
    expect(cadenceKeyAt(weekly, at("2023-01-01T12:00+08:00"))).toBe(101);
    expect(cadenceKeyAt(weekly, at("2023-01-02T00:00+08:00"))).toBe(102);
  });

  it("a leap year: 2024 (from a Monday) ends with a two-day week 53; 2040 (a Sunday) has 54 weeks", () => {
    expect(weeksInYear(2024)).toBe(53);
    expect(cadencePeriod({ cadence: "weekly", year: 2024 }, 101)).toMatchObject({ startDate: "2024-01-01", endDate: "2024-01-07" });
    expect(cadencePeriod({ cadence: "weekly", year: 2024 }, 153)).toMatchObject({ startDate: "2024-12-30", endDate: "2024-12-31" });
    expect(cadenceKeyAt({ cadence: "weekly", year: 2024 }, at("2024-02-29T12:00+08:00"))).toBe(109);
    expect(weeksInYear(2040)).toBe(54);
    expect(cadencePeriod({ cadence: "weekly", year: 2040 }, 154)).toMatchObject({ startDate: "2040-12-31", endDate: "2040-12-31" });
    expect(isPeriodKey(154)).toBe(true);
    expect(isPeriodKey(155)).toBe(false);
  });
});

describe("monthly", () => {
  const monthly: CadenceRule = { cadence: "monthly", year: 2022 };

  it("keys are each month's second half (2 … 24), labelled by the month, due at the month's end", () => {
    expect(cadenceKeys(monthly)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(cadencePeriod(monthly, 12)).toMatchObject({ startDate: "2022-06-01", endDate: "2022-06-30", label: "2022年6月", shortLabel: "6月" });
    expect(cadenceDueAt(monthly, 12, 0)).toEqual(at("2022-07-01T00:00+08:00"));
    expect(cadenceDueAt(monthly, 12, 3)).toEqual(at("2022-07-04T00:00+08:00"));
    // The whole of June is key 12, its first half included.
    expect(cadenceKeyAt(monthly, at("2022-06-03T09:00+08:00"))).toBe(12);
    expect(cadenceKeyAt(monthly, at("2022-06-20T10:00+08:00"))).toBe(12);
  });

  it("February of a leap year is due on the 29th", () => {
    expect(cadencePeriod({ cadence: "monthly", year: 2024 }, 4)).toMatchObject({ endDate: "2024-02-29", label: "2024年2月" });
    expect(cadenceDueAt({ cadence: "monthly", year: 2024 }, 4, 0)).toEqual(at("2024-03-01T00:00+08:00"));
  });

  it("6月上半月 (key 11) is not a monthly key: refused with a Chinese message", () => {
    const s = schedule({ cadence: "monthly" });
    expect(isCadenceKey(s, 12)).toBe(true);
    expect(isCadenceKey(s, 11)).toBe(false);
    expect(isCadenceKey(s, 126)).toBe(false);
    expect(notInCadenceMessage(s, 11)).toBe("该任务每月报送，没有「2022年6月上半月」这一期");
    expect(isCadenceKey(schedule({ cadence: "weekly" }), 126)).toBe(true);
    expect(isCadenceKey(schedule(), 126)).toBe(false);
  });
});

describe("final (到期一次报送)", () => {
  it("one key, the half month of 完成时限, due that day at 24:00 whatever the plan's offset", () => {
    const rule: CadenceRule = { cadence: "final", year: 2022, dueOn: "2022-08-10" };
    expect(cadenceKeys(rule)).toEqual([15]);
    expect(cadencePeriod(rule, 15)).toMatchObject({ endDate: "2022-08-10", label: "2022年到期报告（8月10日前）" });
    expect(cadenceDueAt(rule, 15, 5)).toEqual(at("2022-08-11T00:00+08:00"));
    const s = schedule({ cadence: "final", dueOn: "2022-08-10", dueOffsetDays: 5 });
    expect(dueAtOf(s, 15)).toEqual(at("2022-08-11T00:00+08:00"));
    // Open all year long, from its start.
    expect(openPeriodIndexes(s, at("2022-03-01T10:00+08:00"))).toEqual([15]);
    expect(openPeriodIndexes(s, at("2021-12-31T10:00+08:00"))).toEqual([]);
  });

  it("no 完成时限: the year's last day", () => {
    const rule: CadenceRule = { cadence: "final", year: 2022, dueOn: null };
    expect(cadenceKeys(rule)).toEqual([24]);
    expect(cadenceDueAt(rule, 24, 0)).toEqual(at("2023-01-01T00:00+08:00"));
  });
});

describe("owedFrom and closing", () => {
  it("a month or week is owed when it ends on or after the plan's first reporting half month starts", () => {
    const monthly: CadenceRule = { cadence: "monthly", year: 2022 };
    expect(owedFrom(monthly, 10, 11)).toBe(false); // May ends before 1 June
    expect(owedFrom(monthly, 12, 11)).toBe(true);
    expect(owedFrom(monthly, 12, 12)).toBe(true); // June ends after 16 June
    const weekly: CadenceRule = { cadence: "weekly", year: 2022 };
    expect(cadencePeriod(weekly, 123)).toMatchObject({ startDate: "2022-05-30", endDate: "2022-06-05" });
    expect(owedFrom(weekly, 123, 11)).toBe(true);
    expect(owedFrom(weekly, 122, 11)).toBe(false);
    expect(owedPeriodIndexes(schedule({ cadence: "monthly", reportingStartPeriod: 11 }))).toEqual([12, 14, 16, 18, 20, 22, 24]);
  });

  it("closed after a half month: a monthly task still owes the month holding it, nothing after", () => {
    const s = schedule({ cadence: "monthly", closedAfterPeriod: 11 });
    expect(owedPeriodIndexes(s)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(isClosedAt(s, 12)).toBe(false);
    expect(isClosedAt(s, 14)).toBe(true);
    const half = schedule({ closedAfterPeriod: 10 });
    expect(isClosedAt(half, 10)).toBe(false);
    expect(isClosedAt(half, 11)).toBe(true);
    expect(isClosedAt(schedule(), 24)).toBe(false);
  });
});

describe("open periods and the period being written", () => {
  const june20 = at("2022-06-20T10:00+08:00");

  it("half-monthly from the first reporting period up to now; monthly and weekly by their own keys", () => {
    expect(openPeriodIndexes(schedule({ reportingStartPeriod: 9 }), june20)).toEqual([9, 10, 11, 12]);
    expect(openPeriodIndexes(schedule({ cadence: "monthly" }), june20)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(currentPeriodIndex(schedule({ cadence: "monthly" }), june20)).toBe(12);
    expect(isOpenPeriod(schedule({ cadence: "monthly" }), 11, june20)).toBe(false);
    expect(isOpenPeriod(schedule({ cadence: "monthly" }), 14, june20)).toBe(false);
    const weekly = openPeriodIndexes(schedule({ cadence: "weekly", reportingStartPeriod: 12 }), june20);
    expect(weekly).toEqual([125, 126]); // 13–19 June (ends after 16 June) and this week
    expect(taskPeriodsNow(schedule({ cadence: "weekly", reportingStartPeriod: 12 }), june20)).toEqual({ open: [125, 126], current: 126 });
    expect(taskPeriodsNow(schedule({ reportingStartPeriod: 13 }), june20)).toEqual({ open: [], current: null });
  });

  it("a closed task keeps its later keys open to show them 已销号; the schedule itself owes none", () => {
    const s = schedule({ closedAfterPeriod: 10 });
    expect(taskPeriodsNow(s, june20).current).toBe(12);
    expect(openPeriodIndexes(s, june20)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("an override moves a single key's due time", () => {
    const s = schedule({ cadence: "monthly", overrides: new Map([[12, at("2022-07-05T18:00+08:00")]]) });
    expect(periodWithDue(s, 12)).toMatchObject({ label: "2022年6月", dueAt: at("2022-07-05T18:00+08:00") });
    expect(dueAtOf(s, 10)).toEqual(at("2022-06-01T00:00+08:00"));
  });
});

describe("the period a half month stands for under a task's cadence", () => {
  const june20 = at("2022-06-20T10:00+08:00");

  it("half-monthly: itself; monthly: the month in its second half only; final: the half month of its due date", () => {
    expect(keyForHalfMonth(schedule(), 11, june20)).toBe(11);
    expect(keyForHalfMonth(schedule({ cadence: "monthly" }), 12, june20)).toBe(12);
    expect(keyForHalfMonth(schedule({ cadence: "monthly" }), 11, june20)).toBeNull();
    expect(keyForHalfMonth(schedule({ cadence: "final", dueOn: "2022-08-10" }), 15, june20)).toBe(15);
    expect(keyForHalfMonth(schedule({ cadence: "final", dueOn: "2022-08-10" }), 12, june20)).toBeNull();
  });

  it("weekly: the latest week ending in the half month that has started, else the first", () => {
    // 16–30 June: weeks ending 19 and 26 June; on 20 June the week of the 26th is being written.
    expect(keysEndingInHalfMonth(2022, 12)).toEqual([12, 125, 126]);
    expect(keyForHalfMonth(schedule({ cadence: "weekly" }), 12, june20)).toBe(126);
    expect(keyForHalfMonth(schedule({ cadence: "weekly" }), 11, june20)).toBe(124); // weeks ending 5 and 12 June: the later
    expect(keyForHalfMonth(schedule({ cadence: "weekly" }), 13, june20)).toBe(127); // July's first half, not started: its first week (ends 3 July)
  });
});
