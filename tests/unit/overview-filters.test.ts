/** The overview's URL state: parsing never throws, a bad value is just not applied. */
import { describe, expect, it } from "vitest";
import { applyOverviewFilter, hasState, overviewQuery, parseOverviewSearch, type FilterableRow } from "@/lib/overview/filters";

describe("parseOverviewSearch", () => {
  it("reads period, leader, unit and state", () => {
    expect(parseOverviewSearch({ period: "11", leader: "3", unit: "25", state: "missing" })).toEqual({
      periodIndex: 11,
      leaderId: 3,
      unitId: 25,
      state: "missing",
    });
  });
  it("reads URLSearchParams (the export's query) the same way", () => {
    expect(parseOverviewSearch(new URLSearchParams("period=12&state=copied"))).toEqual({ periodIndex: 12, state: "copied" });
  });
  it("ignores blanks, garbage, out-of-range periods and unknown states", () => {
    expect(parseOverviewSearch({ period: "", leader: "", unit: "", state: "" })).toEqual({});
    expect(parseOverviewSearch({ period: "25", leader: "abc", unit: "-1", state: "drop table" })).toEqual({});
    expect(parseOverviewSearch({ period: "0", leader: "1.5", unit: "99999999999" })).toEqual({});
  });
  it("takes the first of repeated parameters", () => {
    expect(parseOverviewSearch({ period: ["11", "12"], unit: ["7"] })).toEqual({ periodIndex: 11, unitId: 7 });
  });
  it("round-trips through overviewQuery", () => {
    const filter = { periodIndex: 11, leaderId: 2, unitId: 9, state: "late" as const };
    expect(overviewQuery(filter)).toBe("period=11&leader=2&unit=9&state=late");
    expect(parseOverviewSearch(new URLSearchParams(overviewQuery(filter)))).toEqual(filter);
    expect(overviewQuery({})).toBe("");
  });
});

const row = (over: Partial<FilterableRow> = {}): FilterableRow => ({
  leaders: [{ id: 1 }],
  leadUnits: [{ id: 10 }],
  compliance: "on_time",
  progressState: "on_track",
  copyFlag: null,
  ...over,
});

describe("filtering rows", () => {
  const rows = [
    row(),
    row({ leaders: [{ id: 2 }], compliance: "missing", progressState: null }),
    row({ leadUnits: [{ id: 11 }, { id: 10 }], compliance: "late", progressState: "lagging" }),
    row({ leadUnits: [{ id: 11 }], compliance: "returned", progressState: "blocked", copyFlag: "near" }),
    row({ compliance: "closed", progressState: "lagging" }),
  ];
  it("scopes by leader and lead unit (co-led tasks count for each lead unit)", () => {
    expect(applyOverviewFilter(rows, { leaderId: 2 }).scoped).toHaveLength(1);
    expect(applyOverviewFilter(rows, { unitId: 11 }).scoped).toHaveLength(2);
    expect(applyOverviewFilter(rows, { unitId: 10, leaderId: 1 }).scoped).toHaveLength(3);
    expect(applyOverviewFilter(rows, { unitId: 999 }).scoped).toHaveLength(0);
  });
  it("narrows by state within the scope, counting as countCompliance counts", () => {
    expect(applyOverviewFilter(rows, { state: "missing" }).shown).toHaveLength(1);
    expect(applyOverviewFilter(rows, { unitId: 11, state: "late" }).shown).toHaveLength(1);
    expect(applyOverviewFilter(rows, { state: "copied" }).shown).toHaveLength(1);
    // A closed task is not counted lagging.
    expect(applyOverviewFilter(rows, { state: "lagging" }).shown).toHaveLength(1);
    expect(hasState(rows[4]!, "closed")).toBe(true);
    expect(applyOverviewFilter(rows, {}).shown).toHaveLength(5);
  });
});
