/**
 * 一键催办 at the pinned clock (2022-06-20 10:00: period 12 current, due 6月30日 24:00; period 11
 * past): exactly the units that still owe a report or an input are reminded, each gets one
 * notification in its inbox, with one audit row; only what is already overdue enters the escalation
 * ledger (a courtesy reminder before the due time does not, unless the office chooses to record it);
 * a double click is refused; only the supervision office reminds.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { contributions, escalations, notifications, plans, reminderItems, reminders, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { listCooperatingUnitIds } from "@/lib/data/reports";
import { isDomainError } from "@/lib/errors";
import { submitContribution } from "@/lib/services/contributions";
import { getInbox, getUnreadCount } from "@/lib/services/inbox";
import { getPeriodStatus } from "@/lib/services/period-status";
import { getLedgerOverview } from "@/lib/services/escalations";
import { getReminderPage, sendReminders } from "@/lib/services/reminders";
import { returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { sendRemindersAction } = await import("@/app/(app)/supervision/reminders/actions");

const PINNED = "2022-06-20T10:00:00+08:00";
const FIELDS = {
  progress: "完成农村公路新改建 86 公里",
  percent: 30,
  progressState: "on_track" as const,
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
};

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

/** Who owes what, computed independently of the reminders module: the period status and listCooperatingUnitIds per task. */
async function expectedOwing(periodIndex: number): Promise<Map<number, string[]>> {
  const [plan] = await db.select().from(plans);
  const status = await getPeriodStatus(plan!, periodIndex);
  const filed = await db
    .select({ taskId: contributions.taskId, unitId: contributions.unitId })
    .from(contributions)
    .where(and(eq(contributions.periodIndex, periodIndex), eq(contributions.status, "submitted")));
  const out = new Map<number, string[]>();
  const add = (unit: number, what: string) => out.set(unit, [...(out.get(unit) ?? []), what]);
  for (const row of status.rows) {
    if (["missing", "open", "returned"].includes(row.compliance)) for (const u of row.leadUnits) add(u.id, `report:${row.taskId}`);
    if (row.compliance === "closed") continue;
    for (const u of await listCooperatingUnitIds(db, row.taskId)) {
      if (!filed.some((f) => f.taskId === row.taskId && f.unitId === u)) add(u, `contribution:${row.taskId}`);
    }
  }
  for (const [k, v] of out) out.set(k, v.sort());
  return out;
}

async function remindedItems(reminderId: number): Promise<Map<number, string[]>> {
  const rows = await db.select().from(reminderItems).where(eq(reminderItems.reminderId, reminderId)).orderBy(asc(reminderItems.id));
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.unitId, [...(out.get(r.unitId) ?? []), `${r.owes}:${r.taskId}`]);
  for (const [k, v] of out) out.set(k, v.sort());
  return out;
}

describe("一键催办", () => {
  let office: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    office = await actorFor("ducha");
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("reminds exactly the units that owe this period; their inboxes only; one audit row; nothing due yet, so nothing in the ledger", async () => {
    // 交通局 files everything it owes in period 12: reports 24 and 27, inputs 41 and 65.
    const head = await actorFor("交通局");
    for (const taskId of [24, 27]) await submitReport(head, { taskId, periodIndex: 12, baseVersion: 0, fields: FIELDS });
    for (const taskId of [41, 65]) await submitContribution(head, { taskId, periodIndex: 12, baseVersion: 0, content: "已完成配合工作" });
    // 农牧局 files one of the reports it leads, so it still owes the others.
    const nongmu = await actorFor("农牧局");
    const jiaotong = await unitId("交通局");
    const nongmuId = await unitId("农牧局");
    const [plan] = await db.select().from(plans);
    const led = (await getPeriodStatus(plan!, 12)).rows.filter((r) => r.leadUnits.length === 1 && r.leadUnits[0]!.id === nongmuId);
    expect(led.length).toBeGreaterThan(1);
    await submitReport(nongmu, { taskId: led[0]!.taskId, periodIndex: 12, baseVersion: 0, fields: FIELDS });

    const expected = await expectedOwing(12);
    expect(expected.has(jiaotong)).toBe(false);
    expect(expected.get(nongmuId)).not.toContain(`report:${led[0]!.taskId}`);
    expect(expected.get(nongmuId)).toContain(`report:${led[1]!.taskId}`);

    const page = await getReminderPage(office);
    expect(page.period).toMatchObject({ index: 12, label: "2022年6月下半月", dueLabel: "6月30日 24:00", current: true });
    expect(page.owed.map((u) => u.unitId).sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    // Period 11 is past and nothing was filed for it: it is offered too.
    expect(page.previous).toMatchObject({ index: 11, label: "2022年6月上半月" });
    expect(page.lastReminder).toBeNull();

    const audits = await auditCount();
    const result = await sendReminders(office, { periodIndex: 12 });
    expect(await auditCount()).toBe(audits + 1);
    expect(result.units).toBe(expected.size);

    const items = await remindedItems(result.reminderId);
    expect(items).toEqual(expected);
    expect(await db.$count(reminders)).toBe(1);

    // One notification per reminded unit, none for 交通局.
    const sent = await db.select().from(notifications).where(eq(notifications.kind, "reminder"));
    expect(sent.map((n) => n.unitId).sort((a, b) => a! - b!)).toEqual([...expected.keys()].sort((a, b) => a - b));
    expect(sent.every((n) => n.leaderId === null && n.userId === null && n.link === "/unit" && n.createdBy === office.userId)).toBe(true);
    const toNongmu = sent.find((n) => n.unitId === nongmuId)!;
    expect(toNongmu.title).toMatch(/^催办：请于 6月30日 24:00 前报送2022年6月下半月进展报告 \d+ 项/);

    // Nothing of period 12 is due before 6月30日 24:00: a courtesy reminder is no step in anyone's 问责台账.
    expect(result.recorded).toBe(0);
    expect(await db.$count(escalations)).toBe(0);

    // Inboxes: every account of a reminded unit sees it; 交通局's do not.
    expect(await getUnreadCount(nongmu)).toBe(1);
    expect(await getUnreadCount(await actorFor("农牧局-填报"))).toBe(1);
    expect((await getInbox(nongmu)).items[0]).toMatchObject({ kind: "reminder", read: false, link: "/unit" });
    expect(await getUnreadCount(head)).toBe(0);
    expect(await getUnreadCount(await actorFor("交通局-填报"))).toBe(0);
    expect(await getUnreadCount(office)).toBe(0);
    expect(await getUnreadCount(await actorFor("张军"))).toBe(0);

    // The history shows who was reminded when.
    const after = await getReminderPage(office);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ periodIndex: 12, createdBy: "政府办督查室", unitCount: expected.size });
    expect(after.history[0]!.units.some((u) => u.unitId === jiaotong)).toBe(false);
    expect(after.lastReminder?.tooSoon).toBe(true);
  });

  it("a second reminder of the same period within 10 minutes is refused and writes nothing; after 10 minutes it goes", async () => {
    await sendReminders(office, { periodIndex: 12 });
    const counts = async () => [
      await db.$count(reminders),
      await db.$count(reminderItems),
      await db.$count(notifications),
      await db.$count(escalations),
      await auditCount(),
    ];
    const before = await counts();
    const refused = await sendReminders(office, { periodIndex: 12 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.code).toBe("conflict");
    expect((refused as Error).message).toContain("10 分钟内不能重复催办");
    expect(await counts()).toEqual(before);

    // Another period is a different reminder.
    expect(await code(sendReminders(office, { periodIndex: 11 }))).toBe("ok");
    process.env.APP_NOW = "2022-06-20T10:09:00+08:00";
    expect(await code(sendReminders(office, { periodIndex: 12 }))).toBe("conflict");
    process.env.APP_NOW = "2022-06-20T10:11:00+08:00";
    expect(await code(sendReminders(office, { periodIndex: 12 }))).toBe("ok");
    expect(await db.$count(reminders, eq(reminders.periodIndex, 12))).toBe(2);
  });

  it("concurrent double clicks file one reminder", async () => {
    const results = await Promise.all([code(sendReminders(office, { periodIndex: 12 })), code(sendReminders(office, { periodIndex: 12 }))]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    expect(await db.$count(reminders)).toBe(1);
  });

  it("a past period: the reminder says it is overdue", async () => {
    await sendReminders(office, { periodIndex: 11 });
    const [n] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.unitId, await unitId("交通局")));
    expect(n!.title).toBe("催办：2022年6月上半月进展报告 2 项、配合进展 2 项已逾期，请尽快报送");
    expect(n!.body).toContain("第24项");
    const [step] = await db
      .select()
      .from(escalations)
      .where(eq(escalations.unitId, await unitId("交通局")));
    expect(step!.facts).toBe("2022年6月上半月应报事项：进展报告：第24、27项逾期未报；配合进展：第41、65项逾期未报");
    expect(step!.deadline).toBeNull();
  });

  it("only what is overdue enters the ledger: a returned report, a past period; the office may choose to record the rest", async () => {
    const jiaotong = await unitId("交通局");
    const head = await actorFor("交通局");
    // 交通局's report on task 24 for period 12 is returned: owed again, and overdue as returned; 27 is still before its due time.
    await submitReport(head, { taskId: 24, periodIndex: 12, baseVersion: 0, fields: FIELDS });
    await returnReport(office, { taskId: 24, periodIndex: 12, reason: "请补充里程数据" });

    const courtesy = await sendReminders(office, { periodIndex: 12 });
    expect(courtesy.units).toBeGreaterThan(1);
    expect(courtesy.recorded).toBe(1);
    const [step, ...others] = await db.select().from(escalations);
    expect(others).toEqual([]);
    expect(step).toMatchObject({ unitId: jiaotong, step: "reminder", facts: "2022年6月下半月应报事项：进展报告：第24项被退回待重报", deadline: null });

    // Period 11 is past its due time: every unit reminded about it has its overdue items in the ledger.
    const past = await sendReminders(office, { periodIndex: 11 });
    expect(past.recorded).toBe(past.units);
    expect(await db.$count(escalations)).toBe(1 + past.units);

    // Ten minutes on, the office reminds period 12 again and chooses to record it: every unit reminded, all it owes.
    process.env.APP_NOW = "2022-06-20T10:11:00+08:00";
    const chosen = await sendReminders(office, { periodIndex: 12, recordAll: true });
    expect(chosen.recorded).toBe(chosen.units);
    expect(await db.$count(escalations, eq(escalations.createdAt, new Date("2022-06-20T02:11:00Z")))).toBe(chosen.units);
    const mine = await db
      .select()
      .from(escalations)
      .where(and(eq(escalations.unitId, jiaotong), eq(escalations.createdAt, new Date("2022-06-20T02:11:00Z"))));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.facts).toBe("2022年6月下半月应报事项：进展报告：第24项被退回待重报，第27项尚未报送；配合进展：第41、65项尚未报送");
    expect(mine[0]!.deadline?.toISOString()).toBe("2022-06-30T16:00:00.000Z");
  });

  it("courtesy reminders never lead to a 督办函: only the reminders in the ledger count towards one", async () => {
    // Period 11 is overdue: one step each. Period 12 twice before its due time: no steps.
    await sendReminders(office, { periodIndex: 11 });
    for (const time of ["10:00", "10:11"]) {
      process.env.APP_NOW = `2022-06-20T${time}:00+08:00`;
      await sendReminders(office, { periodIndex: 12 });
    }
    expect(await db.$count(reminders)).toBe(3);
    const overview = await getLedgerOverview(office);
    // Three reminders in three periods would suggest a 督办函; one of them was about something overdue.
    expect(overview.rows.find((r) => r.unitName === "交通局")).toMatchObject({ highest: "reminder", counts: { reminder: 1 }, total: 1, suggestion: null });
    expect(overview.rows.filter((r) => r.suggestion !== null)).toEqual([]);
  });

  it("a period not yet open, or before reporting starts, cannot be reminded", async () => {
    expect(await code(sendReminders(office, { periodIndex: 13 }))).toBe("invalid");
    await db.update(plans).set({ reportingStartPeriod: 5 });
    expect(await code(sendReminders(office, { periodIndex: 4 }))).toBe("invalid");
    expect(await db.$count(reminders)).toBe(0);
  });

  it("only the supervision office reminds: units, leaders and the administrator are refused, nothing is written", async () => {
    const audits = await auditCount();
    for (const username of ["交通局", "交通局-填报", "张军", "王国泉", "admin"]) {
      expect(await code(sendReminders(await actorFor(username), { periodIndex: 12 })), username).toBe("forbidden");
    }
    expect(await db.$count(reminders)).toBe(0);
    expect(await db.$count(notifications)).toBe(0);
    expect(await db.$count(escalations)).toBe(0);
    expect(await auditCount()).toBe(audits);
    // Through the server action too: refused before anything runs (the refusal itself is audited).
    for (const username of ["交通局", "张军", "admin"]) {
      session.actor = await actorFor(username);
      expect(await sendRemindersAction({ periodIndex: 12 })).toMatchObject({ ok: false });
    }
    session.actor = office;
    expect(await sendRemindersAction({ periodIndex: 12, unitId: 3 } as never)).toMatchObject({ ok: false });
    expect(await db.$count(reminders)).toBe(0);
    expect(await sendRemindersAction({ periodIndex: 12 })).toMatchObject({ ok: true });
    expect(await db.$count(reminders)).toBe(1);
    // The reading side is the office's (and the administrator's) too.
    expect(await code(getReminderPage(await actorFor("交通局")))).toBe("forbidden");
    expect(await code(getReminderPage(await actorFor("admin")))).toBe("ok");
  });
});
