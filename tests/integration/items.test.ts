/**
 * 督办事项 on real Postgres: registration (the year's items register made on the first one, 立项号
 * gapless under concurrent registration), bad input refused with nothing written, 签收 by a lead unit
 * of THIS item only, the 签收提醒 for items not acknowledged within 2 working days (once a day per
 * item), who sees which items, and an item's report filed and accepted like any task's.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db";
import { auditLog, escalations, leaders, notifications, plans, progressReports, taskLeaders, tasks, taskUnits, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import type { RegisterItemInput } from "@/lib/items/schemas";
import { getUnreadCount } from "@/lib/services/inbox";
import { getUnitWorkspace } from "@/lib/services/workspace";
import { acknowledgeItem, getItemPanelFor, listItemsFor, registerItem, remindOverdueAcknowledgements } from "@/lib/services/items";
import { acceptReport, submitReport } from "@/lib/services/reports";
import { getTaskFor } from "@/lib/services/tasks";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

// More connections than registrations, so that on Postgres every registration has its own connection.
vi.hoisted(() => {
  if (process.env.DB_POOL_MAX !== "1") process.env.DB_POOL_MAX = "16";
});

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const actions = await import("@/app/(app)/items/actions");

const PINNED = "2022-06-20T10:00:00+08:00"; // Monday
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

const idOf = async (table: typeof units | typeof leaders, name: string) => (await db.select({ id: table.id }).from(table).where(eq(table.name, name)))[0]!.id;

async function itemInput(overrides: Partial<RegisterItemInput> = {}): Promise<RegisterItemInput> {
  return {
    content: "推进城区老旧小区改造，年内完成 12 个小区",
    source: "meeting",
    documentNumber: "常务会议纪要〔2022〕5号",
    issuedOn: "2022-06-18",
    leaderIds: [await idOf(leaders, "张军")],
    leadUnitIds: [await idOf(units, "交通局")],
    cooperatingUnitIds: [await idOf(units, "乌兰镇")],
    dueOn: "2022-09-30",
    cadence: "monthly",
    ...overrides,
  };
}

async function registerAt(when: string, overrides: Partial<RegisterItemInput> = {}) {
  const before = process.env.APP_NOW;
  process.env.APP_NOW = when;
  try {
    return await registerItem(await actorFor("ducha"), await itemInput(overrides));
  } finally {
    process.env.APP_NOW = before;
  }
}

describe("督办事项", () => {
  beforeAll(async () => {
    await closeDb(); // reopen with the larger pool
  });
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("registers an item: the year's register made once, 督〔2022〕第1号 then 第2号, leaders and units, one audit row each", async () => {
    const audits = await auditCount();
    const first = await registerItem(await actorFor("ducha"), await itemInput());
    expect(first).toMatchObject({ seq: 1, seqLabel: "督〔2022〕第1号" });
    const second = await registerItem(await actorFor("admin"), await itemInput({ content: "第二项", source: "instruction", cadence: "final" }));
    expect(second).toMatchObject({ seq: 2, seqLabel: "督〔2022〕第2号" });
    expect(await auditCount()).toBe(audits + 2);

    const registers = await db.select().from(plans).where(eq(plans.kind, "items"));
    expect(registers).toHaveLength(1);
    expect(registers[0]).toMatchObject({ year: 2022, title: "2022年督办事项", state: "active", source: "other" });
    const [task] = await db.select().from(tasks).where(eq(tasks.id, first.taskId));
    expect(task).toMatchObject({
      planId: registers[0]!.id,
      seq: 1,
      seqLabel: "督〔2022〕第1号",
      source: "meeting",
      documentNumber: "常务会议纪要〔2022〕5号",
      issuedOn: "2022-06-18",
      dueOn: "2022-09-30",
      cadence: "monthly",
      acknowledgedAt: null,
      leadUnitsText: "交通局",
      unitsText: "乌兰镇",
    });
    expect(task!.createdAt.toISOString()).toBe(new Date(PINNED).toISOString());
    expect(await db.select({ leaderId: taskLeaders.leaderId }).from(taskLeaders).where(eq(taskLeaders.taskId, first.taskId))).toEqual([
      { leaderId: await idOf(leaders, "张军") },
    ]);
    expect(
      await db
        .select({ unitId: taskUnits.unitId, role: taskUnits.role })
        .from(taskUnits)
        .where(eq(taskUnits.taskId, first.taskId))
        .orderBy(asc(taskUnits.role)),
    ).toEqual([
      { unitId: await idOf(units, "交通局"), role: "lead" },
      { unitId: await idOf(units, "乌兰镇"), role: "cooperating" },
    ]);
    // The audit log is append-only and outlives the reset between tests (task ids are reused): the latest row is this one.
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "item.register"), eq(auditLog.entityId, String(first.taskId))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({ entity: "task", actorRole: "supervisor" });
  });

  it("the work report table stays the current plan beside the items register", async () => {
    const { getCurrentPlan, getPlanOfYear } = await import("@/lib/data/plans");
    await registerItem(await actorFor("ducha"), await itemInput());
    expect((await getCurrentPlan())!.title).toContain("政府工作报告");
    expect((await getPlanOfYear(db, 2022))!.title).toContain("政府工作报告");
  });

  it("ten registrations at once are numbered 1…10: no gap, no duplicate", async () => {
    const office = await actorFor("ducha");
    const inputs = await Promise.all(Array.from({ length: 10 }, (_, i) => itemInput({ content: `并发登记的事项 ${i + 1}` })));
    const results = await Promise.all(inputs.map((input) => registerItem(office, input)));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const rows = await db
      .select({ seq: tasks.seq, seqLabel: tasks.seqLabel })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .where(eq(plans.kind, "items"))
      .orderBy(asc(tasks.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.map((r) => r.seqLabel)).toEqual(rows.map((r) => `督〔2022〕第${r.seq}号`));
    expect(await db.select().from(plans).where(eq(plans.kind, "items"))).toHaveLength(1);
  });

  it("refuses bad input and other roles with a Chinese message, writing nothing", async () => {
    const snapshot = async () => JSON.stringify({ tasks: await db.select({ id: tasks.id }).from(tasks), plans: await db.select({ id: plans.id }).from(plans) });
    const before = await snapshot();
    session.actor = await actorFor("ducha");
    const valid = await itemInput();
    const cases: Record<string, unknown>[] = [
      { ...valid, content: "" },
      { ...valid, leaderIds: [] },
      { ...valid, leadUnitIds: [] },
      { ...valid, dueOn: "2022-06-01" },
      { ...valid, leaderIds: [99999] },
      { ...valid, leadUnitIds: [99999] },
      { ...valid, planId: 1 },
    ];
    for (const input of cases) {
      const result = await actions.registerItemAction(input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const unknownLeader = await actions.registerItemAction({ ...valid, leaderIds: [99999] });
    expect(unknownLeader).toMatchObject({ ok: false, message: "所选责任领导不存在或已停用，请刷新后重新选择" });
    for (const username of ["交通局", "张军", "王国泉"]) {
      session.actor = await actorFor(username);
      expect((await actions.registerItemAction(valid)).ok).toBe(false);
    }
    expect(await snapshot()).toBe(before);
  });

  it("签收: a user of the item's lead unit, once; a cooperating unit, another unit and the office cannot", async () => {
    const { taskId } = await registerItem(await actorFor("ducha"), await itemInput());
    expect(await code(acknowledgeItem(await actorFor("乌兰镇"), { taskId }))).toBe("not_found");
    expect(await code(acknowledgeItem(await actorFor("农牧局"), { taskId }))).toBe("not_found");
    expect(await code(acknowledgeItem(await actorFor("ducha"), { taskId }))).toBe("forbidden");
    expect(await code(acknowledgeItem(await actorFor("张军"), { taskId }))).toBe("forbidden");
    // A table task needs no 签收.
    expect(await code(acknowledgeItem(await actorFor("交通局"), { taskId: 24 }))).toBe("not_found");
    expect((await db.select({ a: tasks.acknowledgedAt }).from(tasks).where(eq(tasks.id, taskId)))[0]!.a).toBeNull();

    const filer = await actorFor("交通局-填报");
    expect((await getItemPanelFor(filer, taskId))!.canAcknowledge).toBe(true);
    expect((await getItemPanelFor(await actorFor("乌兰镇"), taskId))!.canAcknowledge).toBe(false);
    const audits = await auditCount();
    await acknowledgeItem(filer, { taskId });
    expect(await auditCount()).toBe(audits + 1);
    const [row] = await db.select({ at: tasks.acknowledgedAt, by: tasks.acknowledgedBy }).from(tasks).where(eq(tasks.id, taskId));
    expect(row!.at!.toISOString()).toBe(new Date(PINNED).toISOString());
    expect(row!.by).toBe(filer.userId);
    expect(await code(acknowledgeItem(await actorFor("交通局"), { taskId }))).toBe("conflict");
    const panel = await getItemPanelFor(await actorFor("ducha"), taskId);
    expect(panel).toMatchObject({ state: "acknowledged", acknowledgedByName: filer.displayName, canAcknowledge: false });
  });

  it("签收提醒: only items past 2 working days without 签收, to their lead units, once a day per item", async () => {
    const nongmu = await idOf(units, "农牧局");
    const jiaotong = await idOf(units, "交通局");
    // Wednesday 06-15: due by Friday 06-17 24:00, overdue on Monday 06-20.
    const overdue = await registerAt("2022-06-15T09:00:00+08:00", { leadUnitIds: [jiaotong, nongmu], cooperatingUnitIds: [] });
    // Wednesday too, but acknowledged.
    const acknowledged = await registerAt("2022-06-15T09:30:00+08:00");
    await acknowledgeItem(await actorFor("交通局"), { taskId: acknowledged.taskId });
    // Friday 06-17: Monday and Tuesday, not yet overdue on Monday.
    const recent = await registerAt("2022-06-17T16:00:00+08:00");

    const office = await actorFor("ducha");
    const list = await listItemsFor(office, { year: 2022 });
    expect(Object.fromEntries(list.rows.map((r) => [r.id, r.state]))).toEqual({
      [overdue.taskId]: "overdue",
      [acknowledged.taskId]: "acknowledged",
      [recent.taskId]: "unacknowledged",
    });
    expect((await listItemsFor(office, { state: "overdue" })).rows.map((r) => r.id)).toEqual([overdue.taskId]);
    expect(list.counts).toEqual({ unacknowledged: 1, overdue: 1, acknowledged: 1, closed: 0 });

    const unread = await getUnreadCount(await actorFor("农牧局-填报"));
    const audits = await auditCount();
    expect(await remindOverdueAcknowledgements(office)).toEqual({ reminded: 1, alreadyToday: 0, units: 2 });
    expect(await auditCount()).toBe(audits + 1);
    const sent = await db
      .select({ unitId: notifications.unitId, title: notifications.title, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.kind, "item_acknowledge_reminder"))
      .orderBy(asc(notifications.unitId));
    expect(sent).toEqual(
      [jiaotong, nongmu].sort((a, b) => a - b).map((unitId) => ({ unitId, title: `签收提醒：${overdue.seqLabel}`, link: `/tasks/${overdue.taskId}` })),
    );
    expect(await getUnreadCount(await actorFor("农牧局-填报"))).toBe(unread + 1);
    const steps = await db
      .select({ unitId: escalations.unitId, step: escalations.step, facts: escalations.facts })
      .from(escalations)
      .where(eq(escalations.step, "reminder"));
    expect(steps.map((s) => s.unitId).sort((x, y) => x - y)).toEqual([jiaotong, nongmu].sort((x, y) => x - y));
    expect(steps.every((s) => s.facts.startsWith(`签收提醒：${overdue.seqLabel}`))).toBe(true);

    // Again the same day (and two clicks at once): nothing more.
    const again = await Promise.all([remindOverdueAcknowledgements(office), remindOverdueAcknowledgements(await actorFor("admin"))]);
    expect(again).toEqual([
      { reminded: 0, alreadyToday: 1, units: 0 },
      { reminded: 0, alreadyToday: 1, units: 0 },
    ]);
    expect(await auditCount()).toBe(audits + 1);

    // The next day both unacknowledged items are overdue: both reminded.
    process.env.APP_NOW = "2022-06-22T09:00:00+08:00";
    expect(await remindOverdueAcknowledgements(office)).toMatchObject({ reminded: 2, alreadyToday: 0 });
    // 2 lead units of the first, 1 of the second: 2 on the 20th + 3 on the 22nd.
    expect(await db.select().from(notifications).where(eq(notifications.kind, "item_acknowledge_reminder"))).toHaveLength(5);

    for (const username of ["交通局", "张军", "王国泉"]) {
      expect(await code(remindOverdueAcknowledgements(await actorFor(username)))).toBe("forbidden");
    }
  });

  it("who sees which items: units their own only, a leader those they are responsible for, 王国泉 and the office all", async () => {
    const a = await registerItem(await actorFor("ducha"), await itemInput()); // 交通局 lead, 乌兰镇 cooperating, 张军
    const b = await registerItem(
      await actorFor("ducha"),
      await itemInput({
        content: "农牧局的事项",
        source: "instruction",
        leaderIds: [await idOf(leaders, "崔婧")],
        leadUnitIds: [await idOf(units, "农牧局")],
        cooperatingUnitIds: [],
      }),
    );
    const ids = async (username: string, search = {}) => (await listItemsFor(await actorFor(username), search)).rows.map((r) => r.id).sort((x, y) => x - y);
    expect(await ids("ducha")).toEqual([a.taskId, b.taskId]);
    expect(await ids("admin")).toEqual([a.taskId, b.taskId]);
    expect(await ids("王国泉")).toEqual([a.taskId, b.taskId]);
    expect(await ids("张军")).toEqual([a.taskId]);
    expect(await ids("崔婧")).toEqual([b.taskId]);
    expect(await ids("贾瑞")).toEqual([]);
    expect(await ids("交通局-填报")).toEqual([a.taskId]);
    expect(await ids("乌兰镇")).toEqual([a.taskId]);
    expect(await ids("农牧局")).toEqual([b.taskId]);
    expect(await ids("ducha", { source: "instruction" })).toEqual([b.taskId]);

    // The task page: another unit's or another leader's item is not found.
    expect(await code(getTaskFor(await actorFor("农牧局"), a.taskId))).toBe("not_found");
    expect(await code(getTaskFor(await actorFor("崔婧"), a.taskId))).toBe("not_found");
    expect(await code(getItemPanelFor(await actorFor("农牧局"), a.taskId))).toBe("not_found");
    expect(await code(getTaskFor(await actorFor("王国泉"), a.taskId))).toBe("ok");
    expect(await code(getTaskFor(await actorFor("乌兰镇"), a.taskId))).toBe("ok");
  });

  it("an item is a task: its lead unit files the report and the office accepts it", async () => {
    const { taskId } = await registerItem(await actorFor("ducha"), await itemInput());
    const unit = await actorFor("交通局");
    await acknowledgeItem(unit, { taskId });
    const fields = { progress: "已完成 3 个小区改造", percent: 25, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
    await submitReport(unit, { taskId, periodIndex: 12, baseVersion: 0, fields });
    await acceptReport(await actorFor("ducha"), { taskId, periodIndex: 12 });
    const [report] = await db
      .select({ status: progressReports.status })
      .from(progressReports)
      .where(and(eq(progressReports.taskId, taskId), eq(progressReports.periodIndex, 12)));
    expect(report!.status).toBe("accepted");
    // Another unit cannot file on it.
    expect(await code(submitReport(await actorFor("农牧局"), { taskId, periodIndex: 12, baseVersion: 0, fields }))).not.toBe("ok");
  });

  it("an item owes from the half month it is registered in, though the register started earlier", async () => {
    await registerAt("2022-03-02T10:00:00+08:00"); // the register starts in 3月上半月 (5)
    const { taskId } = await registerAt("2022-09-20T10:00:00+08:00", { cadence: "monthly", dueOn: "2022-12-31" });
    process.env.APP_NOW = "2022-10-20T10:00:00+08:00";
    const unit = await actorFor("交通局");
    const workspace = await getUnitWorkspace(unit);
    // Owed: 2022年9月 (key 18, overdue) and 10月 (key 20, current) — nothing from March to August.
    const owed = [
      ...workspace.reports.filter((i) => i.taskId === taskId).map((i) => i.periodIndex),
      ...workspace.pastOwed.filter((p) => p.taskId === taskId).flatMap((p) => p.periods.map((x) => x.index)),
    ];
    expect(owed.sort((a, b) => a - b)).toEqual([18, 20]);
    const fields = { progress: "开工", percent: 5, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
    expect(await code(submitReport(unit, { taskId, periodIndex: 16, baseVersion: 0, fields }))).toBe("invalid");
  });

  it("the register a page at a time: the selection counted whole, each filter and order kept on every page, a unit's own only", async () => {
    const jiaotong = await idOf(units, "交通局");
    const nongmu = await idOf(units, "农牧局");
    // 24 items: every third led by 农牧局; 完成时限 running back from December; four acknowledged.
    for (let i = 0; i < 24; i++) {
      const dueOn = `2022-${String(12 - (i % 6)).padStart(2, "0")}-${String(10 + i).padStart(2, "0")}`;
      const { taskId } = await registerItem(
        await actorFor("ducha"),
        await itemInput({ content: `分页事项${i + 1}`, dueOn, leadUnitIds: [i % 3 === 0 ? nongmu : jiaotong], cooperatingUnitIds: [] }),
      );
      if (i < 4) await acknowledgeItem(await actorFor(i % 3 === 0 ? "农牧局" : "交通局"), { taskId });
    }
    const office = await actorFor("ducha");
    const byDefault = { page: 1, size: 20, sort: { key: "seq", descending: true } } as const;
    const first = await listItemsFor(office, {}, byDefault);
    expect(first).toMatchObject({ total: 24, page: 1, pages: 2, size: 20 });
    expect(first.rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 24 - i));
    const second = await listItemsFor(office, {}, { ...byDefault, page: 2 });
    expect(second.rows.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect((await listItemsFor(office, {}, { ...byDefault, page: 7 })).page).toBe(2);
    // Counts by state are of the whole selection, not of the page.
    expect(first.counts).toEqual({ unacknowledged: 20, overdue: 0, acknowledged: 4, closed: 0 });

    const byDue = [
      ...(await listItemsFor(office, {}, { page: 1, size: 20, sort: { key: "due", descending: false } })).rows,
      ...(await listItemsFor(office, {}, { page: 2, size: 20, sort: { key: "due", descending: false } })).rows,
    ].map((r) => r.dueOn!);
    expect(byDue).toEqual([...byDue].sort());
    expect(byDue).toHaveLength(24);

    const byLead = (await listItemsFor(office, {}, { page: 1, size: 20, sort: { key: "lead", descending: false } })).rows;
    // 拼音: 交通局 (jiao) before 农牧局 (nong); 16 of 交通局, then 4 of 农牧局's 8.
    expect(byLead.map((r) => r.leadUnits[0])).toEqual([...Array(16).fill("交通局"), ...Array(4).fill("农牧局")]);

    const unacknowledged = await listItemsFor(office, { state: "unacknowledged" }, { ...byDefault, page: 2 });
    expect(unacknowledged).toMatchObject({ total: 20, page: 1, pages: 1 });
    expect(unacknowledged.rows.every((r) => r.state === "unacknowledged")).toBe(true);

    // 农牧局: its 8, on every page and in every order; a filter narrows them.
    for (const sort of [byDefault.sort, { key: "due", descending: true }, { key: "lead", descending: false }] as const) {
      const own = await listItemsFor(await actorFor("农牧局-填报"), {}, { page: 1, size: 20, sort });
      expect(own.total).toBe(8);
      expect(own.rows.every((r) => r.leadUnits.includes("农牧局"))).toBe(true);
    }
    const ownAcknowledged = await listItemsFor(await actorFor("农牧局"), { state: "acknowledged" }, byDefault);
    expect(ownAcknowledged.rows.map((r) => r.content)).toEqual(["分页事项4", "分页事项1"]);
  });
});
