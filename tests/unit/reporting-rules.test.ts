import { describe, expect, it } from "vitest";
import type { ReportStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { currentPeriodIndex, dueAtOf, isOpenPeriod, openPeriodIndexes } from "@/lib/reporting/deadlines";
import { submittedReportSchema } from "@/lib/reporting/schemas";
import { isLate, isOwed, mayActOnReport, reportDisplayState, statusAfterSubmit, type ReportAction } from "@/lib/reporting/workflow";

const base: Actor = {
  userId: 1,
  username: "x",
  displayName: "x",
  role: "unit",
  unitId: 3,
  unitRole: "filer",
  leaderId: null,
  overseesAll: false,
  mustChangePassword: false,
};
const filer = base;
const head: Actor = { ...base, unitRole: "head" };
const supervisor: Actor = { ...base, role: "supervisor", unitId: null, unitRole: null };
const leader: Actor = { ...base, role: "leader", unitId: null, unitRole: null, leaderId: 2 };
const lead = { isLeadUnit: true, unitRequiresSignOff: true };
const notLead = { isLeadUnit: false, unitRequiresSignOff: true };

describe("who may act on a report in which state", () => {
  const cases: [string, Actor, typeof lead, ReportStatus | null, ReportAction, boolean][] = [
    ["filer edits a new report", filer, lead, null, "edit", true],
    ["filer edits a draft", filer, lead, "draft", "edit", true],
    ["filer edits a returned report", filer, lead, "returned", "edit", true],
    ["filer cannot edit while it waits for the head", filer, lead, "pending_approval", "edit", false],
    ["filer cannot edit a submitted report", filer, lead, "submitted", "edit", false],
    ["another unit cannot edit", filer, notLead, "draft", "edit", false],
    ["a leader cannot edit", leader, lead, "draft", "edit", false],
    ["the supervision office cannot edit", supervisor, lead, "draft", "edit", false],
    ["head approves a pending report", head, lead, "pending_approval", "approve", true],
    ["filer cannot approve", filer, lead, "pending_approval", "approve", false],
    ["another unit's head cannot approve", head, notLead, "pending_approval", "approve", false],
    ["head cannot approve a draft", head, lead, "draft", "approve", false],
    ["head returns to the filer", head, lead, "pending_approval", "return_to_filer", true],
    ["filer withdraws a report waiting for the head", filer, lead, "pending_approval", "withdraw", true],
    ["filer cannot withdraw a submitted report", filer, lead, "submitted", "withdraw", false],
    ["filer cannot withdraw a draft", filer, lead, "draft", "withdraw", false],
    ["the head returns instead of withdrawing", head, lead, "pending_approval", "withdraw", false],
    ["another unit's filer cannot withdraw", filer, notLead, "pending_approval", "withdraw", false],
    ["the supervision office cannot withdraw", supervisor, lead, "pending_approval", "withdraw", false],
    ["supervision office accepts a submitted report", supervisor, notLead, "submitted", "accept", true],
    ["supervision office cannot accept a draft", supervisor, notLead, "draft", "accept", false],
    ["a unit head cannot accept", head, lead, "submitted", "accept", false],
    ["supervision office returns a submitted report", supervisor, notLead, "submitted", "return", true],
    ["supervision office returns an accepted report", supervisor, notLead, "accepted", "return", true],
    ["supervision office cannot return a pending report", supervisor, notLead, "pending_approval", "return", false],
  ];
  it.each(cases)("%s", (_name, actor, relation, status, action, expected) => {
    expect(mayActOnReport(actor, relation, status, action)).toBe(expected);
  });
});

describe("submitting", () => {
  it("a filer's submission goes to the head where sign-off is required", () => {
    expect(statusAfterSubmit(filer, lead)).toBe("pending_approval");
    expect(statusAfterSubmit(filer, { ...lead, unitRequiresSignOff: false })).toBe("submitted");
    expect(statusAfterSubmit(head, lead)).toBe("submitted");
  });
  it("is late only after the due time", () => {
    const due = new Date("2022-06-16T00:00:00+08:00");
    expect(isLate(new Date("2022-06-15T23:59:59+08:00"), due)).toBe(false);
    expect(isLate(due, due)).toBe(false);
    expect(isLate(new Date("2022-06-16T00:00:01+08:00"), due)).toBe(true);
  });
  it("shows the state people use", () => {
    expect(reportDisplayState(null)).toBe("missing");
    expect(reportDisplayState({ status: "submitted", late: true, version: 1 })).toBe("submitted_late");
    expect(reportDisplayState({ status: "submitted", late: false, version: 1 })).toBe("submitted");
    expect(reportDisplayState({ status: "returned", late: false, version: 2 })).toBe("returned");
    expect(["missing", "draft", "pending_approval", "returned"].every((s) => isOwed(s as never))).toBe(true);
    expect(isOwed("submitted_late")).toBe(false);
  });
});

describe("the periods open for reporting", () => {
  const schedule = { year: 2022, reportingStartPeriod: 5, dueOffsetDays: 0, overrides: new Map([[12, new Date("2022-06-20T18:00:00+08:00")]]) };
  const at = new Date("2022-06-20T10:00:00+08:00");
  it("runs from the plan's first reporting period to the current one", () => {
    expect(currentPeriodIndex(schedule, at)).toBe(12);
    expect(openPeriodIndexes(schedule, at)).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    expect(isOpenPeriod(schedule, 4, at)).toBe(false);
    expect(isOpenPeriod(schedule, 13, at)).toBe(false);
    expect(currentPeriodIndex(schedule, new Date("2023-01-05T00:00:00+08:00"))).toBe(24);
    expect(currentPeriodIndex(schedule, new Date("2021-12-05T00:00:00+08:00"))).toBe(0);
  });
  it("uses a period's moved due time", () => {
    expect(dueAtOf(schedule, 12).toISOString()).toBe("2022-06-20T10:00:00.000Z");
    expect(dueAtOf(schedule, 11).toISOString()).toBe("2022-06-15T16:00:00.000Z");
  });
});

describe("the report form's rules", () => {
  const valid = { progress: "完成路基 30 公里", percent: 40, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" };
  const message = (input: unknown) => {
    const r = submittedReportSchema.safeParse(input);
    return r.success ? null : r.error.issues[0]?.message;
  };
  it("accepts a complete report", () => expect(message(valid)).toBeNull());
  it("refuses empty progress, a percent outside 0–100 or not a number, and long text, in Chinese", () => {
    expect(message({ ...valid, progress: "   " })).toBe("请填写本期工作进展");
    expect(message({ ...valid, percent: 101 })).toBe("完成进度不能超过 100%");
    expect(message({ ...valid, percent: -1 })).toBe("完成进度不能小于 0%");
    expect(message({ ...valid, percent: "abc" })).toBe("请填写完成进度（0–100 的数字）");
    expect(message({ ...valid, percent: null })).toBe("请填写完成进度（0–100 的数字）");
    expect(message({ ...valid, progress: "字".repeat(1_000_000) })).toBe("本期工作进展最多 5000 字，请精简后再提交");
    expect(message({ ...valid, unitId: 9 })).toMatch(/unitId|未/);
  });
});
