/**
 * Quantitative targets (量化指标): an import stores what the text yields as 待确认; a re-import never touches
 * what the lead unit confirmed and refreshes proposals only where the text changed; the lead unit (head or
 * filer) or the administrator confirms, edits, adds and removes, each change audited with before/after;
 * cooperating units, leaders, the office and unrelated units are refused, called directly.
 */
import { readFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, taskIndicators, tasks } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { parseDocument } from "@/lib/import/parse";
import { extractIndicators } from "@/lib/indicators/extract";
import { SEED_DOCUMENT } from "@/lib/plans/demo-seed";
import { loadDirectory } from "@/lib/plans/directory";
import { importPlan } from "@/lib/plans/import-plan";
import { addIndicator, confirmIndicator, getTaskIndicatorsFor, removeIndicator, updateIndicator } from "@/lib/services/indicators";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { addIndicatorAction, confirmIndicatorAction, removeIndicatorAction, updateIndicatorAction } = await import("@/app/(app)/tasks/[id]/indicators/actions");

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );

async function taskId(seq: number): Promise<number> {
  const [row] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, seq));
  return row!.id;
}

async function indicatorsOf(seq: number) {
  return db
    .select({
      id: taskIndicators.id,
      name: taskIndicators.name,
      comparator: taskIndicators.comparator,
      target: taskIndicators.target,
      unit: taskIndicators.unit,
      status: taskIndicators.status,
      measure: taskIndicators.measure,
      baseline: taskIndicators.baseline,
      updatedAt: taskIndicators.updatedAt,
    })
    .from(taskIndicators)
    .where(eq(taskIndicators.taskId, await taskId(seq)))
    .orderBy(asc(taskIndicators.position), asc(taskIndicators.id));
}

const brief = (rows: { name: string; comparator: string; target: number; unit: string; status: string }[]) =>
  rows.map((r) => [r.name, r.comparator, Number(r.target), r.unit, r.status]);

async function parseSeed(transform: (text: string) => string = (t) => t) {
  const parsed = await parseDocument({ text: transform(await readFile(SEED_DOCUMENT, "utf8")) }, await loadDirectory(db));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.plan;
}

async function reimport(transform?: (text: string) => string) {
  const plan = await parseSeed(transform);
  return db.transaction(async (tx) => importPlan(tx, plan, await loadDirectory(tx), null));
}

async function auditsSince(before: number) {
  return db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(before);
}

async function only24() {
  const [row] = await indicatorsOf(24);
  return { id: row!.id, version: row!.updatedAt.getTime() };
}

const fields = { name: "农村路网建设", comparator: ">=" as const, target: 300, unit: "公里", baseline: 0, measure: "cumulative" as const };

describe("indicators", () => {
  beforeEach(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    session.actor = null;
    await resetWithDemo();
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  describe("import", () => {
    it("stores every extracted indicator as proposed, with a suggested measure, the source words and the confidence", async () => {
      expect(brief(await indicatorsOf(24))).toEqual([["农村路网建设", "=", 300, "公里", "proposed"]]);
      expect(brief(await indicatorsOf(29))).toEqual([
        ["城镇新增就业", ">=", 1700, "人", "proposed"],
        ["城镇调查失业率", "<=", 4, "%", "proposed"],
      ]);
      expect((await indicatorsOf(29)).map((r) => r.measure)).toEqual(["cumulative", "level"]);
      expect(await indicatorsOf(1)).toEqual([]);
      const [row] = await db
        .select({ source: taskIndicators.source, confidence: taskIndicators.confidence })
        .from(taskIndicators)
        .where(eq(taskIndicators.taskId, await taskId(24)));
      expect(row).toEqual({ source: "实施农村路网建设300公里", confidence: 0.85 });

      const plan = await parseSeed();
      const expected = plan.tasks.reduce((n, t) => n + extractIndicators(t.content).length, 0);
      expect(expected).toBe(64);
      expect(await db.$count(taskIndicators, eq(taskIndicators.status, "proposed"))).toBe(expected);
    });

    it("re-importing the same text changes nothing: same rows, same ids; the audit row counts the proposals", async () => {
      const before = await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id));
      const audits = await auditCount();
      await reimport();
      expect(await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id))).toEqual(before);
      const [audit] = await auditsSince(audits);
      expect(audit).toMatchObject({ action: "plan.import", after: { indicatorsProposed: 0, indicatorsReplaced: 0 } });
    });

    it("re-importing a changed text keeps confirmed and removed indicators and refreshes the proposals", async () => {
      const jiaotong = await actorFor("交通局");
      await confirmIndicator(jiaotong, await only24());
      const [signed, amount] = await indicatorsOf(2);
      await removeIndicator(await actorFor("admin"), { id: amount!.id, version: amount!.updatedAt.getTime() });
      const confirmed = await indicatorsOf(24);

      const audits = await auditCount();
      await reimport((text) =>
        text
          .replace("实施农村路网建设300公里。", "实施农村路网建设350公里，新建桥梁5座以上。")
          .replace("签约项目20个以上、协议总金额500亿元以上", "签约项目25个以上、协议总金额500亿元以上"),
      );
      // Task 24: the confirmed 300 stays as it was; the changed text's targets are proposed beside it.
      const t24 = await indicatorsOf(24);
      expect(t24[0]).toEqual(confirmed[0]);
      expect(brief(t24)).toEqual([
        ["农村路网建设", "=", 300, "公里", "confirmed"],
        ["农村路网建设", "=", 350, "公里", "proposed"],
        ["新建桥梁", ">=", 5, "座", "proposed"],
      ]);
      // Task 2: the old proposal (20个) is replaced; 500亿元 was removed by hand and is not proposed again.
      const t2 = await indicatorsOf(2);
      expect(brief(t2)).toEqual([
        ["协议总金额", ">=", 500, "亿元", "removed"],
        ["签约项目", ">=", 25, "个", "proposed"],
      ]);
      expect(t2.some((r) => r.id === signed!.id)).toBe(false);
      const [audit] = await auditsSince(audits);
      expect(audit).toMatchObject({ action: "plan.import", after: { indicatorsProposed: 3, indicatorsReplaced: 1 } });
    });

    it("a failing import writes no indicator either (one transaction)", async () => {
      const plan = await parseSeed((text) => text.replace("实施农村路网建设300公里。", "实施农村路网建设900公里。"));
      const broken = { ...plan, tasks: [...plan.tasks, { ...plan.tasks[1]!, seq: 73, content: null as unknown as string }] };
      const before = await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id));
      await expect(db.transaction(async (tx) => importPlan(tx, broken, await loadDirectory(tx), null))).rejects.toThrow();
      expect(await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id))).toEqual(before);
    });
  });

  describe("confirmation by the lead unit", () => {
    it("the lead unit's head confirms: tracked, stamped, one audit row with before and after", async () => {
      const jiaotong = await actorFor("交通局");
      const ref = await only24();
      const audits = await auditCount();
      await confirmIndicator(jiaotong, ref);
      const [row] = await db.select().from(taskIndicators).where(eq(taskIndicators.id, ref.id));
      expect(row).toMatchObject({ status: "confirmed", confirmedBy: jiaotong.userId, confirmedAt: new Date("2022-06-20T02:00:00Z") });
      const rows = await auditsSince(audits);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "indicator.confirm",
        entity: "task_indicator",
        entityId: String(ref.id),
        actorUserId: jiaotong.userId,
        before: { name: "农村路网建设", comparator: "=", target: 300, unit: "公里", status: "proposed" },
        after: { status: "confirmed" },
      });
      // Confirming again changes nothing and writes nothing.
      await confirmIndicator(jiaotong, ref);
      expect(await auditCount()).toBe(audits + 1);
      const view = await getTaskIndicatorsFor(jiaotong, await taskId(24));
      expect(view.canEdit).toBe(true);
      expect(view.indicators.map((i) => [i.name, i.status, i.confirmedByName])).toEqual([["农村路网建设", "confirmed", "交通局负责人"]]);
    });

    it("the filer edits (comparator, baseline, measure): saving confirms; a stale version is refused", async () => {
      const filer = await actorFor("交通局-填报");
      const ref = await only24();
      const audits = await auditCount();
      await updateIndicator(filer, { ...ref, ...fields, baseline: 20 });
      expect(brief(await indicatorsOf(24))).toEqual([["农村路网建设", ">=", 300, "公里", "confirmed"]]);
      expect((await indicatorsOf(24))[0]?.baseline).toBe(20);
      const [audit] = await auditsSince(audits);
      expect(audit).toMatchObject({
        action: "indicator.update",
        before: { comparator: "=", baseline: null, status: "proposed" },
        after: { comparator: ">=", baseline: 20, measure: "cumulative", status: "confirmed" },
      });
      // The same old version again: someone changed it since.
      expect(await code(updateIndicator(filer, { ...ref, ...fields, target: 310 }))).toBe("conflict");
      expect(Number((await indicatorsOf(24))[0]?.target)).toBe(300);
    });

    it("adds an indicator (confirmed at once) and removes one (kept, no longer listed)", async () => {
      const jiaotong = await actorFor("交通局");
      const id24 = await taskId(24);
      const audits = await auditCount();
      const { id } = await addIndicator(jiaotong, {
        taskId: id24,
        name: "危桥改造",
        comparator: ">=",
        target: 10,
        unit: "座",
        baseline: null,
        measure: "cumulative",
      });
      expect(brief(await indicatorsOf(24))).toEqual([
        ["农村路网建设", "=", 300, "公里", "proposed"],
        ["危桥改造", ">=", 10, "座", "confirmed"],
      ]);
      const ref = await only24();
      await removeIndicator(jiaotong, ref);
      expect((await getTaskIndicatorsFor(jiaotong, id24)).indicators.map((i) => i.name)).toEqual(["危桥改造"]);
      expect(brief(await indicatorsOf(24))[0]).toEqual(["农村路网建设", "=", 300, "公里", "removed"]);
      const rows = await auditsSince(audits);
      expect(rows.map((r) => [r.action, r.entityId])).toEqual([
        ["indicator.add", String(id)],
        ["indicator.remove", String(ref.id)],
      ]);
      expect(rows[1]).toMatchObject({ before: { status: "proposed" }, after: { status: "removed" } });
      // A removed indicator can be neither confirmed nor edited.
      expect(await code(confirmIndicator(jiaotong, ref))).toBe("not_found");
    });

    it("the administrator may change any task's indicators", async () => {
      const admin = await actorFor("admin");
      await confirmIndicator(admin, await only24());
      expect(brief(await indicatorsOf(24))[0]?.[4]).toBe("confirmed");
      expect((await getTaskIndicatorsFor(admin, await taskId(24))).canEdit).toBe(true);
    });

    it("refuses invalid input with a Chinese message", async () => {
      const jiaotong = await actorFor("交通局");
      const ref = await only24();
      await expect(updateIndicator(jiaotong, { ...ref, ...fields, name: " " })).rejects.toThrow("请填写指标名称");
      await expect(updateIndicator(jiaotong, { ...ref, ...fields, target: Number.NaN })).rejects.toThrow("目标值须为数字");
      await expect(addIndicator(jiaotong, { taskId: await taskId(24), ...fields, comparator: "!=" as never })).rejects.toThrow("请选择比较方式");
      expect(brief(await indicatorsOf(24))).toEqual([["农村路网建设", "=", 300, "公里", "proposed"]]);
    });
  });

  describe("wrong actors, called directly", () => {
    const cases: [username: string, expected: string][] = [
      ["乌兰镇", "forbidden"], // cooperating (各苏木镇), not leading
      ["乌兰镇-填报", "forbidden"],
      ["张军", "forbidden"], // the task's leader reads only
      ["王国泉", "forbidden"],
      ["ducha", "forbidden"],
      ["农牧局", "not_found"], // not concerned with task 24 at all
    ];
    for (const [username, expected] of cases) {
      it(`${username}: confirm, edit, add, remove → ${expected}; nothing written`, async () => {
        const actor = await actorFor(username);
        const ref = await only24();
        const id24 = await taskId(24);
        const before = await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id));
        const audits = await auditCount();
        expect(await code(confirmIndicator(actor, ref))).toBe(expected);
        expect(await code(updateIndicator(actor, { ...ref, ...fields }))).toBe(expected);
        expect(await code(addIndicator(actor, { taskId: id24, ...fields }))).toBe(expected);
        expect(await code(removeIndicator(actor, ref))).toBe(expected);
        expect(await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id))).toEqual(before);
        expect(await auditCount()).toBe(audits);
        if (expected === "forbidden") expect((await getTaskIndicatorsFor(actor, id24)).canEdit).toBe(false);
        else expect(await code(getTaskIndicatorsFor(actor, id24))).toBe("not_found");
      });
    }

    it("a lead unit cannot touch another task's indicators through its id", async () => {
      const jiaotong = await actorFor("交通局");
      const [t29] = await indicatorsOf(29); // 人社局 leads; 交通局 is not concerned
      expect(await code(confirmIndicator(jiaotong, { id: t29!.id, version: t29!.updatedAt.getTime() }))).toBe("not_found");
      const [t41] = await indicatorsOf(2);
      expect(await code(removeIndicator(jiaotong, { id: t41!.id, version: t41!.updatedAt.getTime() }))).toBe("not_found");
      expect(await db.$count(taskIndicators, and(eq(taskIndicators.status, "confirmed")))).toBe(0);
    });

    it("the server actions: a leader is refused and audited; extra fields are refused; the lead unit succeeds", async () => {
      const ref = await only24();
      session.actor = await actorFor("张军");
      const audits = await auditCount();
      expect(await confirmIndicatorAction(ref)).toMatchObject({ ok: false });
      const [refusal] = await auditsSince(audits);
      expect(refusal).toMatchObject({ action: "auth.refused", entityId: "indicator.confirm" });

      session.actor = await actorFor("乌兰镇");
      expect(await updateIndicatorAction({ ...ref, ...fields })).toEqual({ ok: false, message: "只有牵头单位或管理员可以确认和修改量化指标" });

      session.actor = await actorFor("交通局");
      const smuggled = await addIndicatorAction({ taskId: await taskId(24), ...fields, status: "confirmed" } as never);
      expect(smuggled).toMatchObject({ ok: false, message: "不接受的字段：status" });
      expect(await confirmIndicatorAction(ref)).toEqual({ ok: true, data: { id: ref.id } });
      expect(brief(await indicatorsOf(24))[0]?.[4]).toBe("confirmed");
    });
  });

  describe("the permission matrix of the indicator actions (role × action, through the action pipeline)", () => {
    const ROLES = [
      "signed out",
      "admin",
      "supervisor",
      "leader 张军",
      "lead unit head",
      "lead unit filer",
      "other unit head",
      "cooperating unit 乌兰镇",
    ] as const;
    const USERNAME: Record<Exclude<(typeof ROLES)[number], "signed out">, string> = {
      admin: "admin",
      supervisor: "ducha",
      "leader 张军": "张军",
      "lead unit head": "交通局",
      "lead unit filer": "交通局-填报",
      "other unit head": "农牧局",
      "cooperating unit 乌兰镇": "乌兰镇",
    };
    const ALLOWED = new Set(["admin", "lead unit head", "lead unit filer"]);
    type Ref = { id: number; version: number };
    const ACTIONS: [string, (ref: Ref, taskId: number) => Promise<{ ok: boolean }>][] = [
      ["confirm", (ref) => confirmIndicatorAction(ref)],
      ["update", (ref) => updateIndicatorAction({ ...ref, ...fields, target: 320 })],
      ["add", (_ref, taskId) => addIndicatorAction({ taskId, ...fields, name: "新增指标" })],
      ["remove", (ref) => removeIndicatorAction(ref)],
    ];

    it("walks every cell: only the administrator and the lead unit (head or filer) succeed; a refusal changes nothing", async () => {
      const id24 = await taskId(24);
      const cells: string[] = [];
      for (const role of ROLES) {
        session.actor = role === "signed out" ? null : await actorFor(USERNAME[role]);
        for (const [name, call] of ACTIONS) {
          // A fresh proposal for every cell, so that cells do not depend on each other.
          const [created] = await db
            .insert(taskIndicators)
            .values({ taskId: id24, name: `矩阵-${role}-${name}`, comparator: "=", target: 1, unit: "个" })
            .returning();
          const before = await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id));
          const result = await call({ id: created!.id, version: created!.updatedAt.getTime() }, id24);
          const changed = JSON.stringify(await db.select().from(taskIndicators).orderBy(asc(taskIndicators.id))) !== JSON.stringify(before);
          cells.push(`${role} ${name}: ${result.ok ? "ok" : "refused"}${result.ok === changed ? "" : " (!)"}`);
        }
      }
      expect(cells).toEqual(ROLES.flatMap((role) => ACTIONS.map(([name]) => `${role} ${name}: ${ALLOWED.has(role) ? "ok" : "refused"}`)));
    });
  });
});
