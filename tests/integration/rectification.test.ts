/**
 * Rectification (整改): only a unit named in a published criticism reaches its rectification; it
 * saves with a version and submits; the office accepts or returns it with a reason; overdue ones
 * are flagged. Each mutation writes exactly one audit row; refusals change nothing.
 */
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, notifications, rectifications, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import { draftCriticism, getNoticeForOffice, listNoticesForOfficePage, publishNotice } from "@/lib/services/notices";
import { decideRectification, getRectificationFor, listOwedRectifications, listRectificationsForUnit, saveRectification } from "@/lib/services/rectifications";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );
const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const auditSince = async (before: number) =>
  (await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before)).map((r) => r.action);
const rectificationRow = async (id: number) => (await db.select().from(rectifications).where(eq(rectifications.id, id)))[0]!;

describe("rectification reports", () => {
  let office: Actor;
  let head: Actor;
  let filer: Actor;
  let rectificationId: number;
  let noticeId: number;

  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    office = await actorFor("ducha");
    head = await actorFor("交通局");
    filer = await actorFor("交通局-填报");
    ({ id: noticeId } = await draftCriticism(office, { periodIndex: 11, unitIds: [await unitId("交通局")], rectificationDueDate: "2022-06-27" }));
    await publishNotice(office, { id: noticeId });
    rectificationId = (await db.select({ id: rectifications.id }).from(rectifications))[0]!.id;
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("the criticised unit writes, submits; the office returns with a reason, then accepts the revision", async () => {
    expect((await listRectificationsForUnit(filer)).map((r) => [r.id, r.status, r.numberText, r.overdue])).toEqual([
      [rectificationId, "pending", "通报批评〔2022〕第1号", false],
    ]);
    let before = await auditCount();
    const saved = await saveRectification(filer, { id: rectificationId, content: "已召开专题会议，明确专人负责。", baseVersion: 0, submit: false });
    expect(saved).toMatchObject({ version: 1, status: "pending" });
    expect(await auditSince(before)).toEqual(["rectification.save_draft"]);

    // A colleague's save on the old version is refused and gets the newer text back.
    const stale = saveRectification(head, { id: rectificationId, content: "另一份", baseVersion: 0, submit: false });
    await expect(stale).rejects.toMatchObject({ code: "conflict", current: { version: 1, content: "已召开专题会议，明确专人负责。" } });
    // Unsubmitted text is the unit's own: the office does not see it yet.
    expect((await getNoticeForOffice(office, noticeId)).rectifications[0]!.content).toBe("");
    expect(await code(decideRectification(office, { id: rectificationId, accept: true, reason: "" }))).toBe("conflict");

    before = await auditCount();
    expect(await saveRectification(head, { id: rectificationId, content: "整改报告：已补报全部逾期报告。", baseVersion: 1, submit: true })).toMatchObject({
      version: 2,
      status: "submitted",
    });
    expect(await auditSince(before)).toEqual(["rectification.submit"]);
    // A retried submit files once.
    expect(await saveRectification(head, { id: rectificationId, content: "整改报告：已补报全部逾期报告。", baseVersion: 1, submit: true })).toMatchObject({
      repeated: true,
    });
    expect(await auditCount()).toBe(before + 1);
    expect(await code(saveRectification(head, { id: rectificationId, content: "再改", baseVersion: 2, submit: false }))).toBe("conflict");
    expect((await getNoticeForOffice(office, noticeId)).rectifications[0]!.content).toBe("整改报告：已补报全部逾期报告。");

    expect(await code(decideRectification(office, { id: rectificationId, accept: false, reason: "" }))).toBe("invalid");
    before = await auditCount();
    await decideRectification(office, { id: rectificationId, accept: false, reason: "请写明长效机制" });
    expect(await auditSince(before)).toEqual(["rectification.return"]);
    const returned = await getRectificationFor(filer, rectificationId);
    expect(returned).toMatchObject({ status: "returned", returnReason: "请写明长效机制", can: { edit: true } });
    expect(await db.$count(notifications, eq(notifications.link, `/rectifications/${rectificationId}`))).toBe(1);
    // Under the notice the office reads one state: returned, by whom, when, why — and a new report owed.
    const [asReturned] = (await getNoticeForOffice(office, noticeId)).rectifications;
    expect(asReturned).toMatchObject({ status: "returned", content: "", decidedByName: "政府办督查室" });
    expect(asReturned!.state).toBe(
      `交通局负责人 于 2022-06-20 10:00 报送的整改报告已被政府办督查室 于 2022-06-20 10:00 退回，退回理由：请写明长效机制。须重新报送整改报告`,
    );
    expect(asReturned!.state).not.toContain("尚未报送");

    await saveRectification(filer, { id: rectificationId, content: "整改报告：已补报；建立每周一调度台账。", baseVersion: 2, submit: true });
    before = await auditCount();
    await decideRectification(office, { id: rectificationId, accept: true, reason: "" });
    expect(await auditSince(before)).toEqual(["rectification.accept"]);
    expect(await rectificationRow(rectificationId)).toMatchObject({ status: "accepted", decidedBy: office.userId, returnReason: null, version: 3 });
    expect(await code(saveRectification(filer, { id: rectificationId, content: "x", baseVersion: 3, submit: true }))).toBe("conflict");
  });

  it("the unit's home shows the rectification it owes with its deadline and time left, until it is submitted; a return brings it back", async () => {
    const [owed] = await listOwedRectifications(filer);
    expect(owed).toMatchObject({
      id: rectificationId,
      status: "pending",
      noticeTitle: "关于对交通局的通报批评",
      dueLabel: "6月27日 24:00",
      timeLeft: "还剩 7 天 14 小时",
      signal: "open",
    });
    expect(owed!.numberText).toBe((await listRectificationsForUnit(filer))[0]!.numberText);
    process.env.APP_NOW = "2022-06-26T09:00:00+08:00";
    expect((await listOwedRectifications(head))[0]).toMatchObject({ timeLeft: "还剩 1 天 15 小时", signal: "due_soon" });
    process.env.APP_NOW = "2022-06-28T09:00:00+08:00";
    expect((await listOwedRectifications(head))[0]).toMatchObject({ timeLeft: "已逾期 9 小时", signal: "overdue" });

    await saveRectification(head, { id: rectificationId, content: "整改报告：已补报。", baseVersion: 0, submit: true });
    expect(await listOwedRectifications(head)).toEqual([]);
    await decideRectification(office, { id: rectificationId, accept: false, reason: "请写明长效机制" });
    expect((await listOwedRectifications(filer)).map((r) => [r.status, r.returnReason])).toEqual([["returned", "请写明长效机制"]]);
    // Other units owe nothing; leaders and the office have no unit home.
    expect(await listOwedRectifications(await actorFor("农牧局"))).toEqual([]);
    expect(await code(listOwedRectifications(office))).toBe("forbidden");
  });

  it("no one else reaches it: other units and leaders get not found, only the office decides", async () => {
    const before = await auditCount();
    const row = JSON.stringify(await rectificationRow(rectificationId));
    for (const username of ["农牧局", "农牧局-填报", "张军", "admin", "ducha"]) {
      const actor = await actorFor(username);
      expect(await code(saveRectification(actor, { id: rectificationId, content: "冒名整改", baseVersion: 0, submit: true }))).toBe("not_found");
    }
    for (const username of ["农牧局", "张军"]) expect(await code(getRectificationFor(await actorFor(username), rectificationId))).toBe("not_found");
    for (const username of ["交通局", "农牧局", "张军", "admin"]) {
      expect(await code(decideRectification(await actorFor(username), { id: rectificationId, accept: true, reason: "" }))).toBe("forbidden");
    }
    expect(await code(listRectificationsForUnit(await actorFor("张军")))).toBe("forbidden");
    expect(await listRectificationsForUnit(await actorFor("农牧局"))).toEqual([]);
    expect(await code(getRectificationFor(head, 999999))).toBe("not_found");
    expect(JSON.stringify(await rectificationRow(rectificationId))).toBe(row);
    expect(await auditCount()).toBe(before);
  });

  it("a rectification still owed after its deadline stands out as overdue, for the unit and the office", async () => {
    process.env.APP_NOW = "2022-06-28T09:00:00+08:00";
    expect((await listRectificationsForUnit(head))[0]!.overdue).toBe(true);
    expect((await getRectificationFor(head, rectificationId)).overdue).toBe(true);
    expect((await listNoticesForOfficePage(office)).rectifications.map((r) => [r.unitName, r.overdue])).toEqual([["交通局", true]]);
    // Submitting late is still possible, and then it is no longer overdue.
    await saveRectification(head, { id: rectificationId, content: "迟交的整改报告", baseVersion: 0, submit: true });
    expect((await listRectificationsForUnit(head))[0]!.overdue).toBe(false);
    expect((await listNoticesForOfficePage(office)).rectifications[0]!).not.toHaveProperty("content");
  });
});
