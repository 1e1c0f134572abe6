/**
 * The report form posted without JavaScript (FormData, all strings) to submitReportFormAction: the
 * same pipeline as the form's submitReportAction (signed in, strict zod, lead unit, versions,
 * indicators), then a redirect back to the report page; a refused post comes back with the message
 * and everything typed, and nothing is written.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { progressReports, taskIndicators } from "@/db/schema";
import { getReportForm } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

const { submitReportFormAction } = await import("@/app/(app)/reports/actions");

const PINNED = "2022-06-20T10:00+08:00";
const TASK = 24; // 实施农村路网建设300公里 — lead 交通局 (the filer's submission goes to the head)
const PERIOD = 12;

const TYPED = {
  progress: "完成农村公路新改建 86 公里。",
  percent: "30",
  progressState: "on_track",
  problems: "征地手续在办",
  nextSteps: "推进路面施工",
  coordinationRequest: "",
};

function form(values: Record<string, string>, target: Record<string, string> = { taskId: String(TASK), periodIndex: String(PERIOD), baseVersion: "0" }) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...target, ...values })) data.append(name, value);
  return data;
}

/** What the action did: the page it redirected to, or the state it rendered the form with. */
async function post(data: FormData) {
  try {
    return { state: await submitReportFormAction(null, data) };
  } catch (error) {
    if (error instanceof Redirected) return { redirect: error.url };
    throw error;
  }
}

const reportCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(progressReports))[0]!.n;

describe("report form posted without JavaScript", () => {
  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    session.actor = await actorFor("交通局-填报");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("submits the posted report (to the head) and redirects back to the report page", async () => {
    expect(await post(form(TYPED))).toEqual({ redirect: `/reports/${TASK}/${PERIOD}` });
    const { report } = await getReportForm(session.actor!, { taskId: TASK, periodIndex: PERIOD });
    expect(report).toMatchObject({ status: "pending_approval", version: 1 });
    expect(report?.fields).toEqual({ ...TYPED, percent: 30 });

    // The head files the same way: the submission is final.
    session.actor = await actorFor("交通局");
    const headForm = form({ ...TYPED, progress: "负责人修改后报送" }, { taskId: String(TASK), periodIndex: "11", baseVersion: "0" });
    expect(await post(headForm)).toEqual({ redirect: `/reports/${TASK}/11` });
    expect((await getReportForm(session.actor, { taskId: TASK, periodIndex: 11 })).report).toMatchObject({ status: "submitted", late: true });
  });

  it("posts the values of the task's confirmed indicators, and refuses a submission without them", async () => {
    const [row] = await db
      .insert(taskIndicators)
      .values({ taskId: TASK, name: "农村路网建设", comparator: ">=", target: 300, unit: "公里", status: "confirmed" })
      .returning({ id: taskIndicators.id });
    const id = row!.id;

    const missing = await post(form({ ...TYPED, [`indicator-${id}`]: "" }));
    expect(missing.state).toMatchObject({
      message: "请填写每项量化指标的本期数值（数字）",
      indicatorErrors: { [id]: "请填写本期数值" },
      indicatorInputs: { [id]: "" },
    });
    const notANumber = await post(form({ ...TYPED, [`indicator-${id}`]: "八十六" }));
    expect(notANumber.state).toMatchObject({ indicatorErrors: { [id]: "须为数字" }, indicatorInputs: { [id]: "八十六" }, fields: { ...TYPED, percent: 30 } });
    expect(await reportCount()).toBe(0);

    expect(await post(form({ ...TYPED, [`indicator-${id}`]: "1,086" }))).toEqual({ redirect: `/reports/${TASK}/${PERIOD}` });
    const { indicators } = await getReportForm(session.actor!, { taskId: TASK, periodIndex: PERIOD });
    expect(indicators.map((i) => ({ id: i.id, value: i.value }))).toEqual([{ id, value: 1086 }]);
  });

  it("bad input comes back with the Chinese message and everything typed; nothing is written", async () => {
    const audit = await auditCount();
    const typed = { ...TYPED, progress: "  ", percent: "150", progressState: "", problems: "<script>保留</script>" };
    const { state } = await post(form(typed));
    expect(state).toMatchObject({
      message: "请填写本期工作进展",
      fieldErrors: { progress: ["请填写本期工作进展"], percent: ["完成进度不能超过 100%"], progressState: ["请选择进展状态"] },
      fields: { ...typed, percent: 150, progressState: null },
    });
    const notANumber = await post(form({ ...TYPED, percent: "三十" }));
    expect(notANumber.state).toMatchObject({ fieldErrors: { percent: ["请填写完成进度（0–100 的数字）"] }, fields: { percent: Number.NaN } });
    expect(await reportCount()).toBe(0);
    expect(await auditCount()).toBe(audit);
  });

  it("refuses other units, other roles, the signed out and forged targets; fields it does not know are ignored", async () => {
    for (const other of ["农牧局-填报", "乌兰镇", "ducha", "张军"]) {
      session.actor = await actorFor(other);
      const { state } = await post(form(TYPED));
      expect(state?.message, other).toBeTruthy();
      expect(state?.fields, other).toEqual({ ...TYPED, percent: 30 });
    }
    session.actor = null;
    expect((await post(form(TYPED))).state?.message).toBeTruthy();

    session.actor = await actorFor("交通局-填报");
    expect((await post(form(TYPED, { taskId: "24", periodIndex: "99", baseVersion: "0" }))).state?.message).toBe("期次不正确");
    expect((await post(form(TYPED, { taskId: "", periodIndex: "12", baseVersion: "0" }))).state?.message).toBeTruthy();
    expect(await reportCount()).toBe(0);

    // A forged unitId or status is not read: the unit is the session's, the status the workflow's.
    expect(await post(form({ ...TYPED, unitId: "1", status: "accepted" }))).toEqual({ redirect: `/reports/${TASK}/${PERIOD}` });
    const rows = await db.select({ status: progressReports.status, unitId: progressReports.unitId }).from(progressReports);
    expect(rows).toEqual([{ status: "pending_approval", unitId: session.actor.unitId }]);
  });
});
