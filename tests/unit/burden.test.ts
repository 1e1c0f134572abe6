/** 减负: the pure rules of the burden meter — months and half months, fields, a unit's monthly load, the 提醒线 and the projection. */
import { describe, expect, it } from "vitest";
import { INPUT_FORM_FIELDS, REPORT_FORM_FIELDS, reportFields } from "@/lib/burden/fields";
import { computeLoads, keysInMonth, loadCauses, type Duty } from "@/lib/burden/load";
import { halvesOf, monthAt, monthOfHalf, monthRange, parseMonth } from "@/lib/burden/month";
import { BurdenWarningError, projectBurden, projectReminders } from "@/lib/burden/projection";
import { breachesOf, NO_THRESHOLDS, readThresholds } from "@/lib/burden/thresholds";
import { burdenWarningOf } from "@/lib/burden/warning";
import { REPORT_FIELD_LABEL } from "@/lib/reporting/schemas";
import type { PlanSchedule } from "@/lib/reporting/deadlines";

const schedule = (over: Partial<PlanSchedule> = {}): PlanSchedule => ({ year: 2022, reportingStartPeriod: 1, dueOffsetDays: 0, overrides: new Map(), ...over });

const duty = (unitId: number, kind: Duty["kind"], taskId: number, over: Partial<PlanSchedule> = {}, indicators = 0): Duty => ({
  taskId,
  seq: taskId,
  content: `任务${taskId}`,
  planId: 1,
  unitId,
  unitName: `单位${unitId}`,
  kind,
  schedule: schedule(over),
  indicators,
});

describe("the month the meter counts", () => {
  it("a calendar month in Shanghai is its two half months", () => {
    const [first, second] = halvesOf({ year: 2022, month: 6 });
    expect([first.index, first.startDate, first.endDate]).toEqual([11, "2022-06-01", "2022-06-15"]);
    expect([second.index, second.startDate, second.endDate]).toEqual([12, "2022-06-16", "2022-06-30"]);
    expect(monthOfHalf(2022, 12)).toEqual({ year: 2022, month: 6 });
    expect(monthOfHalf(2022, 13)).toEqual({ year: 2022, month: 7 });
  });

  it("the month of a moment is Shanghai's: 23:30 UTC on 31 May is already June", () => {
    expect(monthAt(new Date("2022-05-31T23:30:00Z"))).toEqual({ year: 2022, month: 6 });
    const { from, to } = monthRange({ year: 2022, month: 12 });
    expect(from.toISOString()).toBe("2022-11-30T16:00:00.000Z");
    expect(to.toISOString()).toBe("2022-12-31T16:00:00.000Z");
  });

  it("parses the month picker's value and refuses anything else", () => {
    expect(parseMonth("2022-06")).toEqual({ year: 2022, month: 6 });
    for (const bad of ["2022-13", "2022-6", "06-2022", "", null, undefined, "2022-00"]) expect(parseMonth(bad)).toBeNull();
  });
});

describe("fields a unit fills", () => {
  it("a report is the report form's fields plus one per confirmed indicator; an input is one field", () => {
    expect(REPORT_FORM_FIELDS).toBe(Object.keys(REPORT_FIELD_LABEL).length);
    expect(REPORT_FORM_FIELDS).toBe(6);
    expect(reportFields(3)).toBe(9);
    expect(INPUT_FORM_FIELDS).toBe(1);
  });
});

describe("what a task owes in a month, under its own cadence", () => {
  const june = { year: 2022, month: 6 };
  it("half-monthly: both halves; monthly: the month; final: only the month of its due date; weekly: the weeks ending in it", () => {
    expect(keysInMonth(schedule(), june)).toEqual([11, 12]);
    expect(keysInMonth(schedule({ cadence: "monthly" }), june)).toEqual([12]);
    expect(keysInMonth(schedule({ cadence: "final", dueOn: "2022-06-30" }), june)).toEqual([12]);
    expect(keysInMonth(schedule({ cadence: "final", dueOn: "2022-09-30" }), june)).toEqual([]);
    expect(keysInMonth(schedule({ cadence: "weekly" }), june)).toHaveLength(4); // weeks ending 5, 12, 19 and 26 June
  });

  it("nothing before the first reporting period, nothing after closing, nothing in another year", () => {
    expect(keysInMonth(schedule({ reportingStartPeriod: 12 }), june)).toEqual([12]);
    expect(keysInMonth(schedule({ reportingStartPeriod: 13 }), june)).toEqual([]);
    expect(keysInMonth(schedule({ closedAfterPeriod: 11 }), june)).toEqual([11]);
    expect(keysInMonth(schedule(), { year: 2023, month: 6 })).toEqual([]);
  });
});

describe("a unit's load in a month", () => {
  const june = { year: 2022, month: 6 };
  const inputs = Array.from({ length: 20 }, (_, i) => duty(1, "input", 100 + i));
  const loads = computeLoads({
    month: june,
    duties: [...inputs, duty(2, "report", 1, {}, 2), duty(2, "report", 2, { cadence: "monthly" }), duty(2, "input", 3)],
    reminders: new Map([
      [2, 3],
      [3, 1],
    ]),
    messages: new Map([[1, 12]]),
    unitNames: new Map([
      [1, "乌兰镇"],
      [2, "农牧局"],
      [3, "交通局"],
    ]),
  });

  it("counts reports and inputs owed, fields, reminders and messages; heaviest first", () => {
    expect(loads.map((l) => [l.unitName, l.owed, l.reports, l.inputs, l.fields, l.reminders, l.messages])).toEqual([
      ["乌兰镇", 40, 0, 40, 40, 0, 12],
      ["农牧局", 5, 3, 2, 2 * 8 + 6 + 2, 3, 0],
      ["交通局", 0, 0, 0, 0, 1, 0],
    ]);
  });

  it("spells out the causes", () => {
    expect(loadCauses(loads[0]!)).toEqual(["配合 20 项任务：每半月 20 份配合进展，本月共 40 份", "须填写 40 个栏目", "消息 12 条"]);
    expect(loadCauses(loads[1]!)).toEqual([
      "牵头 2 项任务：每半月 1 份进展报告、每月 1 份进展报告，本月共 3 份",
      "配合 1 项任务：每半月 1 份配合进展，本月共 2 份",
      "须填写 24 个栏目",
      "收到催办 3 次",
    ]);
  });
});

describe("the 提醒线", () => {
  it("reads the stored setting defensively: anything but a positive whole number is no limit", () => {
    expect(readThresholds(undefined)).toEqual(NO_THRESHOLDS);
    expect(readThresholds({ maxOwed: 40, maxReminders: "3" })).toEqual({ maxOwed: 40, maxReminders: null });
    expect(readThresholds({ maxOwed: -1, maxReminders: 2.5 })).toEqual(NO_THRESHOLDS);
  });

  it("a unit passes a line when strictly above it", () => {
    const t = { maxOwed: 40, maxReminders: 2 };
    expect(breachesOf({ owed: 40, reminders: 2 }, t)).toEqual([]);
    expect(breachesOf({ owed: 41, reminders: 3 }, t)).toEqual(["owed", "reminders"]);
    expect(breachesOf({ owed: 1000, reminders: 1000 }, NO_THRESHOLDS)).toEqual([]);
  });
});

describe("the projection before publishing", () => {
  const june = { year: 2022, month: 6 };
  const current = computeLoads({
    month: june,
    duties: Array.from({ length: 19 }, (_, i) => duty(1, "input", 100 + i)),
    reminders: new Map(),
    messages: new Map(),
    unitNames: new Map([[1, "乌兰镇"]]),
  });
  const currentLoads = new Map([["2022年6月", new Map(current.map((l) => [l.unitId, l]))]]);

  it("names the units the change pushes past the line, with their figures", () => {
    const warning = projectBurden({
      months: [june],
      currentLoads,
      added: [duty(1, "input", 500), duty(2, "report", 500)],
      thresholds: { maxOwed: 39, maxReminders: null },
    });
    expect(warning?.units).toEqual([{ unitId: 1, unitName: "乌兰镇", month: "2022年6月", before: 38, added: 2, after: 40, limit: 39 }]);
    expect(warning?.message).toBe("以下单位将超过负担提醒线：乌兰镇：2022年6月应报 40 项（现 38 项，新增 2 项；提醒线 39 项）");
  });

  it("no limit set, nothing added or nobody past the line: no warning", () => {
    const added = [duty(1, "input", 500)];
    expect(projectBurden({ months: [june], currentLoads, added, thresholds: NO_THRESHOLDS })).toBeNull();
    expect(projectBurden({ months: [june], currentLoads, added: [], thresholds: { maxOwed: 1, maxReminders: null } })).toBeNull();
    expect(projectBurden({ months: [june], currentLoads, added, thresholds: { maxOwed: 40, maxReminders: null } })).toBeNull();
    // A task that owes nothing in the month (due in September, one final report) adds nothing.
    expect(
      projectBurden({
        months: [june],
        currentLoads,
        added: [duty(1, "report", 501, { cadence: "final", dueOn: "2022-09-30" })],
        thresholds: { maxOwed: 38, maxReminders: null },
      }),
    ).toBeNull();
  });

  it("the refusal carries the warning to the form", () => {
    const warning = projectBurden({ months: [june], currentLoads, added: [duty(1, "input", 500)], thresholds: { maxOwed: 38, maxReminders: null } })!;
    const error = new BurdenWarningError(warning);
    expect(error.code).toBe("conflict");
    expect(error.message).toContain("以下单位将超过负担提醒线：乌兰镇");
    expect(burdenWarningOf(error.current)).toEqual(warning);
    expect(burdenWarningOf({ other: 1 })).toBeNull();
    expect(burdenWarningOf(null)).toBeNull();
  });
});

describe("the projection before 催办", () => {
  const june = { year: 2022, month: 6 };
  const reminded = [
    { unitId: 1, unitName: "乌兰镇" },
    { unitId: 2, unitName: "交通局" },
  ];
  const current = new Map([
    [1, 2],
    [2, 1],
  ]);

  it("names the units whose reminders this month would pass the line", () => {
    const warning = projectReminders({ month: june, current, reminded, thresholds: { maxOwed: null, maxReminders: 2 } });
    expect(warning?.units).toEqual([{ measure: "reminders", unitId: 1, unitName: "乌兰镇", month: "2022年6月", before: 2, added: 1, after: 3, limit: 2 }]);
    expect(warning?.message).toBe("以下单位将超过负担提醒线：乌兰镇：2022年6月收到催办 3 次（现 2 次，新增 1 次；提醒线 2 次）");
  });

  it("no line on reminders, or nobody past it: no warning", () => {
    expect(projectReminders({ month: june, current, reminded, thresholds: { maxOwed: 1, maxReminders: null } })).toBeNull();
    expect(projectReminders({ month: june, current, reminded, thresholds: { maxOwed: null, maxReminders: 3 } })).toBeNull();
  });
});
