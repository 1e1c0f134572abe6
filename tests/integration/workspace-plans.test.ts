/**
 * Several live plans and cadences at once, on the seeded 2022 demo at the pinned clock: a second live
 * plan (the year's 督办事项 register) with a monthly, a weekly and a final item for 交通局 beside the
 * work report's tasks. The workspace labels and filters by plan; each item owes its own cadence's
 * periods, refuses others, is late by its own due time; period status and 催办 follow each cadence.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { plans, progressReports, reminderItems, reminders, tasks, taskUnits, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getContributionForm, submitContribution } from "@/lib/services/contributions";
import { getPeriodStatus } from "@/lib/services/period-status";
import { getReminderPage, sendReminders } from "@/lib/services/reminders";
import { getReportForm, submitReport } from "@/lib/services/reports";
import { getCurrentPeriodStates, getUnitWorkspace } from "@/lib/services/workspace";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00"; // half month 12, week 126 (6月20日—6月26日)
const FIELDS: ReportFields = { progress: "已完成养护路段排查", percent: 40, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? { code: error.code, message: error.message } : { code: `unexpected: ${String(error)}`, message: "" };
}

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

/** The year's items register, 执行中, with items led by 交通局 (and one it cooperates on, led by 农牧局). */
async function seedItems() {
  const [register] = await db
    .insert(plans)
    .values({ year: 2022, title: "2022年督办事项", source: "meeting", kind: "items", cadence: "half_monthly", state: "active", reportingStartPeriod: 1 })
    .returning({ id: plans.id });
  const planId = register!.id;
  const item = async (seq: number, content: string, cadence: "monthly" | "weekly" | "final", dueOn: string | null) => {
    const [row] = await db
      .insert(tasks)
      .values({ planId, seq, content, cadence, dueOn, source: "meeting", documentNumber: `常务会议纪要〔2022〕${seq}号` })
      .returning({ id: tasks.id });
    return row!.id;
  };
  const monthly = await item(1, "落实常务会议议定的农村公路养护事项", "monthly", "2022-12-31");
  const weekly = await item(2, "每周报告汛期道路安全排查情况", "weekly", "2022-12-31");
  const final = await item(3, "6月18日前完成客运站消防整改", "final", "2022-06-18");
  const cooperated = await item(4, "推进农村物流站点建设", "monthly", "2022-12-31");
  const jiaotong = await unitId("交通局");
  const nongmu = await unitId("农牧局");
  await db.insert(taskUnits).values([
    { taskId: monthly, unitId: jiaotong, role: "lead" },
    { taskId: weekly, unitId: jiaotong, role: "lead" },
    { taskId: final, unitId: jiaotong, role: "lead" },
    { taskId: cooperated, unitId: nongmu, role: "lead" },
    { taskId: cooperated, unitId: jiaotong, role: "cooperating", position: 1 },
  ]);
  const [table] = await db.select({ id: plans.id }).from(plans).where(eq(plans.kind, "table"));
  return { planId, tablePlanId: table!.id, monthly, weekly, final, cooperated, jiaotong, nongmu };
}

describe("a unit's work over two live plans and mixed cadences", () => {
  let head: Actor; // 交通局: leads 24 and 27 of the work report
  let seeded: Awaited<ReturnType<typeof seedItems>>;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    seeded = await seedItems();
    head = await actorFor("交通局");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("lists both plans' tasks, each labelled; the counts say which plans they cover; ?plan= narrows to one", async () => {
    const ws = await getUnitWorkspace(head);
    expect(ws.covered).toEqual(["2022年 政府工作报告", "2022年 督办事项"]);
    expect(ws.plans.map((p) => [p.label, p.counts])).toEqual([
      ["2022年 政府工作报告", { lead: 2, cooperating: 7 }],
      ["2022年 督办事项", { lead: 3, cooperating: 1 }],
    ]);
    expect(ws.counts).toEqual({ lead: 5, cooperating: 8 });
    // The header keeps the work report's half month; each item shows its own period.
    expect(ws.current).toMatchObject({ index: 12, label: "2022年6月下半月" });
    const rows = ws.reports.map((i) => [i.planLabel, i.seq, i.periodIndex, i.periodLabel, i.signal]);
    expect(rows).toEqual([
      ["2022年 督办事项", 3, 12, "2022年到期报告（6月18日前）", "overdue"],
      ["2022年 政府工作报告", 24, 12, "2022年6月下半月", "open"],
      ["2022年 政府工作报告", 27, 12, "2022年6月下半月", "open"],
      ["2022年 督办事项", 1, 12, "2022年6月", "open"],
      ["2022年 督办事项", 2, 126, "2022年第26周（6月20日—6月26日）", "open"],
    ]);
    expect(ws.reports.find((i) => i.taskId === seeded.monthly)).toMatchObject({
      href: `/reports/${seeded.monthly}/12`,
      cadenceLabel: "每月报送",
      dueLabel: "6月30日 24:00",
    });
    expect(ws.reports.find((i) => i.taskId === seeded.weekly)).toMatchObject({ href: `/reports/${seeded.weekly}/126`, dueLabel: "6月26日 24:00" });
    expect(ws.contributions.find((i) => i.taskId === seeded.cooperated)).toMatchObject({
      planLabel: "2022年 督办事项",
      periodIndex: 12,
      href: `/contributions/${seeded.cooperated}/12`,
    });

    // Past periods owed, each in its cadence: the monthly item owes January–May (never a first half month).
    const monthlyOwed = ws.pastOwed.find((t) => t.kind === "report" && t.taskId === seeded.monthly)!;
    expect(monthlyOwed.planLabel).toBe("2022年 督办事项");
    expect(monthlyOwed.periods.map((p) => [p.index, p.label])).toEqual([
      [2, "1月"],
      [4, "2月"],
      [6, "3月"],
      [8, "4月"],
      [10, "5月"],
    ]);
    const weeklyOwed = ws.pastOwed.find((t) => t.kind === "report" && t.taskId === seeded.weekly)!;
    expect(weeklyOwed.periods.map((p) => p.index)).toEqual(Array.from({ length: 25 }, (_, i) => 101 + i)); // weeks 1–25
    expect(ws.pastOwed.some((t) => t.taskId === seeded.final)).toBe(false); // its one report is the current one

    const only = await getUnitWorkspace(head, { planId: seeded.planId });
    expect(only.planFilter).toBe(seeded.planId);
    expect(only.covered).toEqual(["2022年 督办事项"]);
    expect(only.counts).toEqual({ lead: 3, cooperating: 1 });
    expect(only.reports.map((i) => i.seq).sort()).toEqual([1, 2, 3]);
    expect(only.reports.every((i) => i.planId === seeded.planId)).toBe(true);
    expect(only.plans).toHaveLength(2); // the filter still offers both
    const table = await getUnitWorkspace(head, { planId: seeded.tablePlanId });
    expect(table.reports.map((i) => i.seq)).toEqual([24, 27]);
    expect(table.current).toMatchObject({ index: 12 });
    // A plan the unit has nothing in, or no plan at all: everything.
    expect((await getUnitWorkspace(head, { planId: 999_999 })).planFilter).toBeNull();

    // Another unit never sees 交通局's items.
    const other = await getUnitWorkspace(await actorFor("住建局"));
    expect(other.plans.map((p) => p.label)).toEqual(["2022年 政府工作报告"]);
    expect(other.reports.every((i) => i.planId === seeded.tablePlanId)).toBe(true);
  });

  it("a monthly item owes 2022年6月 (key 12) and refuses 6月上半月 (key 11); a weekly one takes week keys", async () => {
    const form = await getReportForm(head, { taskId: seeded.monthly, periodIndex: 12 });
    expect(form.period).toMatchObject({ index: 12, label: "2022年6月", dueLabel: "6月30日 24:00" });
    // One call at a time: a second promise made up front would reject unobserved while the first is awaited.
    for (const call of [
      () => getReportForm(head, { taskId: seeded.monthly, periodIndex: 11 }),
      () => submitReport(head, { taskId: seeded.monthly, periodIndex: 11, baseVersion: 0, fields: FIELDS }),
    ]) {
      expect(await refusal(call())).toEqual({ code: "invalid", message: "该任务每月报送，没有「2022年6月上半月」这一期" });
    }
    expect(await refusal(submitReport(head, { taskId: seeded.monthly, periodIndex: 126, baseVersion: 0, fields: FIELDS }))).toMatchObject({ code: "invalid" });
    // Nothing was written for the refused keys.
    expect(await db.$count(progressReports, eq(progressReports.taskId, seeded.monthly))).toBe(0);

    expect((await getReportForm(head, { taskId: seeded.weekly, periodIndex: 126 })).period).toMatchObject({
      label: "2022年第26周（6月20日—6月26日）",
      dueLabel: "6月26日 24:00",
    });
    expect(await refusal(getReportForm(head, { taskId: seeded.weekly, periodIndex: 127 }))).toMatchObject({ code: "invalid" }); // next week: not open yet
    expect(await refusal(getReportForm(head, { taskId: seeded.weekly, periodIndex: 12 }))).toMatchObject({
      code: "invalid",
      message: expect.stringContaining("每周报送"),
    });
    // A half-monthly task of the work report refuses a week key.
    expect(await refusal(getReportForm(head, { taskId: 24, periodIndex: 126 }))).toMatchObject({
      code: "invalid",
      message: expect.stringContaining("每半月报送"),
    });

    // The cooperating unit's input follows the item's cadence too.
    expect((await getContributionForm(head, { taskId: seeded.cooperated, periodIndex: 12 })).period.label).toBe("2022年6月");
    expect(await refusal(submitContribution(head, { taskId: seeded.cooperated, periodIndex: 11, baseVersion: 0, content: "已对接物流企业" }))).toMatchObject({
      code: "invalid",
    });
    expect(await submitContribution(head, { taskId: seeded.cooperated, periodIndex: 12, baseVersion: 0, content: "已对接物流企业" })).toMatchObject({
      late: false,
    });
  });

  it("lateness is by the item's own due time: a final report after its 完成时限, last week's report after Sunday", async () => {
    // The final item was due 6月18日 24:00 — a half-monthly report of the same half month would be due 6月30日.
    expect(await submitReport(head, { taskId: seeded.final, periodIndex: 12, baseVersion: 0, fields: FIELDS })).toMatchObject({
      status: "submitted",
      late: true,
    });
    expect(await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: FIELDS })).toMatchObject({ late: false });
    expect(await submitReport(head, { taskId: seeded.weekly, periodIndex: 125, baseVersion: 0, fields: FIELDS })).toMatchObject({ late: true }); // 13–19 June
    expect(await submitReport(head, { taskId: seeded.weekly, periodIndex: 126, baseVersion: 0, fields: FIELDS })).toMatchObject({ late: false });
    expect(await submitReport(head, { taskId: seeded.monthly, periodIndex: 12, baseVersion: 0, fields: FIELDS })).toMatchObject({ late: false });
    process.env.APP_NOW = "2022-07-01T09:00+08:00";
    expect(await submitReport(head, { taskId: seeded.monthly, periodIndex: 10, baseVersion: 0, fields: FIELDS })).toMatchObject({ late: true }); // May, due 5月31日

    process.env.APP_NOW = PINNED;
    const ws = await getUnitWorkspace(head);
    expect(ws.reports.find((i) => i.taskId === seeded.final)).toMatchObject({ state: "submitted_late", signal: null });
    expect(ws.pastOwed.find((t) => t.taskId === seeded.weekly)!.periods.map((p) => p.index)).not.toContain(125);
    // The overseers' "this period" column: each task in its own period.
    const states = await getCurrentPeriodStates([24, seeded.monthly, seeded.weekly, seeded.final]);
    expect(states.get(seeded.monthly)).toMatchObject({ periodIndex: 12, periodLabel: "2022年6月", state: "submitted" });
    expect(states.get(seeded.weekly)).toMatchObject({ periodIndex: 126, state: "submitted" });
    expect(states.get(seeded.final)).toMatchObject({ periodIndex: 12, state: "submitted_late", dueLabel: "6月18日 24:00" });
  });

  it("period status counts each task in its cadence's period: a monthly item not in a first half month", async () => {
    const [register] = await db.select().from(plans).where(eq(plans.id, seeded.planId));
    const first = await getPeriodStatus(register!, 11);
    expect(first.rows.map((r) => [r.taskId, r.periodIndex])).toEqual([[seeded.weekly, 124]]); // the week ending 12 June
    const second = await getPeriodStatus(register!, 12);
    expect(second.rows.map((r) => [r.taskId, r.periodIndex, r.compliance])).toEqual([
      [seeded.monthly, 12, "open"],
      [seeded.weekly, 126, "open"],
      [seeded.final, 12, "missing"],
      [seeded.cooperated, 12, "open"],
    ]);
    expect(second.rows.find((r) => r.taskId === seeded.final)!.dueAt).toEqual(new Date("2022-06-19T00:00+08:00"));
  });

  it("催办 runs over both plans per cadence: the monthly item is not owed in 6月上半月; one reminder row per plan", async () => {
    const office = await actorFor("ducha");
    const page = await getReminderPage(office);
    expect(page.covered).toEqual(["2022年 政府工作报告", "2022年 督办事项"]);
    const owedTasks = (p: typeof page, unit: number) => (p.owed.find((u) => u.unitId === unit)?.items ?? []).map((i) => `${i.owes}:${i.taskId}`);
    expect(owedTasks(page, seeded.jiaotong)).toEqual(
      expect.arrayContaining([
        `report:24`,
        `report:${seeded.monthly}`,
        `report:${seeded.weekly}`,
        `report:${seeded.final}`,
        `contribution:${seeded.cooperated}`,
      ]),
    );
    expect(owedTasks(page, seeded.nongmu)).toContain(`report:${seeded.cooperated}`);

    const firstHalf = await getReminderPage(office, { periodIndex: 11 });
    expect(owedTasks(firstHalf, seeded.jiaotong)).toContain("report:24");
    expect(owedTasks(firstHalf, seeded.jiaotong)).toContain(`report:${seeded.weekly}`);
    expect(owedTasks(firstHalf, seeded.jiaotong)).not.toContain(`report:${seeded.monthly}`);
    expect(owedTasks(firstHalf, seeded.jiaotong)).not.toContain(`contribution:${seeded.cooperated}`);

    // An input filed for the month clears it from the reminder.
    await submitContribution(head, { taskId: seeded.cooperated, periodIndex: 12, baseVersion: 0, content: "已对接物流企业" });
    const result = await sendReminders(office, { periodIndex: 12 });
    expect(result.reminderIds).toHaveLength(2);
    const rows = await db.select({ planId: reminders.planId, periodIndex: reminders.periodIndex }).from(reminders);
    expect(rows.map((r) => r.planId).sort()).toEqual([seeded.tablePlanId, seeded.planId].sort());
    const items = await db
      .select({ taskId: reminderItems.taskId, owes: reminderItems.owes })
      .from(reminderItems)
      .where(and(inArray(reminderItems.reminderId, result.reminderIds), eq(reminderItems.unitId, seeded.jiaotong)));
    const reminded = items.map((i) => `${i.owes}:${i.taskId}`);
    expect(reminded).toContain(`report:${seeded.monthly}`);
    expect(reminded).not.toContain(`contribution:${seeded.cooperated}`);
    // A second click within 10 minutes is refused over both plans.
    expect(await refusal(sendReminders(office, { periodIndex: 12 }))).toMatchObject({ code: "conflict" });
  });
});
