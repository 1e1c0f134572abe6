/**
 * The escalation ledger: the office records 督办函 / 约谈 / 问责 (nobody else can); a unit reads only
 * its own ledger and writes a 情况说明 only for its own steps (once); the suggested next step follows
 * the unit's history (3 reminders → 督办函; a lapsed 督办函 → 约谈; …).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { escalations, notices, notifications, plans, rectifications, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordEscalation } from "@/lib/data/escalations";
import { isDomainError } from "@/lib/errors";
import { explainEscalation, getLedgerOverview, getOwnLedger, getUnitLedgerForOffice, recordEscalationStep } from "@/lib/services/escalations";
import { sendReminders } from "@/lib/services/reminders";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { recordEscalationStepAction } = await import("@/app/(app)/supervision/escalations/actions");
const { explainEscalationAction } = await import("@/app/(app)/escalations/actions");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

const letter = (unitId: number, deadline = "2022-06-25T18:00") => ({ step: "supervision_letter" as const, unitId, facts: "近三期多次催办仍未报送", deadline });

describe("the escalation ledger", () => {
  let office: Actor;
  let jiaotong: number;

  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    office = await actorFor("ducha");
    jiaotong = await unitId("交通局");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the office records 督办函, 约谈 and 问责: one audit row each, the unit is told, the ledger shows them", async () => {
    const audits = await auditCount();
    await recordEscalationStep(office, letter(jiaotong));
    await recordEscalationStep(office, { step: "interview", unitId: jiaotong, facts: "督办函逾期未办结", deadline: "2022-06-21T09:30" });
    await recordEscalationStep(office, {
      step: "accountability",
      unitId: jiaotong,
      facts: "经约谈仍未整改",
      measure: "其他",
      measureNote: "取消年度评优资格",
      responsiblePerson: "李某（副局长）",
    });
    expect(await auditCount()).toBe(audits + 3);
    const told = await db.select().from(notifications).where(eq(notifications.unitId, jiaotong));
    expect(told.map((n) => n.title).sort()).toEqual(
      ["督办函：请于 6月25日 18:00 前办结并报送情况说明", "约谈通知：2022-06-21 09:30", "问责决定：其他：取消年度评优资格（责任人：李某（副局长））"].sort(),
    );

    const ledger = await getUnitLedgerForOffice(office, jiaotong);
    expect(ledger.unit.name).toBe("交通局");
    expect(ledger.highest).toBe("accountability");
    expect(ledger.steps.map((s) => [s.stepLabel, s.deadlineLabel, s.measure, s.responsiblePerson])).toEqual([
      ["问责", null, "其他：取消年度评优资格", "李某（副局长）"],
      ["约谈", "2022-06-21 09:30", null, null],
      ["督办函", "6月25日 18:00", null, null],
    ]);
    const overview = await getLedgerOverview(office);
    expect(overview.rows[0]).toMatchObject({ unitName: "交通局", highest: "accountability", total: 3, awaitingExplanation: 3 });
    expect(overview.reached.accountability).toBe(1);
    expect(overview.rows.find((r) => r.unitName === "农牧局")).toMatchObject({ highest: null, total: 0 });
  });

  it("a 督办函's deadline must be in the future; 通报批评 and 催办 are not recorded from here", async () => {
    expect(await code(recordEscalationStep(office, letter(jiaotong, "2022-06-19T18:00")))).toBe("invalid");
    expect(await code(recordEscalationStep(office, { step: "criticism", unitId: jiaotong, facts: "x", deadline: "2022-06-25T18:00" } as never))).toBe(
      "invalid",
    );
    expect(await code(recordEscalationStep(office, { step: "reminder", unitId: jiaotong, facts: "x", deadline: "2022-06-25T18:00" } as never))).toBe("invalid");
    expect(await code(recordEscalationStep(office, letter(99_999)))).toBe("not_found");
    expect(await db.$count(escalations)).toBe(0);
  });

  it("units, leaders and the administrator cannot record steps; nothing is written", async () => {
    const audits = await auditCount();
    for (const username of ["交通局", "交通局-填报", "张军", "王国泉", "admin"]) {
      const actor = await actorFor(username);
      expect(await code(recordEscalationStep(actor, letter(jiaotong))), username).toBe("forbidden");
      session.actor = actor;
      expect(await recordEscalationStepAction(letter(jiaotong)), username).toMatchObject({ ok: false });
    }
    expect(await db.$count(escalations)).toBe(0);
    expect(await db.$count(notifications)).toBe(0);
    // The direct service calls wrote nothing; the actions' refusals (one each) are the only audit rows.
    expect(await auditCount()).toBe(audits + 5);
    for (const username of ["交通局", "张军"]) {
      expect(await code(getLedgerOverview(await actorFor(username))), username).toBe("forbidden");
      expect(await code(getUnitLedgerForOffice(await actorFor(username), jiaotong)), username).toBe("forbidden");
    }
    expect(await code(getUnitLedgerForOffice(office, 99_999))).toBe("not_found");
  });

  it("a unit reads only its own ledger and explains only its own steps, once", async () => {
    const nongmu = await unitId("农牧局");
    const { id: mine } = await recordEscalationStep(office, letter(jiaotong));
    const { id: theirs } = await recordEscalationStep(office, letter(nongmu));
    const head = await actorFor("交通局");
    const filer = await actorFor("交通局-填报");

    const own = await getOwnLedger(filer);
    expect(own.unit.name).toBe("交通局");
    expect(own.steps.map((s) => s.id)).toEqual([mine]);
    for (const username of ["张军", "ducha", "admin"]) expect(await code(getOwnLedger(await actorFor(username))), username).toBe("not_found");

    // Someone else's step: not found, nothing written.
    const audits = await auditCount();
    expect(await code(explainEscalation(head, { id: theirs, explanation: "不是我们的" }))).toBe("not_found");
    expect(await code(explainEscalation(head, { id: 99_999, explanation: "x" }))).toBe("not_found");
    for (const username of ["张军", "ducha", "admin"])
      expect(await code(explainEscalation(await actorFor(username), { id: mine, explanation: "x" })), username).toBe("not_found");
    expect(await auditCount()).toBe(audits);
    session.actor = head;
    expect(await explainEscalationAction({ id: theirs, explanation: "不是我们的" })).toMatchObject({ ok: false, message: "未找到该记录，或您无权查看" });
    expect(await explainEscalationAction({ id: mine, explanation: "x", unitId: nongmu } as never)).toMatchObject({ ok: false });
    const [theirRow] = await db.select().from(escalations).where(eq(escalations.id, theirs));
    expect(theirRow!.explanation).toBeNull();

    // Its own: written once, by the filer; the office is told; a second one is refused.
    const before = await auditCount();
    expect(await code(explainEscalation(filer, { id: mine, explanation: "因征地手续延误，已于6月22日补报" }))).toBe("ok");
    expect(await auditCount()).toBe(before + 1);
    const [row] = await db.select().from(escalations).where(eq(escalations.id, mine));
    expect(row).toMatchObject({ explanation: "因征地手续延误，已于6月22日补报", explainedBy: filer.userId });
    expect(row!.explainedAt?.toISOString()).toBe("2022-06-20T02:00:00.000Z");
    const [toOffice] = await db.select().from(notifications).where(eq(notifications.userId, office.userId));
    expect(toOffice).toMatchObject({ title: "交通局报送了督办函的情况说明", link: `/supervision/escalations/${jiaotong}` });
    expect(await code(explainEscalation(head, { id: mine, explanation: "改一下" }))).toBe("conflict");
    const ledger = await getUnitLedgerForOffice(office, jiaotong);
    expect(ledger.steps[0]).toMatchObject({ explanation: "因征地手续延误，已于6月22日补报", explainedBy: "交通局填报人" });
  });

  it("a criticism from a published notice shows with its notice link", async () => {
    const [plan] = await db.select().from(plans);
    const [notice] = await db
      .insert(notices)
      .values({ planId: plan!.id, kind: "criticism", status: "draft", year: 2022, title: "关于对交通局的通报批评", body: "…", createdBy: office.userId })
      .returning({ id: notices.id });
    await recordEscalation(db, { unitId: jiaotong, step: "criticism", facts: "第24项逾期未报", noticeId: notice!.id, createdBy: office.userId });
    const own = await getOwnLedger(await actorFor("交通局"));
    expect(own.steps[0]).toMatchObject({ step: "criticism", stepLabel: "通报批评", notice: { id: notice!.id, label: "关于对交通局的通报批评" } });
  });

  it("a published notice's number reads the same in the ledger as everywhere else (通报批评〔2022〕第1号)", async () => {
    const [plan] = await db.select().from(plans);
    const [notice] = await db
      .insert(notices)
      .values({
        planId: plan!.id,
        kind: "criticism",
        status: "published",
        year: 2022,
        number: 1,
        title: "关于对交通局的通报批评",
        body: "…",
        createdBy: office.userId,
      })
      .returning({ id: notices.id });
    await recordEscalation(db, {
      unitId: jiaotong,
      step: "criticism",
      facts: "通报批评〔2022〕第1号：第24项逾期未报",
      noticeId: notice!.id,
      createdBy: office.userId,
    });
    const label = "通报批评〔2022〕第1号 关于对交通局的通报批评";
    expect((await getOwnLedger(await actorFor("交通局"))).steps[0]!.notice).toEqual({ id: notice!.id, label });
    expect((await getUnitLedgerForOffice(office, jiaotong)).steps[0]!.notice).toEqual({ id: notice!.id, label });
  });

  it("suggestions follow the history: 3 reminders → 督办函; a lapsed 督办函 → 约谈; a criticism with an overdue rectification → 问责", async () => {
    await sendReminders(office, { periodIndex: 10 });
    await sendReminders(office, { periodIndex: 11 });
    // Period 12 is not due yet: only because the office chooses to record this reminder does it enter the ledger.
    await sendReminders(office, { periodIndex: 12, recordAll: true });
    let overview = await getLedgerOverview(office);
    const row = overview.rows.find((r) => r.unitId === jiaotong)!;
    expect(row).toMatchObject({ highest: "reminder", counts: { reminder: 3 }, suggestion: { step: "supervision_letter", label: "督办函" } });
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion?.step).toBe("supervision_letter");

    await recordEscalationStep(office, letter(jiaotong, "2022-06-25T18:00"));
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion).toBeNull();

    // After the deadline, without an explanation: 约谈.
    process.env.APP_NOW = "2022-06-26T10:00:00+08:00";
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion?.step).toBe("interview");
    await recordEscalationStep(office, { step: "interview", unitId: jiaotong, facts: "督办函逾期", deadline: "2022-06-27T09:00" });
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion).toBeNull();

    // Period 12 falls due (6月30日 24:00) after the interview with 交通局's reports still missing: 通报批评.
    process.env.APP_NOW = "2022-07-02T10:00:00+08:00";
    overview = await getLedgerOverview(office);
    expect(overview.rows.find((r) => r.unitId === jiaotong)!.suggestion?.step).toBe("criticism");

    // A criticism is published, its rectification falls overdue: 问责.
    const [plan] = await db.select().from(plans);
    const [notice] = await db
      .insert(notices)
      .values({ planId: plan!.id, kind: "criticism", year: 2022, title: "通报批评", body: "…", createdBy: office.userId })
      .returning({ id: notices.id });
    await recordEscalation(db, {
      unitId: jiaotong,
      step: "criticism",
      facts: "x",
      noticeId: notice!.id,
      createdBy: office.userId,
      createdAt: new Date("2022-07-02T02:00:00Z"),
    });
    await db.insert(rectifications).values({ noticeId: notice!.id, unitId: jiaotong, dueAt: new Date("2022-07-10T16:00:00Z") });
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion).toBeNull();
    process.env.APP_NOW = "2022-07-12T10:00:00+08:00";
    expect((await getUnitLedgerForOffice(office, jiaotong)).suggestion).toMatchObject({ step: "accountability", label: "问责" });
  });
});
