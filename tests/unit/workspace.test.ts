/** The workspace's pure rules (lib/reporting): input states, deadline signals, ordering, how a unit stands to a task. */
import { describe, expect, it } from "vitest";
import { classifyRelation, compareBySignal, signalOf } from "@/lib/reporting/work-state";
import { contributionDisplayState, isSaved, reportDisplayState } from "@/lib/reporting/workflow";

const DUE = new Date("2022-06-30T16:00:00Z"); // 6月30日 24:00 Shanghai
const at = (iso: string) => new Date(iso);

describe("input and report states", () => {
  it("a contribution: missing, draft, submitted, submitted late; a row never saved counts as missing", () => {
    expect(contributionDisplayState(null)).toBe("missing");
    expect(contributionDisplayState({ status: "draft", late: null, version: 0 })).toBe("missing");
    expect(contributionDisplayState({ status: "draft", late: null, version: 3 })).toBe("draft");
    expect(contributionDisplayState({ status: "submitted", late: false, version: 1 })).toBe("submitted");
    expect(contributionDisplayState({ status: "submitted", late: true, version: 2 })).toBe("submitted_late");
  });

  it("version 0 = never saved: a row created to lock its period is not a saved one", () => {
    expect(isSaved(null)).toBe(false);
    expect(isSaved(undefined)).toBe(false);
    expect(isSaved({ version: 0 })).toBe(false);
    expect(isSaved({ version: 1 })).toBe(true);
    expect(isSaved({ version: 7 })).toBe(true);
  });

  it("a report row as shown", () => {
    expect(reportDisplayState(undefined)).toBe("missing");
    expect(reportDisplayState({ status: "draft", late: null, version: 0 })).toBe("missing");
    expect(reportDisplayState({ status: "pending_approval", late: null, version: 2 })).toBe("pending_approval");
    expect(reportDisplayState({ status: "submitted", late: true, version: 2 })).toBe("submitted_late");
    expect(reportDisplayState({ status: "returned", late: false, version: 4 })).toBe("returned");
    expect(reportDisplayState({ status: "accepted", late: true, version: 4 })).toBe("accepted");
  });
});

describe("deadline signals", () => {
  it("red after the due time, amber within 3 days, none once filed", () => {
    expect(signalOf("missing", DUE, at("2022-06-20T02:00:00Z"))).toBe("open");
    expect(signalOf("draft", DUE, at("2022-06-27T16:00:01Z"))).toBe("due_soon");
    expect(signalOf("returned", DUE, at("2022-06-30T16:00:00Z"))).toBe("overdue");
    expect(signalOf("pending_approval", DUE, at("2022-07-02T00:00:00Z"))).toBe("overdue");
    for (const filed of ["submitted", "submitted_late", "accepted"] as const) expect(signalOf(filed, DUE, at("2022-07-02T00:00:00Z"))).toBeNull();
  });

  it("overdue first, then due soon, then open, then filed; by task number within each", () => {
    const items = [
      { seq: 1, signal: null },
      { seq: 9, signal: "open" as const },
      { seq: 3, signal: "overdue" as const },
      { seq: 2, signal: "due_soon" as const },
      { seq: 4, signal: "overdue" as const },
      { seq: 5, signal: "open" as const },
    ];
    expect([...items].sort(compareBySignal).map((i) => i.seq)).toEqual([3, 4, 2, 5, 9, 1]);
  });
});

describe("how a unit stands to a task", () => {
  const none = { overall: false, leadNamed: false, leadAll: false, cooperatingNamed: false, cooperatingAll: false };
  it("named as lead unit: counted as lead, files the report, owes no input even if also named cooperating", () => {
    expect(classifyRelation({ ...none, leadNamed: true, cooperatingNamed: true })).toEqual({
      leads: true,
      cooperates: false,
      files: true,
      contributes: false,
      collected: false,
    });
  });
  it("named as cooperating unit (directly or through 各苏木镇): owes an input", () => {
    expect(classifyRelation({ ...none, cooperatingNamed: true })).toEqual({
      leads: false,
      cooperates: true,
      files: false,
      contributes: true,
      collected: false,
    });
  });
  it("named as cooperating unit, its input collected by the lead unit (由牵头单位汇总): cooperates, owes nothing", () => {
    expect(classifyRelation({ ...none, cooperatingNamed: true, inputCollected: true })).toEqual({
      leads: false,
      cooperates: true,
      files: false,
      contributes: false,
      collected: true,
    });
  });
  it("only through 各地各部门: counted as cooperating, owes nothing", () => {
    expect(classifyRelation({ ...none, cooperatingAll: true })).toEqual({ leads: false, cooperates: true, files: false, contributes: false, collected: false });
  });
  it("the overall row (全面负责, 各地各部门 as lead): counted as cooperating, no report, no input", () => {
    expect(classifyRelation({ ...none, overall: true, leadAll: true, cooperatingAll: true })).toEqual({
      leads: false,
      cooperates: true,
      files: false,
      contributes: false,
      collected: false,
    });
  });
});
