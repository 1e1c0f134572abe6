/**
 * Linked work (同一事项，一次报送) and carry-over (跨年度结转) on the demo data and real Postgres:
 * the office links tasks of one lead unit (a unit cannot; no common lead unit is refused), the unit files
 * one report that every linked task shows, the matrix counts neither missing, a review on either applies
 * to both, unlinking keeps what was filed; carry-over copies unfinished tasks into a later plan, keeps
 * history reachable both ways, and never writes into an archived plan.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, plans, progressReports, reportVersions, taskLeaders, tasks, taskUnits, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import { carryOverTasks, getCarryLinksFor, getCarryOverPage } from "@/lib/services/carry-over";
import { getLinkedWorkPanel, linkTasks, searchLinkCandidatesFor, unlinkTask } from "@/lib/services/linked-work";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { acceptReport, getReportView, returnReport, saveReportDraft, submitReport } from "@/lib/services/reports";
import { getSharedReportNote } from "@/lib/services/shared-reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { linkTasksAction } = await import("@/app/(app)/tasks/[id]/linked-work-actions");

const PINNED = "2022-06-20T10:00:00+08:00";
/** 实施农村路网建设300公里 and another task, both led by 交通局. */
const ROADS = 24;
const OTHER_ROADS = 27;

const fields = (progress: string, extra: Partial<ReportFields> = {}): ReportFields => ({
  progress,
  percent: 40,
  progressState: "on_track",
  problems: "",
  nextSteps: "继续推进",
  coordinationRequest: "",
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) return "none";
  return isDomainError(error) ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`;
}

async function linkedWorkIdOf(taskId: number) {
  const [row] = await db.select({ id: tasks.linkedWorkId }).from(tasks).where(eq(tasks.id, taskId));
  return row!.id;
}

async function reportOf(taskId: number, periodIndex: number) {
  const [row] = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.taskId, taskId), eq(progressReports.periodIndex, periodIndex)));
  return row ?? null;
}

async function versionsOf(reportId: number) {
  return db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(asc(reportVersions.number));
}

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

/** A 执行中 plan of meeting decisions (每月报送) with one item led by the given unit. */
async function meetingItem(leadUnit: string, options: { year?: number; state?: "draft" | "active" | "archived" } = {}) {
  const [plan] = await db
    .insert(plans)
    .values({
      year: options.year ?? 2022,
      title: "2022年常务会议议定事项",
      source: "meeting",
      kind: "table",
      cadence: "monthly",
      state: options.state ?? "active",
      reportingStartPeriod: 1,
    })
    .returning({ id: plans.id });
  const [item] = await db
    .insert(tasks)
    .values({ planId: plan!.id, seq: 1, content: "推进农村公路建设（常务会议纪要〔2022〕5号）", documentNumber: "常务会议纪要〔2022〕5号" })
    .returning({ id: tasks.id });
  await db.insert(taskUnits).values({ taskId: item!.id, unitId: await unitId(leadUnit), role: "lead" });
  return { planId: plan!.id, itemId: item!.id };
}

describe("linked work: one report for the same work", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
    await db.update(plans).set({ reportingStartPeriod: 9 });
  });
  afterEach(() => {
    delete process.env.APP_NOW;
    session.actor = null;
  });

  it("the office links a task and a meeting item of one lead unit; both task pages show the link, audited", async () => {
    const office = await actorFor("ducha");
    const { itemId } = await meetingItem("交通局");
    const found = await searchLinkCandidatesFor(office, { taskId: ROADS, text: "常务会议" });
    expect(found.map((c) => [c.id, c.sharesLeadUnit])).toEqual([[itemId, true]]);

    const before = await auditCount();
    const linked = await linkTasks(office, { taskId: ROADS, otherTaskId: itemId });
    expect(await auditCount()).toBe(before + 1);
    expect(linked.tasks).toEqual(["2022年 政府工作报告 第24项", "2022年 会议议定事项 第1项"]);
    expect(await linkedWorkIdOf(ROADS)).not.toBeNull();
    expect(await linkedWorkIdOf(itemId)).toBe(await linkedWorkIdOf(ROADS));

    const panel = await getLinkedWorkPanel(await actorFor("交通局"), ROADS);
    expect(panel.canEdit).toBe(false);
    expect(panel.members.map((m) => [m.id, m.label, m.leadUnits])).toEqual([[itemId, "2022年 会议议定事项 第1项", ["交通局"]]]);
    expect((await getLinkedWorkPanel(office, itemId)).members.map((m) => m.id)).toEqual([ROADS]);
    expect(await refusal(linkTasks(office, { taskId: itemId, otherTaskId: ROADS }))).toMatch(/^conflict: 这两项已经关联/);
  });

  it("only the office and the administrator link: a unit is refused, through the service and the action, and nothing changes", async () => {
    const { itemId } = await meetingItem("交通局");
    const transport = await actorFor("交通局");
    expect(await refusal(linkTasks(transport, { taskId: ROADS, otherTaskId: itemId }))).toMatch(/^forbidden/);
    expect(await refusal(searchLinkCandidatesFor(transport, { taskId: ROADS, text: "公路" }))).toMatch(/^forbidden/);
    session.actor = transport;
    const result = await linkTasksAction({ taskId: ROADS, otherTaskId: itemId });
    expect(result.ok).toBe(false);
    session.actor = await actorFor("柳天云");
    expect((await linkTasksAction({ taskId: ROADS, otherTaskId: itemId })).ok).toBe(false);
    expect(await linkedWorkIdOf(ROADS)).toBeNull();
    expect(await linkedWorkIdOf(itemId)).toBeNull();
    // An extra field smuggled in is refused before anything runs.
    session.actor = await actorFor("admin");
    expect((await linkTasksAction({ taskId: ROADS, otherTaskId: itemId, unitId: 1 } as never)).ok).toBe(false);
    expect((await linkTasksAction({ taskId: ROADS, otherTaskId: itemId })).ok).toBe(true);
  });

  it("tasks without a common lead unit are refused with a clear message", async () => {
    const { itemId } = await meetingItem("农牧局");
    const office = await actorFor("ducha");
    expect(await refusal(linkTasks(office, { taskId: ROADS, otherTaskId: itemId }))).toMatch(/没有共同的牵头单位/);
    expect(await linkedWorkIdOf(ROADS)).toBeNull();
    expect(await refusal(linkTasks(office, { taskId: ROADS, otherTaskId: ROADS }))).toMatch(/^invalid/);
  });

  it("the lead unit files one report: the linked item gets the same report in its month, read-only, and a review on it applies to both", async () => {
    const office = await actorFor("ducha");
    const transport = await actorFor("交通局");
    const { itemId } = await meetingItem("交通局");
    await linkTasks(office, { taskId: ROADS, otherTaskId: itemId });

    await submitReport(transport, { taskId: ROADS, periodIndex: 12, baseVersion: 0, fields: fields("六月下半月：路基完成 86 公里") });
    const original = (await reportOf(ROADS, 12))!;
    // 每月报送: 6月下半月 falls in June, keyed 12 as well; 6月上半月 would also land in 12.
    const mirror = (await reportOf(itemId, 12))!;
    expect(mirror).toMatchObject({
      status: "submitted",
      progress: "六月下半月：路基完成 86 公里",
      sharedFromReportId: original.id,
      unitId: original.unitId,
      late: false,
      submissions: 1,
    });
    expect(mirror.submittedAt!.getTime()).toBe(original.submittedAt!.getTime());
    expect((await versionsOf(mirror.id)).map((v) => [v.number, v.progress])).toEqual([[1, "六月下半月：路基完成 86 公里"]]);

    // Both show it: the report pages of the task and of the item.
    const seen = await getReportView(office, { taskId: itemId, periodIndex: 12 });
    expect(seen.state).toBe("submitted");
    expect(seen.versions.map((v) => v.progress)).toEqual(["六月下半月：路基完成 86 公里"]);
    expect(await getSharedReportNote(office, itemId, 12)).toMatchObject({
      kind: "mirror",
      original: { taskId: ROADS, periodIndex: 12, label: "2022年 政府工作报告 第24项" },
    });
    expect(await getSharedReportNote(transport, ROADS, 12)).toMatchObject({
      kind: "original",
      mirrors: [{ taskId: itemId, label: "2022年 会议议定事项 第1项" }],
    });

    // The office returns the item's copy: the original is returned too, and the copy cannot be edited.
    await returnReport(office, { taskId: itemId, periodIndex: 12, reason: "请补充资金到位情况" });
    expect((await reportOf(ROADS, 12))!).toMatchObject({ status: "returned", returnReason: "请补充资金到位情况" });
    expect((await reportOf(itemId, 12))!.status).toBe("returned");
    const copy = (await reportOf(itemId, 12))!;
    expect(await refusal(saveReportDraft(transport, { taskId: itemId, periodIndex: 12, baseVersion: copy.version, fields: fields("改副本") }))).toMatch(
      /^conflict: 本期报告与 2022年 政府工作报告 第24项 共用一份/,
    );

    // Resubmitted on the original: the copy follows with the second version; accepted on the task, accepted on both.
    const returned = (await reportOf(ROADS, 12))!;
    await submitReport(transport, { taskId: ROADS, periodIndex: 12, baseVersion: returned.version, fields: fields("补充：资金到位 1.2 亿元") });
    expect((await reportOf(itemId, 12))!).toMatchObject({ status: "submitted", progress: "补充：资金到位 1.2 亿元", returnReason: null, submissions: 2 });
    expect((await versionsOf(mirror.id)).map((v) => v.number)).toEqual([1, 2]);
    await acceptReport(office, { taskId: ROADS, periodIndex: 12 });
    expect((await reportOf(itemId, 12))!.status).toBe("accepted");
    const shareRows = await db.select().from(auditLog).where(eq(auditLog.action, "report.share"));
    expect(shareRows.length).toBeGreaterThanOrEqual(4);
  });

  it("the matrix counts neither linked task as missing; unlinking keeps the report on both and stops syncing", async () => {
    const office = await actorFor("ducha");
    const transport = await actorFor("交通局");
    await linkTasks(office, { taskId: ROADS, otherTaskId: OTHER_ROADS });
    process.env.APP_NOW = "2022-05-10T10:00:00+08:00";
    await submitReport(transport, { taskId: ROADS, periodIndex: 9, baseVersion: 0, fields: fields("五月上") });
    process.env.APP_NOW = "2022-05-20T10:00:00+08:00";
    await submitReport(transport, { taskId: OTHER_ROADS, periodIndex: 10, baseVersion: 0, fields: fields("五月下") });
    process.env.APP_NOW = "2022-06-17T10:00:00+08:00"; // after 6月上半月's due time: late on both
    await submitReport(transport, { taskId: ROADS, periodIndex: 11, baseVersion: 0, fields: fields("六月上，迟交") });
    process.env.APP_NOW = PINNED;
    expect((await reportOf(OTHER_ROADS, 11))!.late).toBe(true);

    const row = (await getComplianceMatrix(office))!.matrix.rows.find((r) => r.unitName === "交通局")!;
    expect(row.cells.map((c) => [c.periodIndex, c.state])).toEqual([
      [9, "on_time"],
      [10, "on_time"],
      [11, "late"],
      [12, "open"],
    ]);
    expect(row.totals).toMatchObject({ missing: 0, late: 2, onTime: 4, tasks: 2 });

    const before = await auditCount();
    await unlinkTask(office, { taskId: OTHER_ROADS });
    expect(await auditCount()).toBe(before + 1);
    expect(await linkedWorkIdOf(ROADS)).toBeNull();
    expect(await linkedWorkIdOf(OTHER_ROADS)).toBeNull();
    // What was filed stays on both, the copy still says whose report it is.
    for (const period of [9, 10, 11]) {
      expect((await reportOf(ROADS, period))!.status).toBe("submitted");
      expect((await reportOf(OTHER_ROADS, period))!.status).toBe("submitted");
    }
    expect((await reportOf(OTHER_ROADS, 9))!.sharedFromReportId).toBe((await reportOf(ROADS, 9))!.id);
    expect(await getSharedReportNote(office, OTHER_ROADS, 9)).toMatchObject({ kind: "mirror", linked: false });
    // No further syncing: a report on one no longer reaches the other.
    await submitReport(transport, { taskId: ROADS, periodIndex: 12, baseVersion: 0, fields: fields("六月下") });
    expect(await reportOf(OTHER_ROADS, 12)).toBeNull();
    expect(await refusal(unlinkTask(office, { taskId: ROADS }))).toMatch(/^conflict/);
  });

  it("a unit cannot unlink, and an archived plan's task cannot be linked", async () => {
    const office = await actorFor("ducha");
    const { itemId, planId } = await meetingItem("交通局");
    await linkTasks(office, { taskId: ROADS, otherTaskId: itemId });
    expect(await refusal(unlinkTask(await actorFor("交通局"), { taskId: ROADS }))).toMatch(/^forbidden/);
    await unlinkTask(office, { taskId: ROADS });
    await db.update(plans).set({ state: "archived" }).where(eq(plans.id, planId));
    expect(await refusal(linkTasks(office, { taskId: ROADS, otherTaskId: itemId }))).toMatch(/已归档/);
  });
});

describe("carry-over: unfinished tasks into a later plan", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
    await db.update(plans).set({ reportingStartPeriod: 9 });
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  async function plan2023(state: "draft" | "active" | "archived" = "draft") {
    const [plan] = await db.insert(plans).values({ year: 2023, title: "2023年政府工作报告目标任务分解表", state }).returning({ id: plans.id });
    await db.insert(tasks).values({ planId: plan!.id, seq: 1, content: "2023年第一项" });
    return plan!.id;
  }

  async function demoPlanId() {
    const [row] = await db.select({ id: plans.id }).from(plans).where(eq(plans.year, 2022));
    return row!.id;
  }

  it("carries the chosen unfinished tasks after the target's last one, copying units and leaders; history is reachable both ways", async () => {
    const office = await actorFor("ducha");
    const transport = await actorFor("交通局");
    const from = await demoPlanId();
    const target = await plan2023();
    await submitReport(transport, { taskId: ROADS, periodIndex: 12, baseVersion: 0, fields: fields("六月下") });
    // 27 reported 已完成: not unfinished.
    await submitReport(transport, {
      taskId: OTHER_ROADS,
      periodIndex: 12,
      baseVersion: 0,
      fields: fields("已完工", { percent: 100, progressState: "completed" }),
    });

    const page = await getCarryOverPage(office, from);
    expect(page.targets.map((t) => t.id)).toEqual([target]);
    expect(page.tasks.find((t) => t.id === ROADS)!.blocker).toBeNull();
    expect(page.tasks.find((t) => t.id === OTHER_ROADS)!.blocker).toBe("已报告完成");
    expect(await refusal(carryOverTasks(office, { planId: from, targetPlanId: target, taskIds: [ROADS, OTHER_ROADS] }))).toMatch(/^conflict: 第27项已报告完成/);

    const before = await auditCount();
    const result = await carryOverTasks(office, { planId: from, targetPlanId: target, taskIds: [ROADS, 15] });
    expect(await auditCount()).toBe(before + 1);
    expect(result.carried.map((c) => [c.from, c.seq])).toEqual([
      [15, 2],
      [ROADS, 3],
    ]);
    const copy = result.carried.find((c) => c.from === ROADS)!.to;
    const [old] = await db.select().from(tasks).where(eq(tasks.id, ROADS));
    const [made] = await db.select().from(tasks).where(eq(tasks.id, copy));
    expect(made).toMatchObject({ planId: target, seq: 3, content: old!.content, section: old!.section, carriedFromTaskId: ROADS });
    const people = async (id: number) => ({
      units: await db.select({ unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(eq(taskUnits.taskId, id)).orderBy(asc(taskUnits.unitId)),
      leaders: await db.select({ leaderId: taskLeaders.leaderId }).from(taskLeaders).where(eq(taskLeaders.taskId, id)),
    });
    expect(await people(copy)).toEqual(await people(ROADS));
    // The old reports stay on the old task.
    expect((await reportOf(ROADS, 12))!.status).toBe("submitted");
    expect(await db.select().from(progressReports).where(eq(progressReports.taskId, copy))).toEqual([]);

    expect(await getCarryLinksFor(office, copy)).toMatchObject({
      from: { taskId: ROADS, label: "2022年政府工作报告目标任务分解表 第24项", viewable: true },
      to: [],
    });
    expect(await getCarryLinksFor(office, ROADS)).toMatchObject({ from: null, to: [{ taskId: copy, label: "2023年政府工作报告目标任务分解表 第3项" }] });
    // Carried once: the page says where, and a second carry is refused.
    expect((await getCarryOverPage(office, from)).tasks.find((t) => t.id === ROADS)!.blocker).toBe("已结转");
    expect(await refusal(carryOverTasks(office, { planId: from, targetPlanId: target, taskIds: [ROADS] }))).toMatch(/已结转/);
  });

  it("refuses an archived target, an earlier year, another plan's task and anyone but the office, writing nothing", async () => {
    const office = await actorFor("ducha");
    const from = await demoPlanId();
    const archived = await plan2023("archived");
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(tasks))[0]!.n;
    const tasksBefore = await count();
    expect(await refusal(carryOverTasks(office, { planId: from, targetPlanId: archived, taskIds: [ROADS] }))).toMatch(/^conflict: 这份分解表已归档/);
    const [earlier] = await db.insert(plans).values({ year: 2021, title: "2021年分解表", state: "active" }).returning({ id: plans.id });
    expect(await refusal(carryOverTasks(office, { planId: from, targetPlanId: earlier!.id, taskIds: [ROADS] }))).toMatch(/以后年度/);
    const active = await plan2023("active");
    const { itemId } = await meetingItem("交通局");
    expect(await refusal(carryOverTasks(office, { planId: from, targetPlanId: active, taskIds: [itemId] }))).toMatch(/^not_found/);
    expect(await refusal(carryOverTasks(await actorFor("交通局"), { planId: from, targetPlanId: active, taskIds: [ROADS] }))).toMatch(/^forbidden/);
    expect(await refusal(getCarryOverPage(await actorFor("柳天云"), from))).toMatch(/^forbidden/);
    expect(await count()).toBe(tasksBefore + 2); // only the two plans' own rows made above
  });
});
