/**
 * 减负 on the demo (2022, clock 2022-06-20): the burden meter's owed figures are the workspace's for the
 * same month; 由牵头单位汇总 removes the owed input wherever owed inputs are derived; lowering a cadence
 * keeps what was filed; the 提醒线; the warning before 开始执行 and 立项, nothing written without the
 * confirmation; every measure audited; bad input refused in Chinese with nothing written.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, collectedInputs, leaders, plans, settings, tasks, taskUnits, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { burdenWarningOf } from "@/lib/burden/warning";
import { listLeadUnitIds } from "@/lib/data/reports";
import { loadLivePlans } from "@/lib/plans/live";
import { collectInput, getBurdenMeter, getBurdenThresholds, getUnitBurden, lowerTaskCadence, setBurdenThresholds, uncollectInput } from "@/lib/services/burden";
import { getTaskHistory } from "@/lib/services/history";
import { registerItem } from "@/lib/services/items";
import { activatePlan } from "@/lib/services/plans";
import { computeOwed, sendReminders } from "@/lib/services/reminders";
import { getReportForm, submitReport } from "@/lib/services/reports";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { getUnitWorkspace } from "@/lib/services/workspace";
import type { RegisterItemInput } from "@/lib/items/schemas";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00";
const JUNE = { year: 2022, month: 6 };
/** A moment in each half of June: the workspace's current period is then each of June's periods in turn. */
const JUNE_MOMENTS = ["2022-06-05T10:00+08:00", "2022-06-20T10:00+08:00"];

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? { code: error.code, message: error.message } : { code: `unexpected: ${String(error)}`, message: "" };
}

const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const taskIdOf = async (seq: number) => (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, seq)))[0]!.id;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

/** The workspace's owed work in June: each report or input it lists as current at a moment in each half of June (closed ones aside). */
async function workspaceJune(filer: Actor) {
  const reports = new Set<string>();
  const inputs = new Set<string>();
  for (const moment of JUNE_MOMENTS) {
    process.env.APP_NOW = moment;
    const ws = await getUnitWorkspace(filer);
    for (const item of ws.reports) if (!item.closed) reports.add(`${item.taskId}:${item.periodIndex}`);
    for (const item of ws.contributions) if (!item.closed) inputs.add(`${item.taskId}:${item.periodIndex}`);
  }
  process.env.APP_NOW = PINNED;
  return { reports: reports.size, inputs: inputs.size, inputKeys: inputs };
}

describe("the burden meter", () => {
  let office: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    office = await actorFor("ducha");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("its owed figures equal the workspace's owed counts for the same month, unit by unit", async () => {
    const names = ["交通局", "农牧局", "乌兰镇", "教体局", "棋盘井镇"];
    for (const name of names) {
      const burden = await getUnitBurden(office, await unitId(name), { month: JUNE });
      const ws = await workspaceJune(await actorFor(`${name}-填报`));
      expect([name, burden.row.reports, burden.row.inputs]).toEqual([name, ws.reports, ws.inputs]);
    }
    // Figures worked out by hand for 交通局: leads 24 and 27, cooperates by name on 41 and 65 — two halves each.
    const jt = await getUnitBurden(office, await unitId("交通局"), { month: JUNE });
    expect([jt.row.reports, jt.row.inputs, jt.row.owed]).toEqual([4, 4, 8]);
    expect(jt.row.causes[0]).toBe("牵头 2 项任务：每半月 2 份进展报告，本月共 4 份");
    expect(jt.row.causes[1]).toBe("配合 2 项任务：每半月 2 份配合进展，本月共 4 份");
    // 乌兰镇 owes inputs as one of 各苏木镇 (a collective with listed members).
    const wl = await getUnitBurden(office, await unitId("乌兰镇"), { month: JUNE });
    expect(wl.row.inputs).toBeGreaterThan(0);

    // The ranked list holds the same rows, heaviest first.
    const meter = await getBurdenMeter(office, { month: JUNE, paging: { page: 1, size: 100 } });
    const row = meter.page.rows.find((r) => r.unitName === "交通局")!;
    expect([row.reports, row.inputs]).toEqual([4, 4]);
    const owed = meter.page.rows.map((r) => r.owed);
    expect(owed).toEqual([...owed].sort((a, b) => b - a));
    expect(meter.canManage).toBe(true);
    expect((await getBurdenMeter(await actorFor("admin"), { month: JUNE })).canManage).toBe(false);
  });

  it("由牵头单位汇总 removes the owed input everywhere owed is computed; undo brings it back; both audited", async () => {
    const jt = await unitId("交通局");
    const task41 = await taskIdOf(41);
    const [plan] = await loadLivePlans();
    const at = new Date(PINNED);
    const leadId = (await listLeadUnitIds(db, task41))[0]!;
    const leadName = (await db.select({ name: units.name }).from(units).where(eq(units.id, leadId)))[0]!.name;
    const leadFiler = await actorFor(`${leadName}-填报`);
    const owedInputOf = async () =>
      (await computeOwed(plan!, 12, { at })).find((u) => u.unitId === jt)?.items.find((i) => i.taskId === task41 && i.owes === "contribution");
    const leadInputs = async () => (await getUnitWorkspace(leadFiler)).reports.find((r) => r.taskId === task41)?.inputs;

    const before = {
      ws: await workspaceJune(await actorFor("交通局-填报")),
      lead: await leadInputs(),
      burden: await getUnitBurden(office, jt, { month: JUNE }),
    };
    expect(before.ws.inputKeys.has(`${task41}:12`)).toBe(true);
    expect(await owedInputOf()).toBeDefined();
    expect((await getReportForm(leadFiler, { taskId: task41, periodIndex: 12 })).missingContributors).toContain("交通局");
    const matrixBefore = await getComplianceMatrix(office, { at, paging: { page: 1, size: 100 } });

    const audits = await auditCount();
    expect(await collectInput(office, { taskId: task41, unitId: jt })).toEqual({ taskId: task41, unitId: jt });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: "burden.collect_input", entity: "task", entityId: String(task41) });

    // The cooperating unit's workspace: no input on 41 any more, the task listed as collected.
    const after = await workspaceJune(await actorFor("交通局-填报"));
    expect(after.inputKeys.has(`${task41}:12`)).toBe(false);
    expect(after.inputs).toBe(before.ws.inputs - 2);
    expect((await getUnitWorkspace(await actorFor("交通局-填报"))).collectedTasks.map((t) => t.seq)).toEqual([41]);
    // 催办 and the deadline scan (computeOwed): 交通局 no longer owes it.
    expect(await owedInputOf()).toBeUndefined();
    // The lead unit: one input fewer owed on its report, and the form says it includes 交通局's.
    expect((await leadInputs())!.owed).toBe(before.lead!.owed - 1);
    const form = await getReportForm(leadFiler, { taskId: task41, periodIndex: 12 });
    expect(form.missingContributors).not.toContain("交通局");
    expect(form.collectedContributors).toEqual(["交通局"]);
    // The meter: two inputs fewer in June, the same figure the workspace gives.
    const burden = await getUnitBurden(office, jt, { month: JUNE });
    expect(burden.row.inputs).toBe(before.burden.row.inputs - 2);
    expect(burden.row.inputs).toBe(after.inputs);
    expect(burden.collected.map((t) => t.seq)).toEqual([41]);
    // The matrix counts lead units' reports only: unchanged by an input collected.
    const matrixAfter = await getComplianceMatrix(office, { at, paging: { page: 1, size: 100 } });
    expect(matrixAfter!.matrix.rows.map((r) => [r.unitId, r.totals])).toEqual(matrixBefore!.matrix.rows.map((r) => [r.unitId, r.totals]));

    // Twice is refused; undo restores everything.
    expect((await refusal(collectInput(office, { taskId: task41, unitId: jt }))).message).toBe("该单位的配合进展已由牵头单位汇总");
    await uncollectInput(office, { taskId: task41, unitId: jt });
    expect(await lastAudit()).toMatchObject({ action: "burden.uncollect_input", entityId: String(task41) });
    expect((await workspaceJune(await actorFor("交通局-填报"))).inputs).toBe(before.ws.inputs);
    expect(await owedInputOf()).toBeDefined();
    expect((await refusal(uncollectInput(office, { taskId: task41, unitId: jt }))).message).toBe("该单位的配合进展并未由牵头单位汇总");
  });

  it("collecting a unit that owes no input, bad input, or a unit or leader acting: refused in Chinese, nothing written", async () => {
    const jt = await unitId("交通局");
    const task24 = await taskIdOf(24); // 交通局 leads it
    const audits = await auditCount();
    expect(await refusal(collectInput(office, { taskId: task24, unitId: jt }))).toEqual({
      code: "invalid",
      message: "该单位不是这项任务须报送配合进展的配合单位",
    });
    expect(await refusal(collectInput(office, { taskId: "41", unitId: jt }))).toMatchObject({ code: "invalid" });
    expect(await refusal(collectInput(office, { taskId: task24, unitId: jt, extra: 1 }))).toEqual({ code: "invalid", message: "不接受的字段：extra" });
    expect(await refusal(collectInput(office, { taskId: 999999, unitId: jt }))).toEqual({ code: "not_found", message: "未找到这项任务" });
    for (const who of ["交通局", "交通局-填报", "柳天云", "admin"]) {
      expect((await refusal(collectInput(await actorFor(who), { taskId: await taskIdOf(41), unitId: jt }))).code).toBe("forbidden");
    }
    expect(await db.select().from(collectedInputs)).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("lowering a cadence: fewer reports owed from now, every period already filed kept with its lateness", async () => {
    const jt = await unitId("交通局");
    const task24 = await taskIdOf(24);
    // 交通局's head files 6月上半月 (late: due 15 June) and 6月下半月 (on time) while the task is half-monthly.
    const head = await actorFor("交通局");
    const fields = {
      progress: "完成农村公路新改建 86 公里",
      percent: 30,
      progressState: "on_track" as const,
      problems: "",
      nextSteps: "",
      coordinationRequest: "",
    };
    await submitReport(head, { taskId: task24, periodIndex: 11, baseVersion: 0, fields });
    await submitReport(head, { taskId: task24, periodIndex: 12, baseVersion: 0, fields });
    const history = await getTaskHistory(office, task24);
    if (!history.applicable) throw new Error("task 24 has a history");
    const filedBefore = history.periods.filter((p) => p.submitted).map((p) => [p.index, p.submitted!.late, p.submitted!.submittedAt.toISOString()]);
    expect(filedBefore.map(([index, late]) => [index, late])).toEqual([
      [12, false],
      [11, true],
    ]);

    expect(await lowerTaskCadence(office, { taskId: task24, cadence: "monthly" })).toEqual({ taskId: task24, from: "half_monthly", to: "monthly" });
    expect(await lastAudit()).toMatchObject({ action: "burden.lower_cadence", before: { cadence: "half_monthly" }, after: { cadence: "monthly" } });
    const burden = await getUnitBurden(office, jt, { month: JUNE });
    expect(burden.row.reports).toBe(3); // 24 once a month, 27 twice
    expect(burden.duties.find((d) => d.taskId === task24)).toMatchObject({ count: 1, cadence: "monthly", cadenceLabel: "每月报送", lowerTo: ["final"] });
    const ws = await getUnitWorkspace(await actorFor("交通局-填报"));
    expect(ws.reports.find((r) => r.taskId === task24)).toMatchObject({ periodIndex: 12, cadenceLabel: "每月报送" });
    // Every report already filed is still there, in its period, with its lateness.
    const later = await getTaskHistory(office, task24);
    if (!later.applicable) throw new Error("task 24 has a history");
    const filedAfter = later.periods.filter((p) => p.submitted).map((p) => [p.index, p.submitted!.late, p.submitted!.submittedAt.toISOString()]);
    expect(filedAfter.sort()).toEqual(filedBefore.sort());

    // Not lower, or no lower left: refused, nothing written.
    const audits = await auditCount();
    expect(await refusal(lowerTaskCadence(office, { taskId: task24, cadence: "monthly" }))).toEqual({
      code: "invalid",
      message: "这项任务现为每月报送，只能改为更低的频次",
    });
    expect(await refusal(lowerTaskCadence(office, { taskId: task24, cadence: "weekly" }))).toEqual({
      code: "invalid",
      message: "请选择较低的报送频次（每月报送或到期一次报送）",
    });
    expect((await refusal(lowerTaskCadence(await actorFor("交通局"), { taskId: task24, cadence: "final" }))).code).toBe("forbidden");
    expect(await auditCount()).toBe(audits);
    expect((await db.select({ cadence: tasks.cadence }).from(tasks).where(eq(tasks.id, task24)))[0]!.cadence).toBe("monthly");
  });

  it("the 提醒线: set and cleared by the office, audited; bad input refused in Chinese, nothing written", async () => {
    expect(await getBurdenThresholds()).toEqual({ maxOwed: null, maxReminders: null });
    const audits = await auditCount();
    await setBurdenThresholds(office, { maxOwed: 6, maxReminders: 2 });
    expect(await getBurdenThresholds()).toEqual({ maxOwed: 6, maxReminders: 2 });
    expect(await lastAudit()).toMatchObject({ action: "burden.set_thresholds", entity: "settings", after: { maxOwed: 6, maxReminders: 2 } });
    // The meter marks who is over.
    const meter = await getBurdenMeter(office, { month: JUNE, paging: { page: 1, size: 100 } });
    expect(meter.page.rows.find((r) => r.unitName === "交通局")!.breaches).toEqual(["owed"]);
    expect(meter.over).toBe(meter.page.rows.filter((r) => r.owed > 6 || r.reminders > 2).length);
    // The same values again change nothing (no audit row).
    await setBurdenThresholds(office, { maxOwed: 6, maxReminders: 2 });
    expect(await auditCount()).toBe(audits + 1);

    for (const [input, message] of [
      [{ maxOwed: 0, maxReminders: null }, "每月应报事项提醒线须为正整数"],
      [{ maxOwed: 2.5, maxReminders: null }, "每月应报事项提醒线须为正整数"],
      [{ maxOwed: "10", maxReminders: null }, "每月应报事项提醒线须为正整数"],
      [{ maxOwed: 10, maxReminders: 100000 }, "每月催办次数提醒线不能超过 10000"],
      [{ maxOwed: 10, maxReminders: null, unitId: 3 }, "不接受的字段：unitId"],
    ] as const) {
      expect(await refusal(setBurdenThresholds(office, input))).toEqual({ code: "invalid", message });
    }
    for (const who of ["交通局", "柳天云", "admin"])
      expect((await refusal(setBurdenThresholds(await actorFor(who), { maxOwed: 1, maxReminders: 1 }))).code).toBe("forbidden");
    expect(await getBurdenThresholds()).toEqual({ maxOwed: 6, maxReminders: 2 });
    expect(await auditCount()).toBe(audits + 1);
    await setBurdenThresholds(office, { maxOwed: null, maxReminders: null });
    expect(await getBurdenThresholds()).toEqual({ maxOwed: null, maxReminders: null });
    expect((await db.select().from(settings).where(eq(settings.key, "burden.thresholds"))).length).toBe(1);
  });

  it("registering an item that pushes a unit past the 提醒线: the warning first, nothing written; registered once confirmed", async () => {
    const wl = await unitId("乌兰镇");
    const jt = await unitId("交通局");
    const now = (await getUnitBurden(office, wl, { month: JUNE })).row.owed;
    await setBurdenThresholds(office, { maxOwed: now, maxReminders: null });
    const input: RegisterItemInput = {
      content: "推进城区老旧小区改造，年内完成 12 个小区",
      source: "meeting",
      documentNumber: "常务会议纪要〔2022〕5号",
      issuedOn: "2022-06-18",
      leaderIds: [(await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, "张军")))[0]!.id],
      leadUnitIds: [jt],
      cooperatingUnitIds: [wl],
      dueOn: "2022-09-30",
      cadence: "half_monthly",
    };
    const audits = await auditCount();
    const taskCount = (await db.select({ id: tasks.id }).from(tasks)).length;
    const error = await registerItem(office, input).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("conflict");
    const warning = burdenWarningOf((error as { current?: unknown }).current);
    expect(warning?.message).toMatch(/^以下单位将超过负担提醒线：/);
    // 乌兰镇 owes one more input in June (registered in 6月下半月) and two in July: its worst month is named.
    const wlLine = warning!.units.find((u) => u.unitId === wl)!;
    expect(wlLine).toMatchObject({ unitName: "乌兰镇", limit: now, added: 2, month: "2022年7月" });
    expect((await db.select({ id: tasks.id }).from(tasks)).length).toBe(taskCount);
    expect(await auditCount()).toBe(audits);

    const registered = await registerItem(office, { ...input, confirmBurden: true });
    expect(registered.seqLabel).toMatch(/^督〔2022〕第\d+号$/);
    expect(await lastAudit()).toMatchObject({ action: "item.register", after: { burdenConfirmed: true } });
    expect((await lastAudit()).after).not.toHaveProperty("confirmBurden");
    // Now counted: 乌兰镇 owes one more input in June.
    expect((await getUnitBurden(office, wl, { month: JUNE })).row.owed).toBe(now + 1);
  });

  it("starting a plan that pushes a unit past the 提醒线: the warning first, the plan stays a draft; started once confirmed", async () => {
    const jt = await unitId("交通局");
    const [draft] = await db.insert(plans).values({ year: 2022, title: "2022年民生实事", source: "livelihood" }).returning({ id: plans.id });
    await db.insert(tasks).values({ planId: draft!.id, seq: 1, content: "新建口袋公园 3 处" });
    const [task] = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, draft!.id), eq(tasks.seq, 1)));
    await db.insert(taskUnits).values({ taskId: task!.id, unitId: jt, role: "lead", position: 0 });

    const now = (await getUnitBurden(office, jt, { month: JUNE })).row.owed;
    await setBurdenThresholds(office, { maxOwed: now, maxReminders: null });
    const audits = await auditCount();
    const error = await activatePlan(office, { planId: draft!.id, firstPeriod: 12 }).catch((e: unknown) => e);
    const warning = burdenWarningOf((error as { current?: unknown }).current);
    expect(warning?.units).toEqual([expect.objectContaining({ unitName: "交通局", month: "2022年7月", added: 2, limit: now })]);
    expect((await db.select({ state: plans.state }).from(plans).where(eq(plans.id, draft!.id)))[0]!.state).toBe("draft");
    expect(await auditCount()).toBe(audits);

    expect(await activatePlan(office, { planId: draft!.id, firstPeriod: 12, confirmBurden: true })).toEqual({ planId: draft!.id, firstPeriod: 12 });
    expect(await lastAudit()).toMatchObject({ action: "plan.activate", after: { state: "active", burdenConfirmed: true } });
    expect((await getUnitBurden(office, jt, { month: JUNE })).row.reports).toBe(5);
    // Cleared line: nothing ever warns.
    await setBurdenThresholds(office, { maxOwed: null, maxReminders: null });
    await db
      .update(plans)
      .set({ state: "draft" })
      .where(inArray(plans.id, [draft!.id]));
    expect(await activatePlan(office, { planId: draft!.id, firstPeriod: 12 })).toEqual({ planId: draft!.id, firstPeriod: 12 });
  });

  it("a 催办 that would pass the 提醒线 on reminders: the warning first, nothing sent; sent once confirmed", async () => {
    await setBurdenThresholds(office, { maxOwed: null, maxReminders: 1 });
    const first = await sendReminders(office, { periodIndex: 12 });
    expect(first.units).toBeGreaterThan(0);
    // 11 minutes later (past the cooldown), a second reminder this month would be every unit's second.
    process.env.APP_NOW = "2022-06-20T10:11+08:00";
    const audits = await auditCount();
    const error = await sendReminders(office, { periodIndex: 12 }).catch((e: unknown) => e);
    const warning = burdenWarningOf((error as { current?: unknown }).current);
    expect(warning?.units).toHaveLength(first.units);
    expect(warning?.units[0]).toMatchObject({ measure: "reminders", month: "2022年6月", before: 1, added: 1, after: 2, limit: 1 });
    expect(warning?.message).toMatch(/^以下单位将超过负担提醒线：.+收到催办 2 次（现 1 次，新增 1 次；提醒线 1 次）/);
    expect(await auditCount()).toBe(audits);
    const meter = await getBurdenMeter(office, { month: JUNE, paging: { page: 1, size: 100 } });
    expect(meter.page.rows.filter((r) => r.reminders === 1)).toHaveLength(first.units);

    const second = await sendReminders(office, { periodIndex: 12, confirmBurden: true });
    expect(second.units).toBe(first.units);
    expect(await lastAudit()).toMatchObject({ action: "reminder.send", after: { burdenConfirmed: true } });
    const after = await getBurdenMeter(office, { month: JUNE, paging: { page: 1, size: 100 } });
    const reminded = after.page.rows.filter((r) => r.reminders === 2);
    expect(reminded).toHaveLength(first.units);
    expect(reminded.every((r) => r.breaches.includes("reminders") && r.causes.includes("收到催办 2 次"))).toBe(true);
  });
});
