/**
 * Notices end to end through the services: the drafted circular quotes exactly what
 * `getPeriodStatus` (the overview) counts and freezes it; publication numbers, addresses and
 * notifies; a published notice never changes (service and database trigger); corrections are new
 * notices; recipients acknowledge their own row; only the supervision office manages notices.
 * Every mutation writes exactly one audit row.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  auditLog,
  escalations,
  findings,
  leaders,
  noticeCounters,
  noticeRecipients,
  notices,
  noticeTargets,
  notifications,
  plans,
  rectifications,
  units,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { CriticismSnapshot, ProgressSnapshot } from "@/lib/notices/drafting";
import {
  acknowledgeNotice,
  deleteNoticeDraft,
  draftCriticism,
  draftFingerprint,
  draftProgressCircular,
  getNoticeDocument,
  getNoticeDocx,
  getNoticeForOffice,
  listInbox,
  publishNotice,
  startCorrection,
  updateNoticeDraft,
} from "@/lib/services/notices";
import { getPeriodStatus } from "@/lib/services/period-status";
import { returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const NOW = "2022-06-20T10:00:00+08:00";
const fields = { progress: "推进中", percent: 30, progressState: "lagging" as const, problems: "", nextSteps: "", coordinationRequest: "" };
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function unitId(name: string) {
  return (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
}
async function plan() {
  return (await db.select().from(plans))[0]!;
}
async function noticeRow(id: number) {
  return (await db.select().from(notices).where(eq(notices.id, id)))[0]!;
}
/** The audit actions written since `before` rows. */
async function auditSince(before: number) {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
  return rows.map((r) => r.action);
}

/**
 * Fixed data for period 11 (6月上半月, due 6月15日 24:00): 交通局 files task 24 on time (lagging)
 * and task 27 late; 住建局 files task 28 (blocked), which the office returns; findings on the period.
 */
async function fileFixedReports(office: Actor) {
  const head = await actorFor("交通局");
  process.env.APP_NOW = "2022-06-14T09:00:00+08:00";
  await submitReport(head, { taskId: 24, periodIndex: 11, baseVersion: 0, fields });
  process.env.APP_NOW = "2022-06-17T15:30:00+08:00";
  await submitReport(head, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: { ...fields, progressState: "on_track" } });
  await submitReport(await actorFor("住建局"), { taskId: 28, periodIndex: 11, baseVersion: 0, fields: { ...fields, progressState: "blocked" } });
  process.env.APP_NOW = NOW;
  await returnReport(office, { taskId: 28, periodIndex: 11, reason: "内容过简" });
  const { id: planId } = await plan();
  await db.insert(findings).values([
    { planId, periodIndex: 11, taskId: 27, rating: "poor", text: "报告未附佐证材料。", createdBy: office.userId },
    { planId, periodIndex: 11, unitId: await unitId("农牧局"), rating: "poor", text: "本期 15 项任务均未报送。", createdBy: office.userId },
    { planId, periodIndex: 11, unitId: await unitId("住建局"), rating: "good", text: "建立周调度台账，问题清单化管理。", createdBy: office.userId },
    { planId, periodIndex: 12, unitId: await unitId("交通局"), rating: "poor", text: "下一期的发现不应出现。", createdBy: office.userId },
  ]);
}

describe("notices", () => {
  let office: Actor;
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = NOW;
    office = await actorFor("ducha");
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("the drafted circular's figures are getPeriodStatus's, frozen at drafting, and the text says them", async () => {
    await fileFixedReports(office);
    const overview = await getPeriodStatus(await plan(), 11);
    expect(overview.counts).toMatchObject({ tasks: 71, on_time: 1, late: 1, missing: 68, returned: 1, lagging: 1, blocked: 1 });

    const before = await auditCount();
    const { id } = await draftProgressCircular(office, { periodIndex: 11 });
    expect(await auditSince(before)).toEqual(["notice.draft"]);
    const notice = await noticeRow(id);
    const snapshot = notice.snapshot as ProgressSnapshot;
    expect(notice).toMatchObject({ kind: "progress", status: "draft", number: null, periodIndex: 11, year: 2022 });
    expect(snapshot.counts).toEqual(overview.counts);
    expect(snapshot.units.late).toEqual(overview.unitsBy.late.map(({ unitName, seqs }) => ({ unitName, seqs })));
    expect(snapshot.units.missing).toEqual(overview.unitsBy.missing.map(({ unitName, seqs }) => ({ unitName, seqs })));
    expect(snapshot.lagging.map((t) => t.seq)).toEqual([24]);
    expect(snapshot.blocked.map((t) => t.seq)).toEqual([28]);
    const c = overview.counts;
    expect(notice.body).toContain(
      `本期纳入督查的重点任务共${c.tasks}项，其中按时报送${c.on_time}项，逾期报送${c.late}项，未报送${c.missing}项，报告被退回尚未重新报送${c.returned}项。`,
    );
    expect(notice.body).toContain("逾期报送的单位：交通局（第27项）。");
    expect(notice.body).toContain("报告被退回尚未重新报送的单位：住建局（第28项）。");
    expect(notice.body).toMatch(/未报送的单位：.*农牧局（第[\d、]+项）/);
    // Findings of the period: 差 as problems, 好 as good practice; another period's not at all.
    expect(notice.body).toContain("第27项任务（交通局）：报告未附佐证材料。");
    expect(notice.body).toContain("农牧局：本期 15 项任务均未报送。");
    expect(notice.body).toMatch(/好的做法\n1\. 住建局：建立周调度台账/);
    expect(notice.body).not.toContain("下一期的发现");

    // Later filings change the overview but not the drafted, then published, notice.
    await submitReport(await actorFor("农牧局"), {
      taskId: (
        await db
          .select({ id: sql<number>`min(task_id)` })
          .from(sql`task_units`)
          .where(sql`unit_id = ${await unitId("农牧局")} and role = 'lead'`)
      )[0]!.id,
      periodIndex: 11,
      baseVersion: 0,
      fields,
    });
    expect((await getPeriodStatus(await plan(), 11)).counts.late).toBe(2);
    await publishNotice(office, { id });
    const published = await noticeRow(id);
    expect(published.snapshot).toEqual(snapshot);
    expect(published.body).toBe(notice.body);
    const view = await getNoticeForOffice(office, id);
    expect(view.notice.snapshot).toEqual(snapshot);
  });

  it("publication numbers the notice, addresses every active unit and leader, notifies them, once", async () => {
    const { id } = await draftProgressCircular(office, { periodIndex: 11 });
    const [activeUnits] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.active, true));
    const [activeLeaders] = await db.select({ n: sql<number>`count(*)::int` }).from(leaders).where(eq(leaders.active, true));
    const before = await auditCount();
    const result = await publishNotice(office, { id });
    expect(result).toMatchObject({ number: 1, numberText: "督查通报〔2022〕第1期", repeated: false });
    expect(await auditSince(before)).toEqual(["notice.publish"]);
    expect(await noticeRow(id)).toMatchObject({ status: "published", number: 1, year: 2022, publishedBy: office.userId });
    expect(await db.$count(noticeRecipients, eq(noticeRecipients.noticeId, id))).toBe(activeUnits!.n + activeLeaders!.n);
    expect(await db.$count(notifications, eq(notifications.kind, "notice"))).toBe(activeUnits!.n + activeLeaders!.n);
    expect(await db.select({ kind: noticeCounters.kind, year: noticeCounters.year, last: noticeCounters.last }).from(noticeCounters)).toEqual([
      { kind: "progress", year: 2022, last: 1 },
    ]);

    // A double click files once: same number, nothing more written.
    const audits = await auditCount();
    expect(await publishNotice(office, { id })).toMatchObject({ number: 1, repeated: true });
    expect(await auditCount()).toBe(audits);
    expect(await db.$count(noticeRecipients, eq(noticeRecipients.noticeId, id))).toBe(activeUnits!.n + activeLeaders!.n);

    // Numbers are per kind: the first criticism is 第1号, the next circular 第2期.
    const second = await draftProgressCircular(office, { periodIndex: 10 });
    const criticism = await draftCriticism(office, { periodIndex: 11, unitIds: [await unitId("交通局")], rectificationDueDate: "2022-06-27" });
    expect((await publishNotice(office, criticism)).numberText).toBe("通报批评〔2022〕第1号");
    expect((await publishNotice(office, second)).numberText).toBe("督查通报〔2022〕第2期");
  });

  it("a published notice cannot be edited or deleted, by the service or directly in the database", async () => {
    const { id } = await draftProgressCircular(office, { periodIndex: 11 });
    const draft = await noticeRow(id);
    const before = await auditCount();
    const { fingerprint } = await updateNoticeDraft(office, {
      id,
      title: "改过的标题",
      body: "正文",
      rectificationDueDate: null,
      baseFingerprint: draftFingerprint(draft),
    });
    expect(await auditSince(before)).toEqual(["notice.update_draft"]);
    // An edit based on an older text is refused (no lost update).
    expect(
      await code(updateNoticeDraft(office, { id, title: "另一位同事", body: "正文", rectificationDueDate: null, baseFingerprint: draftFingerprint(draft) })),
    ).toBe("conflict");
    await publishNotice(office, { id });

    const audits = await auditCount();
    const edit = updateNoticeDraft(office, { id, title: "发布后修改", body: "正文", rectificationDueAt: null, baseFingerprint: fingerprint } as never);
    await expect(edit).rejects.toThrow("该通报已发布，不能修改；如需更正，请发布更正通报");
    expect(await code(deleteNoticeDraft(office, { id }))).toBe("conflict");
    expect(await auditCount()).toBe(audits);
    await expect(db.update(notices).set({ title: "绕过服务修改" }).where(eq(notices.id, id))).rejects.toThrow();
    await expect(db.delete(notices).where(eq(notices.id, id))).rejects.toThrow();
    expect(await noticeRow(id)).toMatchObject({ title: "改过的标题", status: "published", number: 1 });
  });

  it("a correction is a new notice naming the one it corrects, numbered in turn", async () => {
    const { id } = await draftProgressCircular(office, { periodIndex: 11 });
    expect(await code(startCorrection(office, { id }))).toBe("conflict"); // a draft is simply edited
    await publishNotice(office, { id });
    const before = await auditCount();
    const correction = await startCorrection(office, { id });
    expect(await auditSince(before)).toEqual(["notice.start_correction"]);
    const row = await noticeRow(correction.id);
    expect(row).toMatchObject({ kind: "progress", status: "draft", correctsNoticeId: id, title: "关于督查通报〔2022〕第1期的更正" });
    expect(row.body).toContain("督查通报〔2022〕第1期《关于2022年6月上半月政府工作报告目标任务推进情况的通报》");
    expect((await publishNotice(office, correction)).numberText).toBe("督查通报〔2022〕第2期");
    const unit = await actorFor("交通局");
    const original = await getNoticeDocument(unit, id);
    expect(original.corrections.map((c) => c.numberText)).toEqual(["督查通报〔2022〕第2期"]);
    expect((await getNoticeDocument(unit, correction.id)).document.correctionNote).toBe(
      "本通报更正督查通报〔2022〕第1期《关于2022年6月上半月政府工作报告目标任务推进情况的通报》",
    );
  });

  it("a criticism names its units with the facts, and publication orders rectification and records the escalation", async () => {
    await fileFixedReports(office);
    const jt = await unitId("交通局");
    const nm = await unitId("农牧局");
    expect(await code(draftCriticism(office, { periodIndex: 11, unitIds: [jt], rectificationDueDate: "2022-06-19" }))).toBe("invalid");
    expect(await code(draftCriticism(office, { periodIndex: 11, unitIds: [99999], rectificationDueDate: "2022-06-27" }))).toBe("invalid");
    expect(await code(draftCriticism(office, { periodIndex: 13, unitIds: [jt], rectificationDueDate: "2022-06-27" }))).toBe("invalid");

    const before = await auditCount();
    const { id } = await draftCriticism(office, { periodIndex: 11, unitIds: [jt, nm], rectificationDueDate: "2022-06-27" });
    expect(await auditSince(before)).toEqual(["notice.draft"]);
    const draft = await noticeRow(id);
    expect(draft.title).toBe("关于对交通局、农牧局的通报批评");
    expect(draft.rectificationDueAt?.toISOString()).toBe("2022-06-27T16:00:00.000Z");
    expect(draft.body).toContain("第27项任务");
    expect(draft.body).toContain("应于6月15日 24:00前报送，实际于6月17日 15:30报送，逾期1天15小时。");
    expect(draft.body).toContain("督查发现（第27项任务）：报告未附佐证材料。");
    expect(draft.body).toContain("督查发现：本期 15 项任务均未报送。");
    expect(draft.body).toContain("于2022年6月27日24:00前向旗政府督查室报送书面整改报告");
    const snapshot = draft.snapshot as CriticismSnapshot;
    const overview = await getPeriodStatus(await plan(), 11);
    expect(
      snapshot.units
        .find((u) => u.unitId === nm)!
        .items.map((i) => i.seq)
        .sort((a, b) => a - b),
    ).toEqual(overview.unitsBy.missing.find((u) => u.unitId === nm)!.seqs);
    expect(
      await db.select({ unitId: noticeTargets.unitId }).from(noticeTargets).where(eq(noticeTargets.noticeId, id)).orderBy(asc(noticeTargets.unitId)),
    ).toEqual([{ unitId: jt }, { unitId: nm }].sort((a, b) => a.unitId - b.unitId));
    // Nothing is ordered before publication.
    expect(await db.$count(rectifications)).toBe(0);

    const audits = await auditCount();
    expect((await publishNotice(office, { id })).numberText).toBe("通报批评〔2022〕第1号");
    expect(await auditSince(audits)).toEqual(["notice.publish"]);
    const rows = await db
      .select({ unitId: rectifications.unitId, status: rectifications.status, dueAt: rectifications.dueAt })
      .from(rectifications)
      .orderBy(asc(rectifications.unitId));
    expect(rows).toEqual([jt, nm].sort((a, b) => a - b).map((unitId) => ({ unitId, status: "pending", dueAt: new Date("2022-06-27T16:00:00.000Z") })));
    const ledger = await db
      .select({ unitId: escalations.unitId, step: escalations.step, noticeId: escalations.noticeId, facts: escalations.facts })
      .from(escalations)
      .where(eq(escalations.unitId, jt));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ step: "criticism", noticeId: id });
    expect(ledger[0]!.facts).toContain("通报批评〔2022〕第1号");
    expect(ledger[0]!.facts).toContain("逾期1天15小时");
    expect(await db.$count(notifications, eq(notifications.kind, "rectification"))).toBe(2);
    // Circulated: every unit received it, not only the criticised ones.
    expect(await db.$count(noticeRecipients, eq(noticeRecipients.noticeId, id))).toBeGreaterThan(50);

    // A correction of the criticism corrects the text; the rectifications it ordered stand, none are added.
    const correction = await startCorrection(office, { id });
    expect((await publishNotice(office, correction)).numberText).toBe("通报批评〔2022〕第2号");
    expect(await db.$count(rectifications)).toBe(2);
    expect(await db.$count(escalations)).toBe(2);
    expect(await db.$count(noticeTargets, eq(noticeTargets.noticeId, correction.id))).toBe(2);
  });

  it("recipients see what was published to them and acknowledge their own row, once", async () => {
    const draft = await draftProgressCircular(office, { periodIndex: 11 });
    const { id } = await draftProgressCircular(office, { periodIndex: 10 });
    await publishNotice(office, { id });
    const filer = await actorFor("交通局-填报");
    const head = await actorFor("交通局");
    const leader = await actorFor("张军");
    const other = await actorFor("农牧局");

    // Drafts are for the office and the administrator only.
    expect(await code(getNoticeDocument(filer, draft.id))).toBe("not_found");
    expect(await code(getNoticeDocument(leader, draft.id))).toBe("not_found");
    expect(await code(getNoticeDocx(filer, draft.id))).toBe("not_found");
    expect(await code(getNoticeDocument(await actorFor("admin"), draft.id))).toBe("ok");
    expect(await code(getNoticeDocument(filer, 999999))).toBe("not_found");
    expect(await code(acknowledgeNotice(filer, { noticeId: draft.id }))).toBe("not_found");

    expect((await listInbox(filer)).rows.map((r) => [r.id, r.acknowledgedAt])).toEqual([[id, null]]);
    const before = await auditCount();
    await acknowledgeNotice(filer, { noticeId: id });
    expect(await auditSince(before)).toEqual(["notice.acknowledge"]);
    // Any account of the unit acknowledges for the unit: the head finds it done.
    expect(await acknowledgeNotice(head, { noticeId: id })).toMatchObject({ repeated: true });
    expect(await auditCount()).toBe(before + 1);
    expect((await listInbox(head)).rows[0]!.acknowledgedAt).not.toBeNull();
    expect((await getNoticeDocument(head, id)).acknowledgement?.acknowledgedAt).not.toBeNull();
    await acknowledgeNotice(leader, { noticeId: id });

    const acked = await db
      .select({ unitId: noticeRecipients.unitId, leaderId: noticeRecipients.leaderId, by: users.username })
      .from(noticeRecipients)
      .innerJoin(users, eq(users.id, noticeRecipients.acknowledgedBy))
      .where(eq(noticeRecipients.noticeId, id));
    expect(acked).toEqual(
      expect.arrayContaining([
        { unitId: head.unitId, leaderId: null, by: "交通局-填报" },
        { unitId: null, leaderId: leader.leaderId, by: "张军" },
      ]),
    );
    expect(acked).toHaveLength(2);
    expect((await listInbox(other)).rows[0]!.acknowledgedAt).toBeNull();

    // The office has no recipient row of its own; it sees who has not acknowledged.
    expect(await code(acknowledgeNotice(office, { noticeId: id }))).toBe("not_found");
    const view = await getNoticeForOffice(office, id);
    expect(view.acknowledgement.acknowledged).toBe(2);
    expect(view.acknowledgement.pendingUnits).toContain("农牧局");
    expect(view.acknowledgement.pendingUnits).not.toContain("交通局");
    expect(view.acknowledgement.pendingLeaders).not.toContain("张军");
    expect(view.acknowledgement.total - view.acknowledgement.acknowledged).toBe(
      view.acknowledgement.pendingUnits.length + view.acknowledgement.pendingLeaders.length,
    );

    // The document and its DOCX, for a recipient.
    const doc = await getNoticeDocument(leader, id);
    expect(doc.document.numberText).toBe("督查通报〔2022〕第1期");
    expect(doc.document.dateText).toBe("二〇二二年六月二十日");
    const file = await getNoticeDocx(other, id);
    expect(file.content.subarray(0, 2).toString()).toBe("PK");
    expect(file.filename).toBe("督查通报〔2022〕第1期关于2022年5月下半月政府工作报告目标任务推进情况的通报.docx");
  });

  it("only the supervision office drafts, edits, publishes and corrects notices; refusals write nothing", async () => {
    const { id } = await draftProgressCircular(office, { periodIndex: 11 });
    const draft = await noticeRow(id);
    const jt = await unitId("交通局");
    const state = async () =>
      JSON.stringify({
        notices: await db.select().from(notices).orderBy(asc(notices.id)),
        counters: await db.select().from(noticeCounters),
        recipients: await db.$count(noticeRecipients),
        targets: await db.$count(noticeTargets),
      });
    for (const username of ["交通局", "交通局-填报", "张军", "admin"]) {
      const actor = await actorFor(username);
      const before = await state();
      const audits = await auditCount();
      expect(await code(draftProgressCircular(actor, { periodIndex: 11 }))).toBe("forbidden");
      expect(await code(draftCriticism(actor, { periodIndex: 11, unitIds: [jt], rectificationDueDate: "2022-06-27" }))).toBe("forbidden");
      expect(await code(updateNoticeDraft(actor, { id, title: "x", body: "y", rectificationDueDate: null, baseFingerprint: draftFingerprint(draft) }))).toBe(
        "forbidden",
      );
      expect(await code(publishNotice(actor, { id }))).toBe("forbidden");
      expect(await code(deleteNoticeDraft(actor, { id }))).toBe("forbidden");
      expect(await code(startCorrection(actor, { id }))).toBe("forbidden");
      expect(await code(getNoticeForOffice(actor, id))).toBe(username === "admin" ? "ok" : "forbidden");
      expect(await state()).toBe(before);
      expect(await auditCount()).toBe(audits);
    }
  });

  it("a draft can be deleted by the office, with one audit row", async () => {
    const { id } = await draftCriticism(office, { periodIndex: 11, unitIds: [await unitId("交通局")], rectificationDueDate: "2022-06-27" });
    const before = await auditCount();
    await deleteNoticeDraft(office, { id });
    expect(await auditSince(before)).toEqual(["notice.delete_draft"]);
    expect(await db.$count(notices)).toBe(0);
    expect(await db.$count(noticeTargets)).toBe(0);
  });
});
