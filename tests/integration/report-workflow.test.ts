/**
 * Filing a half-monthly report, end to end through the services and the form's server actions:
 * who may file, drafts with optimistic locking, the head's sign-off, lateness by the server clock,
 * the supervision office's review, every submitted version kept, one audit row per change.
 * The session is simulated (`requireActor`); everything after it is the real pipeline and database.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, progressReports, reportVersions, tasks, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import {
  acceptReport,
  approveReport,
  getReportForm,
  returnReport,
  returnReportToFiler,
  saveReportDraft,
  submitReport,
  STALE_DRAFT_MESSAGE,
  withdrawReport,
  type CurrentDraft,
} from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveReportDraftAction, submitReportAction, approveReportAction, returnReportToFilerAction, withdrawReportAction } = await import(
  "@/app/(app)/reports/actions"
);

/** 2022-06-20 10:00: period 12 (6月下半月, due 7月1日 00:00) is current; period 11 (6月上半月) was due 6月16日 00:00. */
const PINNED = "2022-06-20T10:00+08:00";
const CURRENT = 12;
const LATE = 11;
const TASK = 24; // 实施农村路网建设300公里 — lead 交通局, cooperating 各苏木镇 (乌兰镇 …), leader 张军

type SubmittedFields = ReportFields & { percent: number; progressState: NonNullable<ReportFields["progressState"]> };

const FIELDS: SubmittedFields = {
  progress: "完成农村公路新改建 86 公里，路基工程全面铺开。",
  percent: 30,
  progressState: "on_track",
  problems: "部分路段征地手续尚在办理",
  nextSteps: "加快推进路面施工",
  coordinationRequest: "",
};

const target = (periodIndex = CURRENT) => ({ taskId: TASK, periodIndex });

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

async function reportRow(periodIndex = CURRENT) {
  const [row] = await db
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.taskId, TASK), eq(progressReports.periodIndex, periodIndex)));
  return row ?? null;
}

async function versionRows(periodIndex = CURRENT) {
  const report = await reportRow(periodIndex);
  if (!report) return [];
  return db.select().from(reportVersions).where(eq(reportVersions.reportId, report.id)).orderBy(asc(reportVersions.number));
}

/** Runs `step` and returns the audit rows it added. */
async function auditOf(step: () => Promise<unknown>) {
  const before = await auditCount();
  await step();
  return db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
}

/** The conflict a stale save is refused with. */
async function refusalOf(promise: Promise<unknown>): Promise<ConflictError<CurrentDraft>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ConflictError)) throw new Error(`expected a conflict, got ${String(error)}`);
  return error as ConflictError<CurrentDraft>;
}

const userId = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

describe("half-monthly report filing", () => {
  let filer: Actor;
  let head: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    filer = await actorFor("交通局-填报");
    head = await actorFor("交通局");
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the demo task is what the tests assume", async () => {
    const [task] = await db.select({ seq: tasks.seq, content: tasks.content }).from(tasks).where(eq(tasks.id, TASK));
    expect(task).toEqual({ seq: 24, content: "实施农村路网建设300公里。" });
    const form = await getReportForm(filer, target());
    expect(form.period).toMatchObject({ index: 12, label: "2022年6月下半月", dueLabel: "6月30日 24:00", signal: "open" });
    expect((await getReportForm(filer, target(LATE))).period).toMatchObject({ label: "2022年6月上半月", dueLabel: "6月15日 24:00", signal: "overdue" });
    expect(form.report).toBeNull();
    expect(form.missingContributors).toEqual(expect.arrayContaining(["乌兰镇", "棋盘井镇", "阿尔巴斯苏木"]));
    expect(form.can).toEqual({ edit: true, submit: true, withdraw: false, approve: false, isHead: false, requiresSignOff: true });
  });

  it("only members of the lead unit get the form, save or submit; others are refused and nothing is written", async () => {
    const outsiders = ["乌兰镇", "乌兰镇-填报", "农牧局", "农牧局-填报", "张军", "ducha", "admin"];
    const auditBefore = await auditCount();
    for (const username of outsiders) {
      const actor = await actorFor(username);
      expect(await refusal(getReportForm(actor, target())), username).toBe("not_found");
      expect(await refusal(saveReportDraft(actor, { ...target(), baseVersion: 0, fields: FIELDS })), username).toBe("not_found");
      expect(await refusal(submitReport(actor, { ...target(), baseVersion: 0, fields: FIELDS })), username).toBe("not_found");
      expect(await refusal(approveReport(actor, target())), username).toMatch(/not_found|forbidden/);
      expect(await refusal(returnReportToFiler(actor, { ...target(), reason: "x" })), username).toMatch(/not_found|forbidden/);
    }
    expect(await auditCount()).toBe(auditBefore); // the services wrote nothing, not even half a report
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(progressReports)).toEqual([{ n: 0 }]);

    // The server actions, called directly as each of them (and signed out): refused, recorded, nothing written.
    for (const username of [null, ...outsiders]) {
      session.actor = username ? await actorFor(username) : null;
      const save = await saveReportDraftAction({ ...target(), baseVersion: 0, ...FIELDS });
      const submit = await submitReportAction({ ...target(), baseVersion: 0, ...FIELDS });
      const approve = await approveReportAction(target());
      for (const result of [save, submit, approve]) {
        expect(result.ok, String(username)).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/请先登录|未找到该记录|没有权限/);
      }
    }
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(progressReports)).toEqual([{ n: 0 }]);
    const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(auditBefore);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.action === "auth.refused")).toBe(true);
  });

  it("a lead unit's other tasks and periods outside the plan's reporting window are refused", async () => {
    expect(await refusal(getReportForm(filer, { taskId: TASK, periodIndex: 13 }))).toBe("invalid"); // not begun yet
    expect(await refusal(saveReportDraft(filer, { taskId: TASK, periodIndex: 13, baseVersion: 0, fields: FIELDS }))).toBe("invalid");
    expect(await refusal(getReportForm(filer, { taskId: 1, periodIndex: CURRENT }))).toBe("not_found"); // row 1: overall responsibility
    expect(await refusal(getReportForm(filer, { taskId: 99_999, periodIndex: CURRENT }))).toBe("not_found");
  });

  it("a draft saves with a version, survives a reload, and each save writes one audit row", async () => {
    const first = await auditOf(() => saveReportDraft(filer, { ...target(), baseVersion: 0, fields: { ...FIELDS, percent: null, progressState: null } }));
    expect(first.map((r) => r.action)).toEqual(["report.save_draft"]);
    const form = await getReportForm(filer, target());
    expect(form.report).toMatchObject({ version: 1, status: "draft", state: "draft", fields: { ...FIELDS, percent: null, progressState: null } });
    // A colleague of the same unit (the head) sees the draft and continues from version 1.
    const again = await auditOf(async () =>
      expect(await saveReportDraft(head, { ...target(), baseVersion: 1, fields: FIELDS })).toEqual({ version: 2, status: "draft", savedAt: new Date(PINNED) }),
    );
    expect(again).toHaveLength(1);
    expect((await getReportForm(filer, target())).report?.fields).toEqual(FIELDS);
  });

  it("two saves from the same version: exactly one wins, the other is refused with the newer text", async () => {
    await saveReportDraft(filer, { ...target(), baseVersion: 0, fields: FIELDS });
    const mine = { ...FIELDS, progress: "填报人的修改" };
    const theirs = { ...FIELDS, progress: "负责人的修改" };
    const auditBefore = await auditCount();
    const results = await Promise.allSettled([
      saveReportDraft(filer, { ...target(), baseVersion: 1, fields: mine }),
      saveReportDraft(head, { ...target(), baseVersion: 1, fields: theirs }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as ConflictError<CurrentDraft>;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain("已在另一窗口或由其他人修改");
    const stored = (await reportRow())!;
    expect(stored.version).toBe(2);
    expect(error.current.version).toBe(2);
    expect(error.current.fields.progress).toBe(stored.progress); // the loser is shown the winner's text
    expect([mine.progress, theirs.progress]).toContain(stored.progress);
    expect(await auditCount()).toBe(auditBefore + 1);

    // Through the action: the refusal carries `current`, so the form can show it beside what was typed.
    session.actor = filer;
    const stale = await saveReportDraftAction({ ...target(), baseVersion: 1, ...mine, progress: "又一次修改" });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect((stale.current as CurrentDraft).fields.progress).toBe(stored.progress);
    expect((await reportRow())!.progress).toBe(stored.progress);
  });

  it("a save is stamped by the app clock, and a stale save is told who saved the newer text — the same account in another window, or someone else", async () => {
    // Saved at the pinned clock (2022-06-20 10:00), not the database's or the browser's.
    expect(await saveReportDraft(filer, { ...target(), baseVersion: 0, fields: FIELDS })).toEqual({ version: 1, status: "draft", savedAt: new Date(PINNED) });
    expect((await reportRow())!.updatedAt).toEqual(new Date(PINNED));
    expect((await getReportForm(filer, target())).report?.updatedAt).toEqual(new Date(PINNED));

    // The filer's second tab, still at version 0: the newer text is the filer's own.
    const ownTab = await refusalOf(saveReportDraft(filer, { ...target(), baseVersion: 0, fields: { ...FIELDS, progress: "第二个窗口" } }));
    expect(ownTab.message).toBe(STALE_DRAFT_MESSAGE);
    expect(ownTab.message).not.toContain("同事");
    expect(ownTab.current).toMatchObject({ version: 1, updatedAt: new Date(PINNED), updatedByName: "交通局填报人", bySelf: true });

    // The head, an hour later, based on version 0 too: saved by someone else, named.
    process.env.APP_NOW = "2022-06-20T11:00+08:00";
    const other = await refusalOf(saveReportDraft(head, { ...target(), baseVersion: 0, fields: FIELDS }));
    expect(other.current).toMatchObject({ version: 1, updatedAt: new Date(PINNED), updatedByName: "交通局填报人", bySelf: false });
    const saved = await saveReportDraft(head, { ...target(), baseVersion: 1, fields: FIELDS });
    expect(saved.savedAt).toEqual(new Date("2022-06-20T11:00+08:00"));
    expect((await refusalOf(saveReportDraft(filer, { ...target(), baseVersion: 1, fields: FIELDS }))).current).toMatchObject({
      updatedAt: new Date("2022-06-20T11:00+08:00"),
      updatedByName: "交通局负责人",
      bySelf: false,
    });
  });

  it("a filer's submission goes to the head; the head's approval submits it with both names, late by the server clock", async () => {
    // Written and sent to the head before the due time (6月15日 10:00) …
    process.env.APP_NOW = "2022-06-15T10:00+08:00";
    await saveReportDraft(filer, { ...target(LATE), baseVersion: 0, fields: FIELDS });
    const sent = await auditOf(async () =>
      expect(await submitReport(filer, { ...target(LATE), baseVersion: 1, fields: FIELDS })).toEqual({ status: "pending_approval", late: null, version: 2 }),
    );
    expect(sent.map((r) => r.action)).toEqual(["report.send_for_approval"]);
    expect(await versionRows(LATE)).toHaveLength(0); // nothing is filed until the head signs off
    expect((await getReportForm(filer, target(LATE))).can).toMatchObject({ edit: false, approve: false });
    expect(await refusal(saveReportDraft(filer, { ...target(LATE), baseVersion: 2, fields: FIELDS }))).toBe("conflict");
    expect(await refusal(approveReport(filer, target(LATE)))).toBe("forbidden"); // a filer cannot sign off
    expect(await refusal(approveReport(await actorFor("农牧局"), target(LATE)))).toBe("not_found"); // another unit's head

    // … but the head signs off after it (6月20日): the submission that counts is late.
    process.env.APP_NOW = PINNED;
    expect((await getReportForm(head, target(LATE))).can).toMatchObject({ edit: false, approve: true });
    const approved = await auditOf(async () => expect(await approveReport(head, target(LATE))).toEqual({ status: "submitted", late: true }));
    expect(approved.map((r) => r.action)).toEqual(["report.approve"]);
    const [version] = await versionRows(LATE);
    expect(version).toMatchObject({
      number: 1,
      progress: FIELDS.progress,
      late: true,
      submittedBy: await userId("交通局-填报"),
      approvedBy: await userId("交通局"),
    });
    expect(version!.submittedAt.toISOString()).toBe(new Date(PINNED).toISOString());
    const form = await getReportForm(filer, target(LATE));
    expect(form.report).toMatchObject({ status: "submitted", state: "submitted_late", late: true });
    expect(form.versions[0]).toMatchObject({ number: 1, submittedByName: "交通局填报人", approvedByName: "交通局负责人", late: true });
    // Approving twice files nothing more.
    expect(await refusal(approveReport(head, target(LATE)))).toBe("conflict");
    expect(await versionRows(LATE)).toHaveLength(1);
  });

  it("the head's own submission is final; on time in the current period", async () => {
    await saveReportDraft(head, { ...target(), baseVersion: 0, fields: FIELDS });
    const result = await submitReport(head, { ...target(), baseVersion: 1, fields: FIELDS });
    expect(result).toEqual({ status: "submitted", late: false, version: 2 });
    const form = await getReportForm(filer, target());
    expect(form.report).toMatchObject({ state: "submitted", late: false });
    expect(form.versions).toEqual([expect.objectContaining({ number: 1, submittedByName: "交通局负责人", approvedByName: null, late: false })]);
    // The next period's form shows it as last period's report (no re-typing).
    process.env.APP_NOW = "2022-07-05T10:00+08:00";
    expect((await getReportForm(filer, target(13))).previous).toMatchObject({ periodLabel: "2022年6月下半月", fields: FIELDS });
  });

  it("the head returns a filer's report with a comment; the filer revises and sends it again", async () => {
    await submitReport(filer, { ...target(), baseVersion: 0, fields: FIELDS });
    session.actor = head;
    const empty = await returnReportToFilerAction({ ...target(), reason: "   " });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.fieldErrors?.reason).toEqual(["请填写退回理由"]);
    expect((await reportRow())!.status).toBe("pending_approval");

    const returned = await auditOf(async () =>
      expect(await returnReportToFilerAction({ ...target(), reason: "请补充已完成的里程数据" })).toMatchObject({ ok: true }),
    );
    expect(returned.map((r) => r.action)).toEqual(["report.return_to_filer"]);
    const form = await getReportForm(filer, target());
    expect(form.report).toMatchObject({ status: "returned", state: "returned", returnReason: "请补充已完成的里程数据" });
    expect(form.can.edit).toBe(true);
    expect(await versionRows()).toHaveLength(0);

    // The filer revises: the draft stays "returned" (the reason stays visible) until sent again.
    const revised = { ...FIELDS, progress: `${FIELDS.progress}累计完成 86 公里。` };
    expect(await saveReportDraft(filer, { ...target(), baseVersion: form.report!.version, fields: revised })).toEqual({
      version: form.report!.version + 1,
      status: "returned",
      savedAt: new Date(PINNED),
    });
    const again = await submitReport(filer, { ...target(), baseVersion: form.report!.version + 1, fields: revised });
    expect(again.status).toBe("pending_approval");
    expect((await reportRow())!.returnReason).toBeNull();
    expect(await approveReport(head, target())).toEqual({ status: "submitted", late: false });
    expect((await versionRows()).map((v) => v.progress)).toEqual([revised.progress]);
  });

  it("撤回: the filer takes back a report waiting for the head, changes it and sends it again; nobody else may", async () => {
    await submitReport(filer, { ...target(), baseVersion: 0, fields: FIELDS });
    const pending = await getReportForm(filer, target());
    expect(pending.can).toMatchObject({ edit: false, withdraw: true });
    expect((await getReportForm(head, target())).can).toMatchObject({ withdraw: false, approve: true });

    // Another unit's filer, the head, the office: refused, nothing changes.
    expect(await refusal(withdrawReport(await actorFor("教体局-填报"), target()))).toBe("not_found");
    expect(await refusal(withdrawReport(head, target()))).toBe("conflict");
    expect(await refusal(withdrawReport(await actorFor("ducha"), target()))).toBe("not_found");
    expect((await reportRow())!.status).toBe("pending_approval");

    session.actor = filer;
    const audit = await auditOf(async () => expect(await withdrawReportAction(target())).toMatchObject({ ok: true, data: { status: "draft" } }));
    expect(audit.map((r) => r.action)).toEqual(["report.withdraw"]);
    expect(await reportRow()).toMatchObject({ status: "draft", sentForApprovalAt: null, sentForApprovalBy: null });
    // The head's page opened before now cannot approve what was taken back.
    expect(await refusal(approveReport(head, target()))).toBe("conflict");
    expect(await refusal(withdrawReport(filer, target()))).toBe("conflict"); // already a draft

    const form = await getReportForm(filer, target());
    expect(form.can).toMatchObject({ edit: true, withdraw: false });
    const revised = { ...FIELDS, progress: `${FIELDS.progress}（撤回后补充）` };
    expect((await submitReport(filer, { ...target(), baseVersion: form.report!.version, fields: revised })).status).toBe("pending_approval");
    expect(await approveReport(head, target())).toMatchObject({ status: "submitted" });
    expect((await versionRows()).map((v) => v.progress)).toEqual([revised.progress]);
  });

  it("the supervision office returns a report with a reason; the resubmission is version 2 and version 1 stays as it was", async () => {
    const ducha = await actorFor("ducha");
    await submitReport(head, { ...target(), baseVersion: 0, fields: FIELDS });
    const [v1Before] = await versionRows();

    expect(await refusal(acceptReport(head, target()))).toBe("forbidden"); // a unit cannot review itself
    expect(await refusal(returnReport(filer, { ...target(), reason: "x" }))).toBe("forbidden");
    const returned = await auditOf(() => returnReport(ducha, { ...target(), reason: "进度数据与上期不衔接，请核实" }));
    expect(returned.map((r) => r.action)).toEqual(["report.return"]);
    const form = await getReportForm(filer, target());
    expect(form.report).toMatchObject({ status: "returned", returnReason: "进度数据与上期不衔接，请核实" });

    const revised = { ...FIELDS, progress: "核实后：完成农村公路新改建 80 公里。", percent: 27 };
    const resubmitted = await auditOf(async () =>
      expect((await submitReport(head, { ...target(), baseVersion: form.report!.version, fields: revised })).status).toBe("submitted"),
    );
    expect(resubmitted.map((r) => r.action)).toEqual(["report.submit"]);
    const versions = await versionRows();
    expect(versions.map((v) => [v.number, v.progress, v.percent])).toEqual([
      [1, FIELDS.progress, 30],
      [2, revised.progress, 27],
    ]);
    expect(versions[0]).toEqual(v1Before); // untouched

    const accepted = await auditOf(async () => expect(await acceptReport(ducha, target())).toEqual({ status: "accepted" }));
    expect(accepted.map((r) => r.action)).toEqual(["report.accept"]);
    expect((await getReportForm(head, target())).report).toMatchObject({ state: "accepted" });
    expect((await getReportForm(head, target())).can.edit).toBe(false);
  });

  it("a double submit (two identical requests at once) files exactly one version", async () => {
    await saveReportDraft(head, { ...target(), baseVersion: 0, fields: FIELDS });
    const auditBefore = await auditCount();
    const [a, b] = await Promise.all([
      submitReport(head, { ...target(), baseVersion: 1, fields: FIELDS }),
      submitReport(head, { ...target(), baseVersion: 1, fields: FIELDS }),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: "submitted", version: 2 });
    expect(await versionRows()).toHaveLength(1);
    expect(await auditCount()).toBe(auditBefore + 1);

    // The same through the server action, by a filer: one request to the head, one audit row.
    session.actor = filer;
    await saveReportDraft(filer, { ...target(LATE), baseVersion: 0, fields: FIELDS });
    const before = await auditCount();
    const results = await Promise.all([1, 2].map(() => submitReportAction({ ...target(LATE), baseVersion: 1, ...FIELDS })));
    expect(results.every((r) => r.ok && r.data.status === "pending_approval")).toBe(true);
    expect(await auditCount()).toBe(before + 1);
  });

  it("submitted versions cannot be changed or deleted, even by the database's own user", async () => {
    await submitReport(head, { ...target(), baseVersion: 0, fields: FIELDS });
    await expect(db.update(reportVersions).set({ progress: "篡改" })).rejects.toThrow();
    await expect(db.delete(reportVersions)).rejects.toThrow();
    expect((await versionRows())[0]!.progress).toBe(FIELDS.progress);
  });

  it("bad input: each field gets a Chinese message and nothing is written", async () => {
    session.actor = head;
    const auditBefore = await auditCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ progress: "   " }, "progress", /请填写本期工作进展/],
      [{ percent: 150 }, "percent", /不能超过 100%/],
      [{ percent: -1 }, "percent", /不能小于 0%/],
      [{ percent: 12.5 }, "percent", /须为整数/],
      [{ percent: "三十" }, "percent", /数字/],
      [{ percent: null }, "percent", /请填写完成进度/],
      [{ progressState: "excellent" }, "progressState", /请选择进展状态/],
      [{ progress: "长".repeat(1_000_000) }, "progress", /最多 5000 字/],
      [{ problems: "问".repeat(2001) }, "problems", /最多 2000 字/],
    ];
    for (const [change, field, message] of cases) {
      const result = await submitReportAction({ ...target(), baseVersion: 0, ...FIELDS, ...change } as never);
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]?.[0], JSON.stringify(change).slice(0, 40)).toMatch(message);
    }
    // Extra fields (another unit, a status) are refused by the strict schema before anything runs.
    for (const extra of [{ unitId: 1 }, { status: "accepted" }, { late: false }]) {
      const result = await submitReportAction({ ...target(), baseVersion: 0, ...FIELDS, ...extra } as never);
      expect(result.ok).toBe(false);
      const draft = await saveReportDraftAction({ ...target(), baseVersion: 0, ...FIELDS, ...extra } as never);
      expect(draft.ok).toBe(false);
    }
    expect(await reportRow()).toBeNull();
    expect(await auditCount()).toBe(auditBefore);
    // A draft may be incomplete, but not wrong.
    expect(await saveReportDraftAction({ ...target(), baseVersion: 0, ...FIELDS, progress: "", percent: null, progressState: null })).toMatchObject({
      ok: true,
    });
    const wrong = await saveReportDraftAction({ ...target(), baseVersion: 1, ...FIELDS, percent: 150 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.fieldErrors?.percent).toEqual(["完成进度不能超过 100%"]);
  });

  it("text is stored exactly as typed (markup included): it is rendered as text, never run", async () => {
    const fields = { ...FIELDS, problems: "<script>alert(1)</script><img src=x onerror=alert(2)>" };
    await saveReportDraft(filer, { ...target(), baseVersion: 0, fields });
    expect((await getReportForm(filer, target())).report?.fields.problems).toBe(fields.problems);
  });
});
