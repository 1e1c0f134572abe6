/**
 * Weekly dispatch (调度): a leader records a meeting on their own tasks with follow-ups (调度事项);
 * the responsible unit is told, sees and closes its follow-up; the leader sees it closed. Who reads
 * a record: the author, 王国泉, the administrator and the office; a unit only when a discussed task
 * is its own or a follow-up is its. Wrong actors call the services directly and are refused.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, dispatches, dispatchFollowUps, dispatchTasks, dispatchUnits, notifications, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { DispatchInput } from "@/lib/dispatch/schemas";
import { isDomainError } from "@/lib/errors";
import {
  closeFollowUp,
  createDispatch,
  getDispatchFor,
  getDispatchFormOptions,
  getUnitFollowUps,
  listDispatchesFor,
  updateDispatch,
} from "@/lib/services/dispatches";
import { actorFor, auditCount, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createDispatchAction, updateDispatchAction } = await import("@/app/(app)/leader/dispatches/actions");
const { closeFollowUpAction } = await import("@/app/(app)/unit/follow-ups/actions");

const PINNED = "2022-06-20T10:00+08:00";

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (error === null) return "ok";
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

async function unitId(name: string): Promise<number> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

async function auditOf(step: () => Promise<unknown>) {
  const before = await auditCount();
  await step();
  return db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
}

const count = async (table: typeof dispatches | typeof dispatchFollowUps | typeof dispatchTasks | typeof dispatchUnits) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe("weekly dispatch (调度) and follow-ups (调度事项)", () => {
  let zhang: Actor; // 张军: tasks 24–29 (24 and 27 led by 交通局)
  let cui: Actor; // 崔婧: tasks 50–61 (50 led by 教体局)
  let overall: Actor;
  let jt: Actor; // 交通局 head
  let jtFiler: Actor;
  let ids: Record<string, number>;

  const meeting = (over: Partial<DispatchInput> = {}): DispatchInput => ({
    heldOn: "2022-06-20",
    location: "旗政府三楼会议室",
    unitIds: [ids["交通局"]!, ids["自然资源局"]!],
    attendeesNote: "旗政府办副主任",
    taskIds: [24, 27],
    problems: "G109 改线段征地滞后",
    decisions: "自然资源局一周内完成用地预审；交通局 6 月底前完成路基",
    followUps: [
      { content: "6 月底前完成路基 30 公里", unitId: ids["交通局"]!, taskId: 24, dueOn: "2022-06-30" },
      { content: "完成用地预审", unitId: ids["自然资源局"]!, taskId: 27, dueOn: "2022-06-27" },
    ],
    ...over,
  });

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    [zhang, cui, overall, jt, jtFiler] = await Promise.all([
      actorFor("张军"),
      actorFor("崔婧"),
      actorFor("王国泉"),
      actorFor("交通局"),
      actorFor("交通局-填报"),
    ]);
    ids = {};
    for (const name of ["交通局", "自然资源局", "农牧局", "教体局", "乌兰镇"]) ids[name] = await unitId(name);
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the form offers only the leader's own tasks (王国泉: all) and the units of each task", async () => {
    const mine = await getDispatchFormOptions(zhang);
    expect(mine.tasks.map((t) => t.id)).toEqual(expect.arrayContaining([24, 27]));
    expect(mine.tasks.some((t) => t.id === 50)).toBe(false);
    expect(mine.unitsByTask[24]).toEqual(expect.arrayContaining([ids["交通局"], ids["乌兰镇"]]));
    expect(mine.today).toBe("2022-06-20");
    expect((await getDispatchFormOptions(overall)).tasks.length).toBeGreaterThan(60);
    for (const username of ["交通局", "ducha", "admin"]) expect(await refusal(getDispatchFormOptions(await actorFor(username)))).toBe("forbidden");
  });

  it("a leader records a dispatch: one audit row; the responsible units are told", async () => {
    const rows = await auditOf(() => createDispatch(zhang, meeting()));
    expect(rows.map((r) => r.action)).toEqual(["dispatch.create"]);
    const [d] = await db.select().from(dispatches);
    expect(d).toMatchObject({ leaderId: zhang.leaderId, heldOn: "2022-06-20", createdBy: zhang.userId });
    expect(await count(dispatchTasks)).toBe(2);
    expect(await count(dispatchUnits)).toBe(2);
    const told = await db
      .select({ unitId: notifications.unitId, link: notifications.link, createdAt: notifications.createdAt })
      .from(notifications)
      .where(eq(notifications.kind, "dispatch_follow_up"));
    expect(told.map((n) => n.unitId).sort()).toEqual([ids["交通局"], ids["自然资源局"]].sort());
    expect(told.every((n) => n.link === "/unit/follow-ups" && n.createdAt.toISOString() === new Date(PINNED).toISOString())).toBe(true);

    const view = await getDispatchFor(zhang, d!.id);
    expect(view).toMatchObject({ leaderName: "张军", location: "旗政府三楼会议室", can: { edit: true } });
    expect(view.tasks.map((t) => t.seq)).toEqual([24, 27]);
    expect(view.followUps.map((f) => [f.unitName, f.status, f.signal])).toEqual([
      ["交通局", "open", "open"],
      ["自然资源局", "open", "open"],
    ]);
  });

  it("only a leader records, only on their own tasks (王国泉: any); bad input is refused; nothing is written", async () => {
    for (const username of ["交通局", "交通局-填报", "ducha", "admin"])
      expect(await refusal(createDispatch(await actorFor(username), meeting())), username).toBe("forbidden");
    expect(await refusal(createDispatch(zhang, meeting({ taskIds: [24, 50], followUps: [] })))).toBe("forbidden");
    expect(await refusal(createDispatch(cui, meeting()))).toBe("forbidden");
    expect(await refusal(createDispatch(zhang, meeting({ taskIds: [99_999], followUps: [] })))).toBe("forbidden");
    expect(await refusal(createDispatch(zhang, meeting({ heldOn: "2022-02-30" })))).toBe("invalid");
    expect(await refusal(createDispatch(zhang, meeting({ taskIds: [] })))).toBe("invalid");
    expect(await refusal(createDispatch(zhang, { ...meeting(), leaderId: cui.leaderId } as never))).toBe("invalid");
    expect(await refusal(createDispatch(zhang, meeting({ unitIds: [99_999] })))).toBe("invalid");
    expect(await refusal(createDispatch(zhang, meeting({ followUps: [{ content: "x", unitId: ids["交通局"]!, taskId: 50, dueOn: "2022-06-30" }] })))).toBe(
      "invalid",
    );
    expect(await count(dispatches)).toBe(0);
    expect(await count(dispatchFollowUps)).toBe(0);
    expect(await refusal(createDispatch(overall, meeting({ taskIds: [24, 50], followUps: [] })))).toBe("ok");
  });

  it("who reads a record: the author, 王国泉, admin, office; a unit only for its own tasks or its follow-ups", async () => {
    const { id: zhangId } = await createDispatch(zhang, meeting());
    const { id: cuiId } = await createDispatch(cui, meeting({ taskIds: [50], unitIds: [ids["教体局"]!], followUps: [] }));
    // 张军 on task 25 (住建局) with a follow-up assigned to 农牧局: 农牧局 reads that one only.
    const { id: onlyFollowUp } = await createDispatch(
      zhang,
      meeting({ taskIds: [25], unitIds: [], followUps: [{ content: "配合排查", unitId: ids["农牧局"]!, taskId: null, dueOn: "2022-06-25" }] }),
    );

    const read = async (username: string, id: number) => refusal(getDispatchFor(await actorFor(username), id));
    const matrix: [string, string, string, string][] = [
      // username, 张军's (24, 27), 崔婧's (50), 张军's (25 + 农牧局 follow-up)
      ["张军", "ok", "not_found", "ok"],
      ["崔婧", "not_found", "ok", "not_found"],
      ["王国泉", "ok", "ok", "ok"],
      ["admin", "ok", "ok", "ok"],
      ["ducha", "ok", "ok", "ok"],
      ["交通局", "ok", "not_found", "not_found"],
      ["交通局-填报", "ok", "not_found", "not_found"],
      ["乌兰镇", "ok", "not_found", "not_found"], // 各苏木镇 cooperates on 24; task 25 names no towns
      ["自然资源局", "ok", "not_found", "not_found"], // cooperating on 27
      ["教体局", "not_found", "ok", "not_found"],
      ["农牧局", "not_found", "not_found", "ok"],
    ];
    for (const [username, a, b, c] of matrix) {
      expect([await read(username, zhangId), await read(username, cuiId), await read(username, onlyFollowUp)], username).toEqual([a, b, c]);
    }
    expect(await read("交通局", 99_999)).toBe("not_found");

    expect((await listDispatchesFor(zhang)).rows.map((r) => r.id).sort()).toEqual([zhangId, onlyFollowUp].sort());
    expect((await listDispatchesFor(cui)).rows.map((r) => r.id)).toEqual([cuiId]);
    expect((await listDispatchesFor(overall)).rows).toHaveLength(3);
    expect((await listDispatchesFor(await actorFor("admin"))).rows).toHaveLength(3);
    expect(await refusal(listDispatchesFor(jt))).toBe("forbidden");
  });

  it("the responsible unit closes its follow-up with a note; the leader is told and sees it closed; others are refused", async () => {
    const { id } = await createDispatch(zhang, meeting());
    const [mine] = (await getUnitFollowUps(jtFiler)).filter((f) => f.dispatchId === id);
    expect(mine).toMatchObject({ content: "6 月底前完成路基 30 公里", status: "open", signal: "open", leaderName: "张军", seq: 24 });
    const theirs = (await db.select().from(dispatchFollowUps).where(eq(dispatchFollowUps.unitId, ids["自然资源局"]!)))[0]!;

    for (const username of ["自然资源局", "农牧局", "张军", "王国泉", "ducha", "admin"]) {
      expect(await refusal(closeFollowUp(await actorFor(username), { id: mine!.id, note: "x" })), username).toMatch(/not_found|forbidden/);
    }
    expect(await refusal(closeFollowUp(jtFiler, { id: theirs.id, note: "x" }))).toBe("not_found");
    expect(await refusal(closeFollowUp(jtFiler, { id: mine!.id, note: "  " }))).toBe("invalid");

    const rows = await auditOf(() => closeFollowUp(jtFiler, { id: mine!.id, note: "路基已完成 31 公里" }));
    expect(rows.map((r) => r.action)).toEqual(["dispatch_follow_up.close"]);
    expect(await refusal(closeFollowUp(jt, { id: mine!.id, note: "again" }))).toBe("conflict");
    const told = await db.select({ link: notifications.link }).from(notifications).where(eq(notifications.leaderId, zhang.leaderId!));
    expect(told).toEqual([{ link: `/leader/dispatches/${id}` }]);
    const view = await getDispatchFor(zhang, id);
    expect(view.followUps.map((f) => [f.unitName, f.status, f.closingNote])).toEqual([
      ["交通局", "closed", "路基已完成 31 公里"],
      ["自然资源局", "open", null],
    ]);
    expect(await refusal(getUnitFollowUps(zhang))).toBe("forbidden");
  });

  it("the server actions, called directly by wrong actors or signed out: refused, recorded, nothing written", async () => {
    const { id } = await createDispatch(zhang, meeting());
    const [jtItem] = await db.select().from(dispatchFollowUps).where(eq(dispatchFollowUps.unitId, ids["交通局"]!));
    const before = await auditCount();
    for (const username of [null, "交通局", "交通局-填报", "ducha", "admin"]) {
      session.actor = username ? await actorFor(username) : null;
      expect((await createDispatchAction(meeting())).ok, String(username)).toBe(false);
      expect((await updateDispatchAction({ id, ...meeting({ location: "x" }) })).ok, String(username)).toBe(false);
    }
    for (const username of [null, "自然资源局", "农牧局", "张军", "ducha"]) {
      session.actor = username ? await actorFor(username) : null;
      expect((await closeFollowUpAction({ id: jtItem!.id, note: "x" })).ok, String(username)).toBe(false);
    }
    session.actor = cui;
    expect((await updateDispatchAction({ id, ...meeting({ location: "x" }) })).ok).toBe(false); // another leader's record
    expect((await createDispatchAction(meeting())).ok).toBe(false); // 张军's tasks
    session.actor = zhang;
    expect((await createDispatchAction({ ...meeting(), leaderId: cui.leaderId } as never)).ok).toBe(false); // smuggled field
    const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).offset(before);
    expect(rows.every((r) => r.action === "auth.refused")).toBe(true);
    expect(await count(dispatches)).toBe(1);
    expect((await db.select().from(dispatchFollowUps).where(eq(dispatchFollowUps.id, jtItem!.id)))[0]!.status).toBe("open");
    expect((await getDispatchFor(zhang, id)).location).toBe("旗政府三楼会议室");
    // The right actors through the actions.
    session.actor = jt;
    expect(await closeFollowUpAction({ id: jtItem!.id, note: "已完成" })).toMatchObject({ ok: true });
    session.actor = zhang;
    expect(await createDispatchAction(meeting())).toMatchObject({ ok: true });
    session.actor = null;
  });

  it("follow-ups turn red once their due day is over, by the app clock", async () => {
    await createDispatch(zhang, meeting());
    process.env.APP_NOW = "2022-06-28T09:00+08:00";
    const [nat] = await getUnitFollowUps(await actorFor("自然资源局"));
    expect(nat).toMatchObject({ dueOn: "2022-06-27", signal: "overdue", dueText: "已逾期 9 小时" });
    const [jtItem] = await getUnitFollowUps(jt);
    expect(jtItem).toMatchObject({ signal: "due_soon" });
  });

  it("only the author edits: open follow-ups change or go, closed ones stay as closed; one audit row", async () => {
    const { id } = await createDispatch(zhang, meeting());
    const [jtItem, natItem] = await db.select().from(dispatchFollowUps).orderBy(asc(dispatchFollowUps.id));
    await closeFollowUp(jt, { id: jtItem!.id, note: "已完成" });

    const edit = {
      id,
      ...meeting({ location: "交通局会议室", followUps: [{ content: "新增：协调林地手续", unitId: ids["农牧局"]!, taskId: null, dueOn: "2022-07-05" }] }),
    };
    expect(await refusal(updateDispatch(cui, edit))).toBe("not_found");
    expect(await refusal(updateDispatch(overall, edit))).toBe("forbidden");
    expect(await refusal(updateDispatch(jt, edit))).toBe("forbidden");
    expect(
      await refusal(updateDispatch(zhang, { ...edit, followUps: [{ id: 99_999, content: "x", unitId: ids["交通局"]!, taskId: null, dueOn: "2022-07-01" }] })),
    ).toBe("invalid");

    const rows = await auditOf(() => updateDispatch(zhang, edit));
    expect(rows.map((r) => r.action)).toEqual(["dispatch.update"]);
    const after = await db.select().from(dispatchFollowUps).orderBy(asc(dispatchFollowUps.id));
    expect(after.map((f) => [f.id === jtItem!.id, f.status, f.content])).toEqual([
      [true, "closed", jtItem!.content], // closed: kept as closed
      [false, "open", "新增：协调林地手续"],
    ]);
    expect(after.some((f) => f.id === natItem!.id)).toBe(false); // open and left out: removed
    expect((await getDispatchFor(zhang, id)).location).toBe("交通局会议室");
  });
});
