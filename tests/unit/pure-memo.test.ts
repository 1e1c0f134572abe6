/** The memory of pure period arithmetic: the same answer, computed once, shared frozen, bounded. */
import { describe, expect, it } from "vitest";
import { pureMemo } from "@/lib/pure-memo";
import { periodOf } from "@/lib/periods";
import { cadenceDueAt, cadenceKeys, cadencePeriod } from "@/lib/reporting/cadence";
import { owedPeriodIndexes } from "@/lib/reporting/deadlines";

describe("pureMemo", () => {
  it("computes once per distinct arguments, telling apart arguments a joined key would confuse", () => {
    let calls = 0;
    const add = pureMemo((a: string, b: string) => {
      calls++;
      return `${a}+${b}`;
    });
    expect(add("1", "23")).toBe("1+23");
    expect(add("12", "3")).toBe("12+3");
    expect(add("1", "23")).toBe("1+23");
    expect(calls).toBe(2);
  });

  it("tells null, undefined and their string spellings apart", () => {
    const show = pureMemo((v: string | null | undefined) => String(v) + typeof v);
    expect(show(null)).toBe("nullobject");
    expect(show("null")).toBe("nullstring");
    expect(show(undefined)).toBe("undefinedundefined");
  });

  it("hands out frozen objects: a caller cannot change what others share", () => {
    const make = pureMemo((n: number) => ({ n }));
    const first = make(1);
    expect(make(1)).toBe(first);
    expect(() => {
      (first as { n: number }).n = 2;
    }).toThrow(TypeError);
  });

  it("forgets everything past its limit and still answers right", () => {
    let calls = 0;
    const square = pureMemo((n: number) => {
      calls++;
      return n * n;
    }, 3);
    for (const n of [1, 2, 3, 4, 1]) expect(square(n)).toBe(n * n);
    expect(calls).toBe(5); // the 4th entry cleared the memory, so 1 was computed again
  });

  it("does not remember a throw", () => {
    let calls = 0;
    const strict = pureMemo((n: number) => {
      calls++;
      if (n < 0) throw new RangeError("negative");
      return n;
    });
    expect(() => strict(-1)).toThrow(RangeError);
    expect(() => strict(-1)).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});

describe("remembered periods and due times", () => {
  it("periodOf shares one frozen period per year and index", () => {
    const june = periodOf(2022, 12);
    expect(periodOf(2022, 12)).toBe(june);
    expect(Object.isFrozen(june)).toBe(true);
    expect(periodOf(2023, 12)).not.toBe(june);
    expect(periodOf(2023, 12).label).toBe("2023年6月下半月");
    expect(() => periodOf(2022, 25)).toThrow(RangeError);
  });

  it("a final report's period and due time follow its own 完成时限; other cadences ignore it", () => {
    const a = cadencePeriod({ cadence: "final", year: 2022, dueOn: "2022-06-30" }, 12);
    const b = cadencePeriod({ cadence: "final", year: 2022, dueOn: "2022-06-20" }, 12);
    expect([a.endDate, b.endDate]).toEqual(["2022-06-30", "2022-06-20"]);
    expect(cadenceDueAt({ cadence: "final", year: 2022, dueOn: "2022-06-20" }, 12, 3).toISOString()).toBe("2022-06-20T16:00:00.000Z");
    expect(cadencePeriod({ cadence: "monthly", year: 2022, dueOn: "2022-06-20" }, 12)).toBe(cadencePeriod({ cadence: "monthly", year: 2022, dueOn: null }, 12));
    expect(cadenceKeys({ cadence: "final", year: 2022, dueOn: "2022-03-05" })).toEqual([5]);
  });

  it("a due time is a fresh Date each time: changing one changes no other", () => {
    const rule = { cadence: "half_monthly" as const, year: 2022 };
    const due = cadenceDueAt(rule, 11, 0);
    due.setTime(0);
    expect(cadenceDueAt(rule, 11, 0).toISOString()).toBe("2022-06-15T16:00:00.000Z");
  });

  it("owed periods depend on the start and the closing, not on moved due times", () => {
    const base = { year: 2022, reportingStartPeriod: 11, dueOffsetDays: 0, overrides: new Map<number, Date>() };
    expect(owedPeriodIndexes(base)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    expect(owedPeriodIndexes({ ...base, closedAfterPeriod: 13 })).toEqual([11, 12, 13]);
    expect(owedPeriodIndexes({ ...base, overrides: new Map([[12, new Date(0)]]) })).toEqual(owedPeriodIndexes(base));
    expect(owedPeriodIndexes({ ...base, cadence: "monthly" })).toEqual([12, 14, 16, 18, 20, 22, 24]);
  });
});
