/**
 * A task's settings on a real database: its 完成时限 (administrator and supervision office, read from
 * the words offices write against the plan's year), its 责任领导 (administrator), a unit's 分管领导, and
 * 按分管领导指定 for tasks imported without a 责任领导. Refused callers change nothing; the server
 * actions record the refusal; every change writes exactly one audit row.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, leaders, plans, taskLeaders, tasks, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { assignLeadersForAllUnits, assignLeadersForUnit, getLeaderAssignment } from "@/lib/services/leader-assignment";
import { setTaskDeadline, setTaskLeaders } from "@/lib/services/task-settings";
import { getTaskFor, listTasksFor } from "@/lib/services/tasks";
import { setUnitSupervisingLeader } from "@/lib/services/units";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { setTaskDeadlineAction, setTaskLeadersAction } = await import("@/app/(app)/tasks/[id]/actions");
const { assignUnitLeadersAction, assignAllLeadersAction } = await import("@/app/(app)/admin/leaders/assign/actions");
const { setUnitSupervisingLeaderAction } = await import("@/app/(app)/admin/units/actions");

// Task ids equal their seq after a fresh import. Task 70: 新增通讯网络站点50处以上 (刘锐, 工信和科技局).
const TASK = 70;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const leaderId = async (name: string) => (await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)))[0]!.id;
const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const planId = async () => (await db.select({ id: plans.id }).from(plans))[0]!.id;
const deadlineOf = async (taskId: number) =>
  (await db.select({ dueOn: tasks.dueOn, deadlineText: tasks.deadlineText }).from(tasks).where(eq(tasks.id, taskId)))[0]!;
const leadersOf = async (taskId: number) =>
  (
    await db
      .select({ name: leaders.name })
      .from(taskLeaders)
      .innerJoin(leaders, eq(leaders.id, taskLeaders.leaderId))
      .where(eq(taskLeaders.taskId, taskId))
      .orderBy(asc(taskLeaders.position))
  ).map((r) => r.name);
const supervisorOf = async (name: string) => (await db.select({ id: units.supervisingLeaderId }).from(units).where(eq(units.name, name)))[0]!.id;
const lastAudit = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).at(-1)!;
const auditsSince = async (count: number) =>
  db.select({ action: auditLog.action, entityId: auditLog.entityId, after: auditLog.after }).from(auditLog).orderBy(asc(auditLog.id)).offset(count);
const everything = async () =>
  JSON.stringify({
    tasks: await db.select().from(tasks).orderBy(asc(tasks.id)),
    taskLeaders: await db.select().from(taskLeaders).orderBy(asc(taskLeaders.taskId), asc(taskLeaders.leaderId)),
    units: await db.select().from(units).orderBy(asc(units.id)),
  });
/** Takes the leaders off these tasks, as an import of a document without a 责任领导 column leaves them. */
const makeLeaderless = async (...taskIds: number[]) => void (await db.delete(taskLeaders).where(inArray(taskLeaders.taskId, taskIds)));

const text = (taskText: string, base: { dueOn: string | null; deadlineText: string | null } = { dueOn: null, deadlineText: null }) => ({
  taskId: TASK,
  mode: "text" as const,
  text: taskText,
  date: "",
  baseDueOn: base.dueOn,
  baseDeadlineText: base.deadlineText,
});

describe("完成时限 of a task", () => {
  beforeEach(async () => {
    await resetWithDemo();
    session.actor = null;
  });

  it("the administrator writes it as offices do: read against the plan's year, the words kept; one audit row", async () => {
    const admin = await actorFor("admin");
    const before = await auditCount();
    expect(await setTaskDeadline(admin, text("6月底前"))).toEqual({ dueOn: "2022-06-30", deadlineText: "6月底前", changed: true });
    expect(await deadlineOf(TASK)).toEqual({ dueOn: "2022-06-30", deadlineText: "6月底前" });
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "task.deadline_set",
      entity: "task",
      entityId: String(TASK),
      actorRole: "admin",
      before: { dueOn: null, deadlineText: null },
      after: { dueOn: "2022-06-30", deadlineText: "6月底前" },
    });
    // The task page and the table read it back.
    expect(await getTaskFor(admin, TASK)).toMatchObject({ dueOn: "2022-06-30", deadlineText: "6月底前", planYear: 2022 });
    expect((await listTasksFor(admin, { text: "通讯网络站点" })).tasks[0]).toMatchObject({ id: TASK, dueOn: "2022-06-30", deadlineText: "6月底前" });
  });

  it("the supervision office may too: another year, a standing task, a picked day, none", async () => {
    const office = await actorFor("ducha");
    const audits = await auditCount();
    let base = { dueOn: null as string | null, deadlineText: null as string | null };
    const save = async (input: ReturnType<typeof text>) => {
      const result = await setTaskDeadline(office, { ...input, baseDueOn: base.dueOn, baseDeadlineText: base.deadlineText });
      base = { dueOn: result.dueOn, deadlineText: result.deadlineText };
      return base;
    };
    expect(await save(text("2023年12月"))).toEqual({ dueOn: "2023-12-31", deadlineText: "2023年12月" });
    expect(await save(text("长期坚持"))).toEqual({ dueOn: null, deadlineText: "长期坚持" });
    expect(await save({ ...text(""), mode: "date", date: "2022-09-15" } as never)).toEqual({ dueOn: "2022-09-15", deadlineText: null });
    expect(await save({ ...text(""), mode: "none" } as never)).toEqual({ dueOn: null, deadlineText: null });
    expect(await deadlineOf(TASK)).toEqual({ dueOn: null, deadlineText: null });
    const rows = await db.select({ action: auditLog.action, role: auditLog.actorRole }).from(auditLog).orderBy(asc(auditLog.id)).offset(audits);
    expect(rows).toEqual(Array(4).fill({ action: "task.deadline_set", role: "supervisor" }));
  });

  it("unreadable words, a day before the plan's year, a save based on an older 完成时限: refused, nothing written", async () => {
    const admin = await actorFor("admin");
    const [rows, audits] = [await everything(), await auditCount()];
    const unreadable = await refusal(setTaskDeadline(admin, text("尽快吧")));
    expect(unreadable.code).toBe("invalid");
    expect(unreadable.message).toMatch(/^无法识别完成时限「尽快吧」/);
    expect((await refusal(setTaskDeadline(admin, { ...text(""), mode: "date", date: "2021-12-31" } as never))).code).toBe("invalid");
    expect(await everything()).toBe(rows);
    expect(await auditCount()).toBe(audits);

    // Two offices open the form; the first saves; the second's save is refused with what is stored now.
    await setTaskDeadline(await actorFor("ducha"), text("6月底前"));
    const afterFirst = await everything();
    const stale = await setTaskDeadline(admin, text("三季度")).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(stale) && stale.code).toBe("conflict");
    expect((stale as { current: unknown }).current).toEqual({ dueOn: "2022-06-30", deadlineText: "6月底前" });
    expect((stale as Error).message).toContain("2022年6月30日（6月底前）");
    expect(await everything()).toBe(afterFirst);
    // Based on what is stored now, it goes through.
    expect(await setTaskDeadline(admin, text("三季度", { dueOn: "2022-06-30", deadlineText: "6月底前" }))).toMatchObject({
      dueOn: "2022-09-30",
      changed: true,
    });
  });

  it("leaders (even the task's own) and units are refused, nothing changes; an archived or unknown task is not found", async () => {
    const [rows, audits] = [await everything(), await auditCount()];
    for (const username of ["刘锐", "王国泉", "工信和科技局", "工信和科技局-填报", "交通局"]) {
      expect(await refusal(setTaskDeadline(await actorFor(username), text("6月底前"))), username).toMatchObject({ code: "forbidden" });
    }
    expect(await everything()).toBe(rows);
    expect(await auditCount()).toBe(audits);
    const admin = await actorFor("admin");
    expect((await refusal(setTaskDeadline(admin, { ...text("6月底前"), taskId: 99_999 }))).code).toBe("not_found");
    await db.update(tasks).set({ archivedAt: new Date() }).where(eq(tasks.id, TASK));
    expect((await refusal(setTaskDeadline(admin, text("6月底前")))).code).toBe("not_found");
  });

  it("through the server action: wrong roles and signed out refused and recorded; unreadable text answered in Chinese; extra fields refused", async () => {
    const before = await auditCount();
    const rows = await everything();
    for (const username of [null, "刘锐", "工信和科技局", "工信和科技局-填报"]) {
      session.actor = username ? await actorFor(username) : null;
      const result = await setTaskDeadlineAction(text("6月底前"));
      expect(result.ok, String(username)).toBe(false);
      expect(result.ok ? "" : result.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await everything()).toBe(rows);
    const refused = await auditsSince(before);
    expect(refused).toHaveLength(4);
    expect(refused.every((r) => r.action === "auth.refused" && r.entityId === "task.deadline_set")).toBe(true);
    expect(refused.map((r) => (r.after as { code: string }).code)).toEqual(["unauthenticated", "forbidden", "forbidden", "forbidden"]);

    session.actor = await actorFor("ducha");
    const unreadable = await setTaskDeadlineAction(text("等通知"));
    expect(unreadable).toMatchObject({ ok: false });
    expect(unreadable.ok ? "" : unreadable.message).toMatch(/^无法识别完成时限「等通知」/);
    const empty = await setTaskDeadlineAction(text(""));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { text: ["请填写完成时限，例如 6月底前、2023年12月、长期坚持"] } });
    const smuggled = await setTaskDeadlineAction({ ...text("6月底前"), dueOn: "2022-01-01" } as never);
    expect(smuggled.ok ? "" : smuggled.message).toMatch(/^不接受的字段：/);
    expect(await everything()).toBe(rows);
    expect(await setTaskDeadlineAction(text("6月底前"))).toEqual({ ok: true, data: { dueOn: "2022-06-30", deadlineText: "6月底前", changed: true } });
  });
});

describe("责任领导 of a task", () => {
  beforeEach(async () => {
    await resetWithDemo();
    session.actor = null;
  });

  it("the administrator gives a leaderless task one or more leaders, in order; the leader then sees it; one audit row", async () => {
    const admin = await actorFor("admin");
    await makeLeaderless(TASK);
    expect((await getTaskFor(admin, TASK)).leaders).toEqual([]);
    const cui = await actorFor("崔婧");
    expect((await refusal(getTaskFor(cui, TASK))).code).toBe("not_found");

    const before = await auditCount();
    const ids = [await leaderId("崔婧"), await leaderId("刘锐")];
    expect(await setTaskLeaders(admin, { taskId: TASK, leaderIds: ids, baseLeaderIds: [] })).toEqual({
      leaderIds: ids,
      names: ["崔婧", "刘锐"],
      changed: true,
    });
    expect(await leadersOf(TASK)).toEqual(["崔婧", "刘锐"]);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "task.leaders_set",
      entityId: String(TASK),
      before: { leaders: [] },
      after: { leaders: ["崔婧", "刘锐"] },
    });
    expect((await getTaskFor(cui, TASK)).id).toBe(TASK);
    // The same again changes nothing and writes nothing.
    expect(await setTaskLeaders(admin, { taskId: TASK, leaderIds: ids, baseLeaderIds: ids })).toMatchObject({ changed: false });
    expect(await auditCount()).toBe(before + 1);
  });

  it("a stale form, an unknown or retired leader: refused, nothing written", async () => {
    const admin = await actorFor("admin");
    const liu = await leaderId("刘锐");
    const cui = await leaderId("崔婧");
    const [rows, audits] = [await everything(), await auditCount()];
    const stale = await setTaskLeaders(admin, { taskId: TASK, leaderIds: [cui], baseLeaderIds: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDomainError(stale) && stale.code).toBe("conflict");
    expect((stale as { current: unknown }).current).toEqual({ leaderIds: [liu], names: ["刘锐"] });
    expect((await refusal(setTaskLeaders(admin, { taskId: TASK, leaderIds: [99_999], baseLeaderIds: [liu] }))).code).toBe("not_found");
    await db.update(leaders).set({ active: false }).where(eq(leaders.id, cui));
    const afterRetire = await everything();
    expect(await refusal(setTaskLeaders(admin, { taskId: TASK, leaderIds: [liu, cui], baseLeaderIds: [liu] }))).toEqual({
      code: "invalid",
      message: "「崔婧」已停用，不能指定为责任领导",
    });
    expect(await everything()).toBe(afterRetire);
    expect(afterRetire).toBe(rows);
    expect(await auditCount()).toBe(audits);
  });

  it("only the administrator: the supervision office, leaders and units are refused; the action records it", async () => {
    const ids = [await leaderId("崔婧")];
    const base = [await leaderId("刘锐")];
    const [rows, audits] = [await everything(), await auditCount()];
    for (const username of ["ducha", "刘锐", "王国泉", "工信和科技局", "工信和科技局-填报"]) {
      expect((await refusal(setTaskLeaders(await actorFor(username), { taskId: TASK, leaderIds: ids, baseLeaderIds: base }))).code, username).toBe("forbidden");
    }
    expect(await auditCount()).toBe(audits);
    for (const username of ["ducha", "刘锐", "工信和科技局"]) {
      session.actor = await actorFor(username);
      expect((await setTaskLeadersAction({ taskId: TASK, leaderIds: ids, baseLeaderIds: base })).ok).toBe(false);
    }
    expect(await everything()).toBe(rows);
    expect((await auditsSince(audits)).map((r) => r.action)).toEqual(["auth.refused", "auth.refused", "auth.refused"]);
    session.actor = await actorFor("admin");
    expect(await setTaskLeadersAction({ taskId: TASK, leaderIds: [], baseLeaderIds: base })).toMatchObject({ ok: false, message: "请至少选择一位责任领导" });
    expect(await setTaskLeadersAction({ taskId: TASK, leaderIds: ids, baseLeaderIds: base })).toMatchObject({ ok: true, data: { names: ["崔婧"] } });
  });
});

describe("分管领导 and 按分管领导指定", () => {
  beforeEach(async () => {
    await resetWithDemo();
    session.actor = null;
  });

  it("the administrator sets and clears a unit's 分管领导; a retired or unknown leader is refused; one audit row each", async () => {
    const admin = await actorFor("admin");
    const unit = await unitId("工信和科技局");
    const before = await auditCount();
    expect(await setUnitSupervisingLeader(admin, { unitId: unit, leaderId: await leaderId("刘锐") })).toEqual({ changed: true });
    expect(await lastAudit()).toMatchObject({
      action: "unit.supervising_leader_set",
      entityId: String(unit),
      before: { supervisingLeader: null },
      after: { supervisingLeader: "刘锐" },
    });
    expect(await setUnitSupervisingLeader(admin, { unitId: unit, leaderId: await leaderId("刘锐") })).toEqual({ changed: false });
    expect(await setUnitSupervisingLeader(admin, { unitId: unit, leaderId: null })).toEqual({ changed: true });
    expect(await lastAudit()).toMatchObject({ before: { supervisingLeader: "刘锐" }, after: { supervisingLeader: null } });
    expect(await auditCount()).toBe(before + 2);
    await db.update(leaders).set({ active: false }).where(eq(leaders.name, "崔婧"));
    expect((await refusal(setUnitSupervisingLeader(admin, { unitId: unit, leaderId: await leaderId("崔婧") }))).code).toBe("invalid");
    expect((await refusal(setUnitSupervisingLeader(admin, { unitId: unit, leaderId: 99_999 }))).code).toBe("not_found");
    expect((await refusal(setUnitSupervisingLeader(await actorFor("ducha"), { unitId: unit, leaderId: null }))).code).toBe("forbidden");
    expect(await supervisorOf("工信和科技局")).toBeNull();
  });

  it("one unit: only its leaderless tasks get the leader; tasks with leaders and other units' tasks untouched; 分管领导 saved", async () => {
    const admin = await actorFor("admin");
    // 工信和科技局 leads 63–66, 68, 70–72 (all 刘锐's); 62 is 能源局's, 67 生态环境局's.
    await makeLeaderless(63, 64, 70, 62, 67);
    const unit = await unitId("工信和科技局");
    const cui = await leaderId("崔婧");
    const plan = await planId();

    const view = await getLeaderAssignment(admin);
    expect(view.total).toBe(5);
    expect(view.groups.map((g) => [g.unit.name, g.tasks.map((t) => t.id)])).toEqual([
      ["工信和科技局", [63, 64, 70]],
      ["能源局", [62]],
      ["生态环境局", [67]],
    ]);

    const before = await auditCount();
    expect(await assignLeadersForUnit(admin, { planId: plan, unitId: unit, leaderId: cui, saveAsSupervising: true })).toEqual({
      assigned: 3,
      supervisingSaved: true,
    });
    for (const id of [63, 64, 70]) expect(await leadersOf(id), `task ${id}`).toEqual(["崔婧"]);
    for (const id of [65, 66, 68, 71, 72]) expect(await leadersOf(id), `task ${id}`).toEqual(["刘锐"]);
    for (const id of [62, 67]) expect(await leadersOf(id), `task ${id}`).toEqual([]);
    expect(await supervisorOf("工信和科技局")).toBe(cui);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "task.leaders_assign",
      entity: "unit",
      entityId: String(unit),
      after: { planId: plan, unit: "工信和科技局", leader: "崔婧", tasks: [63, 64, 70], supervisingLeaderId: cui },
    });
    // Again: nothing left to fill, nothing written.
    expect(await assignLeadersForUnit(admin, { planId: plan, unitId: unit, leaderId: await leaderId("刘锐"), saveAsSupervising: false })).toEqual({
      assigned: 0,
      supervisingSaved: false,
    });
    expect(await auditCount()).toBe(before + 1);
    for (const id of [63, 64, 70]) expect(await leadersOf(id)).toEqual(["崔婧"]);
    expect((await getLeaderAssignment(admin)).groups.map((g) => g.unit.name)).toEqual(["能源局", "生态环境局"]);
  });

  it("every unit with a 分管领导: a co-led task gets both units' leaders; units without one (or a retired one) are left", async () => {
    const admin = await actorFor("admin");
    // 62 能源局; 67 生态环境局 (no 分管领导); 69 旗供电分局 + 棋盘井供电分局; 18 水利局 (retired 分管领导); 24 keeps 张军.
    await makeLeaderless(62, 67, 69, 18);
    const set = async (unit: string, leader: string) =>
      db
        .update(units)
        .set({ supervisingLeaderId: await leaderId(leader) })
        .where(eq(units.name, unit));
    await set("能源局", "贾瑞");
    await set("旗供电分局", "张军");
    await set("棋盘井供电分局", "乌云巴根");
    await set("水利局", "尚二平");
    await set("交通局", "崔婧");
    await db.update(leaders).set({ active: false }).where(eq(leaders.name, "尚二平"));

    const view = await getLeaderAssignment(admin);
    expect(view.groups.find((g) => g.unit.name === "水利局")!.unit).toMatchObject({ supervisingLeaderId: null, supervisingLeaderName: "尚二平" });

    const before = await auditCount();
    expect(await assignLeadersForAllUnits(admin, { planId: await planId() })).toEqual({ assigned: 2, units: 3 });
    expect(await leadersOf(62)).toEqual(["贾瑞"]);
    expect(await leadersOf(69)).toEqual(["张军", "乌云巴根"]);
    expect(await leadersOf(67)).toEqual([]);
    expect(await leadersOf(18)).toEqual([]);
    expect(await leadersOf(24)).toEqual(["张军"]); // 交通局's task had a leader: not overwritten
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "task.leaders_assign_all",
      entity: "plan",
      after: {
        tasks: [
          { taskId: 62, leaders: ["贾瑞"] },
          { taskId: 69, leaders: ["张军", "乌云巴根"] },
        ],
      },
    });
    expect(await assignLeadersForAllUnits(admin, { planId: await planId() })).toEqual({ assigned: 0, units: 0 });
    expect(await auditCount()).toBe(before + 1);
  });

  it("only the administrator: others are refused by the services and the actions, nothing changes", async () => {
    await makeLeaderless(63, 64);
    await db
      .update(units)
      .set({ supervisingLeaderId: await leaderId("崔婧") })
      .where(eq(units.name, "工信和科技局"));
    const input = { planId: await planId(), unitId: await unitId("工信和科技局"), leaderId: await leaderId("刘锐"), saveAsSupervising: true };
    const [rows, audits] = [await everything(), await auditCount()];
    for (const username of ["ducha", "刘锐", "王国泉", "工信和科技局", "工信和科技局-填报"]) {
      const actor = await actorFor(username);
      expect((await refusal(getLeaderAssignment(actor))).code, username).toBe("forbidden");
      expect((await refusal(assignLeadersForUnit(actor, input))).code, username).toBe("forbidden");
      expect((await refusal(assignLeadersForAllUnits(actor, { planId: input.planId }))).code, username).toBe("forbidden");
      expect((await refusal(setUnitSupervisingLeader(actor, { unitId: input.unitId, leaderId: null }))).code, username).toBe("forbidden");
    }
    expect(await auditCount()).toBe(audits);
    for (const username of [null, "ducha", "刘锐", "工信和科技局-填报"]) {
      session.actor = username ? await actorFor(username) : null;
      expect((await assignUnitLeadersAction(input)).ok).toBe(false);
      expect((await assignAllLeadersAction({ planId: input.planId })).ok).toBe(false);
      expect((await setUnitSupervisingLeaderAction({ unitId: input.unitId, leaderId: null })).ok).toBe(false);
    }
    expect(await everything()).toBe(rows);
    const refused = await auditsSince(audits);
    expect(refused).toHaveLength(12);
    expect(refused.every((r) => r.action === "auth.refused")).toBe(true);

    session.actor = await actorFor("admin");
    expect((await assignUnitLeadersAction({ ...input, supervisingLeaderId: 1 } as never)).ok).toBe(false);
    expect(await assignUnitLeadersAction(input)).toEqual({ ok: true, data: { assigned: 2, supervisingSaved: true } });
    expect(
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(taskLeaders)
        .where(and(inArray(taskLeaders.taskId, [63, 64]), eq(taskLeaders.leaderId, input.leaderId))),
    ).toEqual([{ n: 2 }]);
  });
});
