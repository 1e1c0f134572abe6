/**
 * A half-monthly report carries the value of every confirmed indicator of its task: saved with the
 * draft, required on submission, pre-filled from the last submitted value, refused for an indicator
 * of another task, audited. Proposed (unconfirmed) indicators are not asked for.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, indicatorValues, progressReports, taskIndicators } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { approveReport, getReportForm, saveReportDraft, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00";
const TASK = 24; // 实施农村路网建设300公里 — lead 交通局
const FIELDS = {
  progress: "完成农村公路新改建 120 公里。",
  percent: 40,
  progressState: "on_track" as const,
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
};

async function indicator(taskId: number, values: Partial<typeof taskIndicators.$inferInsert> = {}) {
  const [row] = await db
    .insert(taskIndicators)
    .values({ taskId, name: "农村路网建设", comparator: ">=", target: 300, unit: "公里", status: "confirmed", ...values })
    .returning({ id: taskIndicators.id });
  return row!.id;
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

async function reportId(periodIndex: number) {
  const [row] = await db
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(and(eq(progressReports.taskId, TASK), eq(progressReports.periodIndex, periodIndex)));
  return row!.id;
}

describe("indicator values in half-monthly reports", () => {
  let filer: Actor;
  let head: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    filer = await actorFor("交通局-填报");
    head = await actorFor("交通局");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("asks only for confirmed indicators, and refuses a submission without their values", async () => {
    const confirmed = await indicator(TASK);
    await indicator(TASK, { name: "待确认的指标", status: "proposed" });
    const form = await getReportForm(head, { taskId: TASK, periodIndex: 12 });
    expect(form.indicators.map((i) => [i.id, i.name, i.value])).toEqual([[confirmed, "农村路网建设", null]]);

    const missing = await failure(submitReport(head, { taskId: TASK, periodIndex: 12, baseVersion: 0, fields: FIELDS }));
    expect(missing).toEqual({ code: "invalid", message: "请填写量化指标「农村路网建设」的本期数值" });
    // Nothing half-written: the refused submission left no report behind.
    expect(await db.select().from(progressReports).where(eq(progressReports.taskId, TASK))).toHaveLength(0);

    const done = await submitReport(head, {
      taskId: TASK,
      periodIndex: 12,
      baseVersion: 0,
      fields: FIELDS,
      indicatorValues: [{ indicatorId: confirmed, value: 120 }],
    });
    expect(done.status).toBe("submitted");
    const rows = await db.select({ value: indicatorValues.value, periodIndex: indicatorValues.periodIndex }).from(indicatorValues);
    expect(rows).toEqual([{ value: 120, periodIndex: 12 }]);
  });

  it("saves values with a draft, audits them, and pre-fills the next period from the last submitted one", async () => {
    const id = await indicator(TASK);
    const before = await auditCount();
    await saveReportDraft(filer, {
      taskId: TASK,
      periodIndex: 11,
      baseVersion: 0,
      fields: { ...FIELDS, percent: 30 },
      indicatorValues: [{ indicatorId: id, value: 86.5 }],
    });
    const [audit] = await db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
    expect(audit).toMatchObject({ action: "report.save_draft", after: { indicators: { 农村路网建设: 86.5 } } });
    // A draft is not a submission: the next period has nothing to start from yet.
    expect((await getReportForm(filer, { taskId: TASK, periodIndex: 12 })).indicators[0]).toMatchObject({ value: null, prefilled: false, last: null });
    const draft = await getReportForm(filer, { taskId: TASK, periodIndex: 11 });
    expect(draft.indicators[0]).toMatchObject({ value: 86.5, prefilled: false });

    // The filer submits to the head (values kept without being sent again), the head approves.
    await submitReport(filer, { taskId: TASK, periodIndex: 11, baseVersion: draft.report!.version, fields: { ...FIELDS, percent: 30 } });
    await approveReport(head, { taskId: TASK, periodIndex: 11 });
    const next = await getReportForm(filer, { taskId: TASK, periodIndex: 12 });
    expect(next.indicators[0]).toMatchObject({ value: 86.5, prefilled: true, last: { periodIndex: 11, periodLabel: "2022年6月上半月", value: 86.5 } });
  });

  it("refuses a value for another task's indicator and writes nothing", async () => {
    await indicator(TASK);
    const foreign = await indicator(2, { name: "签约项目", unit: "个", target: 20 });
    const refused = await failure(
      saveReportDraft(filer, { taskId: TASK, periodIndex: 12, baseVersion: 0, fields: FIELDS, indicatorValues: [{ indicatorId: foreign, value: 5 }] }),
    );
    expect(refused.code).toBe("invalid");
    expect(await db.select().from(indicatorValues)).toHaveLength(0);
    expect(await db.select().from(progressReports).where(eq(progressReports.taskId, TASK))).toHaveLength(0);
  });

  it("a report's values replace its earlier ones", async () => {
    const id = await indicator(TASK);
    const first = await saveReportDraft(filer, {
      taskId: TASK,
      periodIndex: 12,
      baseVersion: 0,
      fields: FIELDS,
      indicatorValues: [{ indicatorId: id, value: 100 }],
    });
    await saveReportDraft(filer, {
      taskId: TASK,
      periodIndex: 12,
      baseVersion: first.version,
      fields: FIELDS,
      indicatorValues: [{ indicatorId: id, value: 120 }],
    });
    const rows = await db
      .select({ value: indicatorValues.value })
      .from(indicatorValues)
      .where(eq(indicatorValues.reportId, await reportId(12)));
    expect(rows).toEqual([{ value: 120 }]);
  });
});
