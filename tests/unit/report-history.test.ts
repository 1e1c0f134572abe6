/** A task's report history cut at a period (the digest's "as of its half month"). */
import { describe, expect, it } from "vitest";
import { historyUpTo, type ReportHistory } from "@/lib/reporting/history";

const facts = (status: "submitted" | "draft") => ({ status, late: false, submittedAt: status === "submitted" ? new Date(0) : null });
const history: ReportHistory = {
  facts: Object.assign([], { 10: facts("submitted"), 11: facts("submitted"), 12: facts("draft"), 13: facts("submitted") }),
  latest: { periodIndex: 13, percent: 70, progressState: "on_track", late: false },
  counted: [
    { periodIndex: 13, percent: 70, progressState: "on_track", late: false },
    { periodIndex: 10, percent: 30, progressState: "on_track", late: false },
    { periodIndex: 11, percent: 38, progressState: "lagging", late: true },
  ],
};

describe("historyUpTo", () => {
  it("keeps the periods up to the key, and the latest counted report among them", () => {
    const cut = historyUpTo(history, 12);
    expect(Object.keys(cut.facts).map(Number)).toEqual([10, 11, 12]);
    expect(cut.latest).toEqual({ periodIndex: 11, percent: 38, progressState: "lagging", late: true });
    expect(cut.counted.map((r) => r.periodIndex).sort()).toEqual([10, 11]);
  });

  it("before any report: nothing; at or after the last: everything", () => {
    expect(historyUpTo(history, 9)).toEqual({ facts: [], latest: null, counted: [] });
    expect(historyUpTo(history, 13).latest).toEqual(history.latest);
    expect(historyUpTo(history, 124).counted).toHaveLength(3);
  });
});
