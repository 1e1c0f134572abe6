/**
 * Cooperating units' input (配合进展), through the service and the form's server actions: only a
 * unit that owes the task an input may read or write it, drafts with optimistic locking, late by
 * the server clock, a submitted input revised and resubmitted, one audit row per change, and the
 * lead unit seeing what was submitted (never a draft).
 * The session is simulated (`requireActor`); everything after it is the real pipeline and database.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, contributions, plans, tasks, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, isDomainError } from "@/lib/errors";
import { getContributionForm, saveContributionDraft, submitContribution, type CurrentContribution } from "@/lib/services/contributions";
import { getReportForm } from "@/lib/services/reports";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveContributionDraftAction, submitContributionAction } = await import("@/app/(app)/contributions/[taskId]/[period]/actions");

/** 2022-06-20 10:00: period 12 (6月下半月, due 6月30日 24:00) is current; period 11 (6月上半月) was due 6月15日 24:00. */
const PINNED = "2022-06-20T10:00+08:00";
const CURRENT = 12;
const PAST = 11;
const TASK = 24; // 实施农村路网建设300公里 — lead 交通局, cooperating 各苏木镇 (乌兰镇 …)
const target = (periodIndex = CURRENT, taskId = TASK) => ({ taskId, periodIndex });

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

async function rows() {
  return db.select().from(contributions).orderBy(asc(contributions.id));
}

async function row(unitName: string, periodIndex = CURRENT, taskId = TASK) {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.name, unitName));
  const [found] = await db
    .select()
    .from(contributions)
    .where(and(eq(contributions.taskId, taskId), eq(contributions.unitId, unit!.id), eq(contributions.periodIndex, periodIndex)));
  return found ?? null;
}

/** Runs `step` and returns the audit rows it added. */
async function auditOf(step: () => Promise<unknown>) {
  const before = await auditCount();
  await step();
  return db
    .select({ action: auditLog.action, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after, actorUnitId: auditLog.actorUnitId })
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .offset(before);
}

describe("cooperating units' input (配合进展)", () => {
  let filer: Actor; // 乌兰镇-填报
  let head: Actor; // 乌兰镇

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    filer = await actorFor("乌兰镇-填报");
    head = await actorFor("乌兰镇");
    session.actor = null;
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the form: the task, the period with its due time, nothing filed yet, the lead unit named", async () => {
    const [task] = await db.select({ seq: tasks.seq }).from(tasks).where(eq(tasks.id, TASK));
    expect(task?.seq).toBe(24);
    const form = await getContributionForm(filer, target());
    expect(form.task).toMatchObject({ id: TASK, seq: 24, content: "实施农村路网建设300公里。" });
    expect(form.period).toMatchObject({ index: 12, label: "2022年6月下半月", dueLabel: "6月30日 24:00", signal: "open", timeLeft: "还剩 10 天 14 小时" });
    expect(form.unitName).toBe("乌兰镇");
    expect(form.leadUnits).toEqual(["交通局"]);
    expect(form.contribution).toBeNull();
    expect(form.previous).toBeNull();
    expect((await getContributionForm(filer, target(PAST))).period).toMatchObject({ label: "2022年6月上半月", signal: "overdue" });
  });

  it("only a unit that owes the input reads or writes it: another unit, the lead unit, leaders, the office and admin get not found; nothing written", async () => {
    const outsiders = ["交通局", "交通局-填报", "农牧局", "农牧局-填报", "张军", "ducha", "admin"];
    const auditBefore = await auditCount();
    for (const username of outsiders) {
      const actor = await actorFor(username);
      expect(await refusal(getContributionForm(actor, target())), username).toBe("not_found");
      expect(await refusal(saveContributionDraft(actor, { ...target(), baseVersion: 0, content: "x" })), username).toBe("not_found");
      expect(await refusal(submitContribution(actor, { ...target(), baseVersion: 0, content: "x" })), username).toBe("not_found");
    }
    // A name that stands for every unit (各地各部门 on task 5) obliges no one: 交通局 owes nothing there …
    const transport = await actorFor("交通局");
    expect(await refusal(getContributionForm(transport, target(CURRENT, 5)))).toBe("not_found");
    // … the overall row is no one's, unknown tasks are not found.
    expect(await refusal(getContributionForm(filer, target(CURRENT, 1)))).toBe("not_found");
    expect(await refusal(getContributionForm(filer, target(CURRENT, 99_999)))).toBe("not_found");
    expect(await auditCount()).toBe(auditBefore);
    expect(await rows()).toHaveLength(0);

    // The server actions called directly, signed out and as each of them: refused, recorded, nothing written.
    for (const username of [null, ...outsiders]) {
      session.actor = username ? await actorFor(username) : null;
      for (const result of [
        await saveContributionDraftAction({ ...target(), baseVersion: 0, content: "x" }),
        await submitContributionAction({ ...target(), baseVersion: 0, content: "x" }),
      ]) {
        expect(result.ok, String(username)).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/请先登录|未找到该记录|没有权限/);
      }
    }
    expect(await rows()).toHaveLength(0);
    const added = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(auditBefore);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((r) => r.action === "auth.refused")).toBe(true);

    // 交通局 does owe an input where it is named as a cooperating unit (task 41).
    expect((await getContributionForm(transport, target(CURRENT, 41))).unitName).toBe("交通局");
  });

  it("periods outside the reporting window are refused", async () => {
    expect(await refusal(getContributionForm(filer, target(13)))).toBe("invalid"); // not begun yet
    expect(await refusal(submitContribution(filer, { ...target(13), baseVersion: 0, content: "x" }))).toBe("invalid");
    await db.update(plans).set({ reportingStartPeriod: 8 });
    expect(await refusal(saveContributionDraft(filer, { ...target(7), baseVersion: 0, content: "x" }))).toBe("invalid");
    // A task closed (办结销号) after period 10 owes no input for later periods.
    await db.update(tasks).set({ closedAfterPeriod: 10 }).where(eq(tasks.id, TASK));
    expect(await refusal(submitContribution(filer, { ...target(), baseVersion: 0, content: "x" }))).toBe("invalid");
    expect((await getContributionForm(filer, target(10))).period.index).toBe(10);
    expect(await rows()).toHaveLength(0);
  });

  it("extra fields (unitId, status, late) are refused by the actions; the unit comes from the session", async () => {
    session.actor = filer;
    const other = (await db.select({ id: units.id }).from(units).where(eq(units.name, "棋盘井镇")))[0]!.id;
    const forged = await submitContributionAction({ ...target(), baseVersion: 0, content: "x", unitId: other, late: false } as never);
    expect(forged.ok).toBe(false);
    expect(await rows()).toHaveLength(0);
  });

  it("a draft saves with a version and one audit row; a colleague continues from it; a stale save is refused with the newer text", async () => {
    const first = await auditOf(async () =>
      expect(await saveContributionDraft(filer, { ...target(), baseVersion: 0, content: "已完成乌兰镇段路基 12 公里" })).toEqual({
        version: 1,
        status: "draft",
      }),
    );
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      action: "contribution.save_draft",
      before: null,
      after: { version: 1, status: "draft", content: "已完成乌兰镇段路基 12 公里" },
      actorUnitId: filer.unitId,
    });
    expect((await getContributionForm(head, target())).contribution).toMatchObject({
      version: 1,
      status: "draft",
      state: "draft",
      content: "已完成乌兰镇段路基 12 公里",
    });

    const second = await auditOf(() => saveContributionDraft(head, { ...target(), baseVersion: 1, content: "负责人改过的内容" }));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ before: { version: 1, content: "已完成乌兰镇段路基 12 公里" }, after: { version: 2, content: "负责人改过的内容" } });

    const auditBefore = await auditCount();
    const error = await saveContributionDraft(filer, { ...target(), baseVersion: 1, content: "填报人基于旧版本的修改" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<CurrentContribution>).current).toMatchObject({ version: 2, status: "draft", content: "负责人改过的内容" });
    // Saved at the app clock, and by whom: another account here; the same account when it is one's own other window.
    expect((error as ConflictError<CurrentContribution>).message).toContain("已在另一窗口或由其他人修改");
    expect((error as ConflictError<CurrentContribution>).current).toMatchObject({ updatedAt: new Date(PINNED), updatedByName: "乌兰镇负责人", bySelf: false });
    const ownWindow = await saveContributionDraft(head, { ...target(), baseVersion: 1, content: "负责人另一个窗口" }).catch((e: unknown) => e);
    expect((ownWindow as ConflictError<CurrentContribution>).current).toMatchObject({ version: 2, updatedByName: "乌兰镇负责人", bySelf: true });
    expect(await auditCount()).toBe(auditBefore);
    expect((await row("乌兰镇"))!.content).toBe("负责人改过的内容");

    // Through the action: the refusal carries `current`, so the form shows it beside what was typed.
    session.actor = filer;
    const stale = await saveContributionDraftAction({ ...target(), baseVersion: 1, content: "又一次旧版本修改" });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect((stale.current as CurrentContribution).content).toBe("负责人改过的内容");
  });

  it("two saves from the same version at once: exactly one wins", async () => {
    await saveContributionDraft(filer, { ...target(), baseVersion: 0, content: "起草" });
    const auditBefore = await auditCount();
    const results = await Promise.allSettled([
      saveContributionDraft(filer, { ...target(), baseVersion: 1, content: "甲" }),
      saveContributionDraft(head, { ...target(), baseVersion: 1, content: "乙" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const stored = (await row("乌兰镇"))!;
    expect(stored.version).toBe(2);
    expect((lost.reason as ConflictError<CurrentContribution>).current.content).toBe(stored.content);
    expect(await auditCount()).toBe(auditBefore + 1);
  });

  it("submitting stamps the server's time; on time in the current period, late for a past one whatever the browser says", async () => {
    const onTime = await auditOf(async () =>
      expect(await submitContribution(filer, { ...target(), baseVersion: 0, content: "  本期完成路基 12 公里  " })).toMatchObject({
        version: 1,
        status: "submitted",
        late: false,
      }),
    );
    expect(onTime.map((r) => r.action)).toEqual(["contribution.submit"]);
    const stored = (await row("乌兰镇"))!;
    expect(stored).toMatchObject({ status: "submitted", late: false, content: "本期完成路基 12 公里", submittedBy: filer.userId });
    expect(stored.submittedAt?.toISOString()).toBe(new Date(PINNED).toISOString());

    session.actor = filer;
    const late = await submitContributionAction({ ...target(PAST), baseVersion: 0, content: "上期配合进展（补报）" });
    expect(late).toMatchObject({ ok: true, data: { late: true } });
    expect((await row("乌兰镇", PAST))!.late).toBe(true);

    // The same period filed just before its due time is on time.
    process.env.APP_NOW = "2022-06-30T23:59+08:00";
    const head2 = await actorFor("棋盘井镇");
    expect(await submitContribution(head2, { ...target(), baseVersion: 0, content: "棋盘井镇段已开工" })).toMatchObject({ late: false });
    process.env.APP_NOW = "2022-07-01T00:01+08:00"; // now period 13 is current; period 12 is past its due
    const town3 = await actorFor("蒙西镇");
    expect(await submitContribution(town3, { ...target(), baseVersion: 0, content: "蒙西镇段" })).toMatchObject({ late: true });
  });

  it("a submitted input is revised by submitting again: a new time, one audit row with before and after; it is not put back to draft", async () => {
    await submitContribution(filer, { ...target(), baseVersion: 0, content: "第一次报送" });
    const first = (await row("乌兰镇"))!;

    const auditBefore = await auditCount();
    expect(await refusal(saveContributionDraft(filer, { ...target(), baseVersion: 1, content: "想存成草稿" }))).toBe("conflict");
    expect(await auditCount()).toBe(auditBefore);
    expect((await row("乌兰镇"))!).toMatchObject({ status: "submitted", content: "第一次报送", version: 1 });

    process.env.APP_NOW = "2022-06-25T09:30+08:00";
    const again = await auditOf(async () =>
      expect(await submitContribution(head, { ...target(), baseVersion: 1, content: "修改后重新报送" })).toMatchObject({ version: 2, late: false }),
    );
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      action: "contribution.resubmit",
      before: { version: 1, status: "submitted", content: "第一次报送", late: false },
      after: { version: 2, status: "submitted", content: "修改后重新报送", late: false },
    });
    const revised = (await row("乌兰镇"))!;
    expect(revised).toMatchObject({ status: "submitted", content: "修改后重新报送", submittedBy: head.userId });
    expect(revised.submittedAt!.getTime()).toBeGreaterThan(first.submittedAt!.getTime());
    expect(revised.submittedAt!.toISOString()).toBe(new Date("2022-06-25T09:30+08:00").toISOString());
  });

  it("a double-clicked submit (the same request twice) files once", async () => {
    const auditBefore = await auditCount();
    const input = { ...target(), baseVersion: 0, content: "只报一次" };
    const [a, b] = await Promise.all([submitContribution(filer, input), submitContribution(filer, input)]);
    expect(a).toEqual(b);
    expect(await auditCount()).toBe(auditBefore + 1);
    expect((await row("乌兰镇"))!.version).toBe(1);
  });

  it("bad input: empty or too long text gets a Chinese message; markup is stored as typed", async () => {
    session.actor = filer;
    const empty = await submitContributionAction({ ...target(), baseVersion: 0, content: "   " });
    expect(empty).toMatchObject({ ok: false, message: "请填写本期配合进展" });
    const long = await saveContributionDraftAction({ ...target(), baseVersion: 0, content: "字".repeat(2001) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.message).toContain("最多 2000 字");
    expect(await refusal(submitContribution(filer, { ...target(), baseVersion: 0, content: "" }))).toBe("invalid");
    expect(await rows()).toHaveLength(0);

    const markup = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
    await submitContribution(filer, { ...target(), baseVersion: 0, content: markup });
    expect((await row("乌兰镇"))!.content).toBe(markup);
  });

  it("the lead unit sees submitted inputs (and who is missing) on its report form, never a draft; the next period shows the unit its own last input", async () => {
    await submitContribution(filer, { ...target(PAST), baseVersion: 0, content: "上期：乌兰镇段完成测量" });
    await submitContribution(filer, { ...target(), baseVersion: 0, content: "本期：乌兰镇段路基 12 公里" });
    const other = await actorFor("棋盘井镇-填报");
    await saveContributionDraft(other, { ...target(), baseVersion: 0, content: "棋盘井镇的草稿（不应外泄）" });

    const report = await getReportForm(await actorFor("交通局-填报"), target());
    expect(report.contributions.map((c) => [c.unitName, c.content])).toEqual([["乌兰镇", "本期：乌兰镇段路基 12 公里"]]);
    expect(report.missingContributors).toContain("棋盘井镇");
    expect(report.missingContributors).not.toContain("乌兰镇");
    expect(JSON.stringify(report)).not.toContain("不应外泄");

    const form = await getContributionForm(filer, target());
    expect(form.previous).toMatchObject({ periodIndex: PAST, periodLabel: "2022年6月上半月", content: "上期：乌兰镇段完成测量" });
    // Another township's draft is its own.
    expect(JSON.stringify(await getContributionForm(head, target()))).not.toContain("不应外泄");
    expect((await getContributionForm(other, target())).contribution?.content).toBe("棋盘井镇的草稿（不应外泄）");
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(contributions)).toEqual([{ n: 3 }]);
  });
});
