/**
 * A unit's workspace at the pinned clock, after reports and inputs were filed through the services:
 * the state of every task's report and input this period, deadline signals with overdue first,
 * returned reports' reasons, what is owed from past periods, the counts of the task list — and a
 * fixed number of queries however many tasks. Also the "this period" states for overseers' lists.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { eq } from "drizzle-orm";
import { periodDueOverrides, plans, taskDueOverrides, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import { listCooperatingUnitIds } from "@/lib/data/reports";
import { saveContributionDraft, submitContribution } from "@/lib/services/contributions";
import { returnReport, saveReportDraft, submitReport } from "@/lib/services/reports";
import { listUnitTasks } from "@/lib/services/tasks";
import { getCurrentPeriodStates, getUnitWorkspace, type UnitWorkspace } from "@/lib/services/workspace";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00"; // period 12 (6月下半月) is current, due 6月30日 24:00
const FIELDS: ReportFields = {
  progress: "完成农村公路新改建 86 公里",
  percent: 30,
  progressState: "on_track",
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
};

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

const brief = (items: UnitWorkspace["reports"]) => items.map((i) => [i.seq, i.state, i.signal]);

describe("a unit's workspace", () => {
  let head: Actor; // 交通局: leads 24 and 27, cooperates on 41 and 65 by name, on 1, 5, 12, 16, 19 as one of 各地各部门
  let filer: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    head = await actorFor("交通局");
    filer = await actorFor("交通局-填报");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("nothing filed: the current period, every task's report and input owed, the counts of the task list, past periods owed", async () => {
    const ws = await getUnitWorkspace(filer);
    expect(ws.unit.name).toBe("交通局");
    expect(ws.current).toMatchObject({ index: 12, label: "2022年6月下半月", dueLabel: "6月30日 24:00", timeLeft: "还剩 10 天 14 小时", signal: "open" });
    const { lead, cooperating } = await listUnitTasks(filer, filer.unitId!);
    expect(ws.counts).toEqual({ lead: lead.length, cooperating: cooperating.length });
    expect(ws.counts).toEqual({ lead: 2, cooperating: 7 });
    expect(brief(ws.reports)).toEqual([
      [24, "missing", "open"],
      [27, "missing", "open"],
    ]);
    expect(ws.reports.map((i) => i.href)).toEqual(["/reports/24/12", "/reports/27/12"]);
    // Inputs are owed only where 交通局 is named; 各地各部门 obliges no one.
    expect(brief(ws.contributions)).toEqual([
      [41, "missing", "open"],
      [65, "missing", "open"],
    ]);
    expect(ws.contributions.map((i) => i.href)).toEqual(["/contributions/41/12", "/contributions/65/12"]);
    expect(ws.sharedTasks.map((t) => t.seq)).toEqual([1, 5, 12, 16, 19]);
    // Reporting starts at period 1: periods 1–11 of every obligation are owed, all overdue.
    expect(ws.pastOwed.map((t) => [t.kind, t.seq, t.periods.length])).toEqual(
      [
        ["report", 24, 11],
        ["contribution", 41, 11],
        ["contribution", 65, 11],
        ["report", 27, 11],
      ].sort((a, b) => (a[1] as number) - (b[1] as number) || (a[0] === "report" ? -1 : 1)),
    );
    expect(ws.pastOwed.every((t) => t.periods.every((p) => p.signal === "overdue" && p.state === "missing"))).toBe(true);
    expect(ws.pastOwed[0]!.periods[0]).toMatchObject({ index: 1, label: "1月上半月", dueLabel: "1月15日 24:00", href: "/reports/24/1" });
    expect(ws.summary).toEqual({ overdue: 0, dueSoon: 0, pastOwedPeriods: 44 });
    expect(ws.returned).toEqual([]);
  });

  it("states per task after filing through the services; owed items before filed ones; returned reasons; past periods owed", async () => {
    await db.update(plans).set({ reportingStartPeriod: 9 });
    const ducha = await actorFor("ducha");
    // Task 24: period 12 submitted by the head (final), period 10 submitted late today, period 9 never.
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: FIELDS });
    await submitReport(head, { taskId: 24, periodIndex: 10, baseVersion: 0, fields: FIELDS });
    // Task 27: period 11 a draft; period 9 submitted then returned by the office with a reason.
    await saveReportDraft(filer, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: FIELDS });
    await submitReport(head, { taskId: 27, periodIndex: 9, baseVersion: 0, fields: FIELDS });
    await returnReport(ducha, { taskId: 27, periodIndex: 9, reason: "进度数据与上期不衔接，请核实" });
    // Inputs: 41 submitted this period; 65 a draft this period and submitted in period 11 (late).
    await submitContribution(filer, { taskId: 41, periodIndex: 12, baseVersion: 0, content: "交通局配合事项已完成" });
    await saveContributionDraft(filer, { taskId: 65, periodIndex: 12, baseVersion: 0, content: "草稿" });
    await submitContribution(filer, { taskId: 65, periodIndex: 11, baseVersion: 0, content: "补报" });

    const ws = await getUnitWorkspace(head);
    // 27 (owed) comes before 24 (filed) although 24 is the lower number.
    expect(brief(ws.reports)).toEqual([
      [27, "missing", "open"],
      [24, "submitted", null],
    ]);
    expect(brief(ws.contributions)).toEqual([
      [65, "draft", "open"],
      [41, "submitted", null],
    ]);
    expect(ws.returned.map((i) => [i.seq, i.periodIndex, i.returnReason, i.href])).toEqual([[27, 9, "进度数据与上期不衔接，请核实", "/reports/27/9"]]);
    const owed = Object.fromEntries(ws.pastOwed.map((t) => [`${t.kind}:${t.seq}`, t.periods.map((p) => [p.index, p.state])]));
    expect(owed).toEqual({
      "report:24": [
        [9, "missing"],
        [11, "missing"],
      ], // 10 was submitted (late): not owed
      "report:27": [
        [9, "returned"],
        [10, "missing"],
        [11, "draft"],
      ],
      "contribution:41": [
        [9, "missing"],
        [10, "missing"],
        [11, "missing"],
      ],
      "contribution:65": [
        [9, "missing"],
        [10, "missing"],
      ], // 11 submitted late: not owed
    });
    expect(ws.summary).toEqual({ overdue: 0, dueSoon: 0, pastOwedPeriods: 10 });

    // Each report this period shows how many cooperating units have submitted their input (drafts do not count).
    expect(ws.reports.map((i) => [i.seq, i.inputs])).toEqual([
      [27, { filed: 0, owed: (await listCooperatingUnitIds(db, 27)).length }],
      [24, { filed: 0, owed: 6 }],
    ]);
    await saveContributionDraft(await actorFor("棋盘井镇"), { taskId: 24, periodIndex: 12, baseVersion: 0, content: "草稿" });
    await submitContribution(await actorFor("乌兰镇"), { taskId: 24, periodIndex: 12, baseVersion: 0, content: "乌兰镇已报" });
    await submitContribution(await actorFor("蒙西镇"), { taskId: 24, periodIndex: 11, baseVersion: 0, content: "上期的不算本期" });
    expect((await getUnitWorkspace(head)).reports.find((i) => i.seq === 24)!.inputs).toEqual({ filed: 1, owed: 6 });
    expect(ws.pastOwed.flatMap((t) => t.periods)).not.toHaveLength(0);

    // 交通局's filer sees the same workspace (the unit's, not the person's).
    expect(brief((await getUnitWorkspace(filer)).reports)).toEqual(brief(ws.reports));
  });

  it("amber within 3 days of the due time, red once it has passed — overdue first", async () => {
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: FIELDS });
    process.env.APP_NOW = "2022-06-28T12:00+08:00";
    let ws = await getUnitWorkspace(head);
    expect(ws.current).toMatchObject({ signal: "due_soon", timeLeft: "还剩 2 天 12 小时" });
    expect(brief(ws.reports)).toEqual([
      [27, "missing", "due_soon"],
      [24, "submitted", null],
    ]);
    expect(ws.contributions.every((i) => i.signal === "due_soon")).toBe(true);
    expect(ws.summary).toMatchObject({ overdue: 0, dueSoon: 3 });

    // The administrator moved period 12's due time to 6月27日 18:00: now it is overdue.
    const [plan] = await db.select({ id: plans.id }).from(plans);
    await db.insert(periodDueOverrides).values({ planId: plan!.id, periodIndex: 12, dueAt: new Date("2022-06-27T18:00+08:00"), reason: "测试" });
    ws = await getUnitWorkspace(head);
    expect(ws.current).toMatchObject({ signal: "overdue", dueLabel: "6月27日 18:00" });
    expect(brief(ws.reports)).toEqual([
      [27, "missing", "overdue"],
      [24, "submitted", null],
    ]);
    expect(ws.summary).toMatchObject({ overdue: 3, dueSoon: 0 });
    // A contribution filed now counts as late and is no longer owed; the other stays red and first.
    await submitContribution(head, { taskId: 65, periodIndex: 12, baseVersion: 0, content: "逾期补报" });
    ws = await getUnitWorkspace(head);
    expect(brief(ws.contributions)).toEqual([
      [41, "missing", "overdue"],
      [65, "submitted_late", null],
    ]);
  });

  it("an approved extension moves one task's due time; a closed task (办结销号) owes nothing after it was closed", async () => {
    await db.update(plans).set({ reportingStartPeriod: 9 });
    // 27's period 11 was extended to 6月25日 18:00: still open, not red, and listed after the overdue ones.
    await db.insert(taskDueOverrides).values({ taskId: 27, periodIndex: 11, dueAt: new Date("2022-06-25T18:00+08:00") });
    let ws = await getUnitWorkspace(head);
    const owed27 = ws.pastOwed.find((t) => t.kind === "report" && t.seq === 27)!;
    expect(owed27.periods.map((p) => [p.index, p.signal, p.dueLabel])).toEqual([
      [9, "overdue", "5月15日 24:00"],
      [10, "overdue", "5月31日 24:00"],
      [11, "open", "6月25日 18:00"],
    ]);
    const states = await getCurrentPeriodStates([27]);
    expect(states.get(27)).toMatchObject({ periodIndex: 12, dueLabel: "6月30日 24:00", closed: false });
    await db.insert(taskDueOverrides).values({ taskId: 27, periodIndex: 12, dueAt: new Date("2022-06-20T09:00+08:00") });
    expect((await getCurrentPeriodStates([27])).get(27)).toMatchObject({ dueLabel: "6月20日 09:00", signal: "overdue" });
    ws = await getUnitWorkspace(head);
    expect(brief(ws.reports)).toEqual([
      [27, "missing", "overdue"],
      [24, "missing", "open"],
    ]);

    // 27 closed after period 10: this period shows 已销号 and nothing owed; past periods owed only up to 10.
    await db.update(tasks).set({ closedAfterPeriod: 10 }).where(eq(tasks.id, 27));
    ws = await getUnitWorkspace(head);
    expect(ws.reports.map((i) => [i.seq, i.stateLabel, i.signal, i.closed, i.href])).toEqual([
      [24, "未填报", "open", false, "/reports/24/12"],
      [27, "已销号", null, true, "/tasks/27"],
    ]);
    expect(ws.pastOwed.find((t) => t.kind === "report" && t.seq === 27)!.periods.map((p) => p.index)).toEqual([9, 10]);
    expect((await getCurrentPeriodStates([27])).get(27)).toMatchObject({ stateLabel: "已销号", signal: null, closed: true });
  });

  it("a township owes inputs through 各苏木镇; before the plan's reporting starts nothing is owed", async () => {
    const town = await actorFor("乌兰镇-填报");
    const ws = await getUnitWorkspace(town);
    expect(ws.reports).toEqual([]);
    expect(ws.contributions.map((i) => i.seq)).toContain(24);
    expect(ws.contributions.map((i) => i.seq)).toContain(48); // named directly
    const { lead, cooperating } = await listUnitTasks(town, town.unitId!);
    expect(ws.counts).toEqual({ lead: lead.length, cooperating: cooperating.length });

    await db.update(plans).set({ reportingStartPeriod: 13 });
    const later = await getUnitWorkspace(town);
    expect(later.current).toBeNull();
    expect(later.contributions).toEqual([]);
    expect(later.pastOwed).toEqual([]);
  });

  it("only unit accounts have a workspace", async () => {
    for (const username of ["ducha", "admin", "张军"]) expect(await refusal(getUnitWorkspace(await actorFor(username))), username).toBe("not_found");
  });
});

describe("a fixed number of queries", () => {
  // The app's drizzle handle (db/index.ts keeps it on globalThis); count the queries each workspace builds.
  const counted = ["select", "selectDistinct", "selectDistinctOn", "execute"] as const;
  let calls = 0;
  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    const real = (globalThis as unknown as { luoshiDb: { db: Record<string, (...args: unknown[]) => unknown> } }).luoshiDb.db;
    for (const name of counted) {
      const original = real[name]!.bind(real);
      vi.spyOn(real, name).mockImplementation((...args: unknown[]) => {
        calls++;
        return original(...args);
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.APP_NOW;
  });

  async function queriesOf(username: string) {
    const actor = await actorFor(username);
    calls = 0;
    await getUnitWorkspace(actor);
    return calls;
  }

  it("the same for a unit with 4 obligations (交通局), 17 (乌兰镇) and 15 led tasks (农牧局), with reports in every period", async () => {
    await db.update(plans).set({ reportingStartPeriod: 1 });
    const head = await actorFor("农牧局");
    const { lead } = await listUnitTasks(head, head.unitId!);
    for (const task of lead.slice(0, 5)) {
      for (const periodIndex of [1, 2, 3, 4, 5, 6]) await submitReport(head, { taskId: task.id, periodIndex, baseVersion: 0, fields: FIELDS });
    }
    const counts = [await queriesOf("交通局"), await queriesOf("乌兰镇"), await queriesOf("农牧局")];
    expect(counts[0]).toBeGreaterThan(0);
    // plan + unit; the plan's and the tasks' moved due times + the unit's tasks; its reports + its inputs + the tally of cooperating inputs
    // (a unit leading nothing skips two)
    expect(Math.max(...counts)).toBeLessThanOrEqual(8);
    expect(counts[2]).toBe(counts[0]);

    calls = 0;
    await getCurrentPeriodStates(lead.map((t) => t.id));
    expect(calls).toBeLessThanOrEqual(4);
  });
});

describe("this period's report state of any tasks (for the overseers' lists)", () => {
  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("state and signal per task; the overall row and unknown ids are left out", async () => {
    const head = await actorFor("交通局");
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: FIELDS });
    const filer = await actorFor("乌兰镇");
    await saveContributionDraft(filer, { taskId: 24, periodIndex: 12, baseVersion: 0, content: "x" }); // inputs do not change the report's state

    let states = await getCurrentPeriodStates([1, 24, 27, 41, 99_999]);
    expect([...states.keys()].sort((a, b) => a - b)).toEqual([24, 27, 41]);
    expect(states.get(24)).toMatchObject({
      periodIndex: 12,
      periodLabel: "2022年6月下半月",
      state: "submitted",
      stateLabel: "已报送",
      signal: null,
      dueLabel: "6月30日 24:00",
    });
    expect(states.get(27)).toMatchObject({ state: "missing", stateLabel: "未填报", signal: "open" });

    states = await getCurrentPeriodStates([24, 27], new Date("2022-06-29T08:00+08:00"));
    expect(states.get(27)?.signal).toBe("due_soon");
    expect(states.get(24)?.signal).toBeNull();
    states = await getCurrentPeriodStates([27], new Date("2022-12-31T20:00+08:00")); // period 24, not filed, due in 4 hours
    expect(states.get(27)).toMatchObject({ periodIndex: 24, signal: "due_soon" });
    states = await getCurrentPeriodStates([27], new Date("2023-01-02T08:00+08:00")); // after the plan's year: period 24 overdue
    expect(states.get(27)).toMatchObject({ periodIndex: 24, signal: "overdue" });
    expect(await getCurrentPeriodStates([])).toEqual(new Map());
  });
});
