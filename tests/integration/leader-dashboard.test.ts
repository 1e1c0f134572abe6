/**
 * 领导驾驶舱 through the service, on fixed data at the pinned clock 2022-06-20 10:00 (序时进度 of a
 * whole-year task 46.7%): counts, pace, signals with reasons, dispatch dates, coordination
 * requests, criticism, per-unit on-time rates equal to what getPeriodStatus counts, the chart
 * series, the digest — and who may see what (a leader their own tasks, 王国泉 all, units refused,
 * a leader never another leader's digest).
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  coordinationRequests,
  dispatchFollowUps,
  dispatches,
  dispatchTasks,
  leaders,
  notices,
  noticeTargets,
  plans,
  progressReports,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { lastDispatchDates } from "@/lib/data/dispatch-dates";
import { isDomainError } from "@/lib/errors";
import { getGovernmentDashboard, getLeaderDashboard, getLeaderDigest, listDashboardTasks } from "@/lib/services/leader-dashboard";
import { getPeriodStatus } from "@/lib/services/period-status";
import { submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00";
const fields = (percent: number, problems = "") => ({
  progress: `完成 ${percent}%。`,
  percent,
  progressState: percent === 100 ? ("completed" as const) : ("on_track" as const),
  problems,
  nextSteps: "",
  coordinationRequest: "",
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return "allowed";
}

async function leaderIdOf(name: string): Promise<number> {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name));
  return row!.id;
}

/** The leader's ordinary tasks with exactly one directly named lead unit, in 序号 order. */
async function tasksWithOneLead(leaderId: number) {
  return db.execute<{ id: number; seq: number; unit: string; unit_id: number }>(sql`
    select t.id, t.seq, min(u.name) as unit, min(u.id) as unit_id from tasks t
      join task_leaders tl on tl.task_id = t.id and tl.leader_id = ${leaderId}
      join task_units tu on tu.task_id = t.id and tu.role = 'lead' join units u on u.id = tu.unit_id
    where not t.overall and not exists (select 1 from task_groups tg where tg.task_id = t.id and tg.role = 'lead')
    group by t.id, t.seq having count(*) = 1 order by t.seq`);
}

describe("leader dashboard", () => {
  let liu: Actor;
  let liuId: number;
  let t1: { id: number; unit: string; unit_id: number };
  let t2: { id: number; unit: string };
  let t3: { id: number; unit: string };
  let planId: number;

  beforeEach(async () => {
    await resetWithDemo();
    const [plan] = await db.select({ id: plans.id }).from(plans);
    planId = plan!.id;
    // Reports owed from period 11 on: 11 is past its due time (6月15日 24:00), 12 is current.
    await db.update(plans).set({ reportingStartPeriod: 11 }).where(eq(plans.id, planId));
    liuId = await leaderIdOf("柳天云");
    liu = await actorFor("柳天云");
    const own = [...(await tasksWithOneLead(liuId))].map((r) => ({ id: Number(r.id), unit: r.unit, unit_id: Number(r.unit_id) }));
    // Three tasks of three different lead units.
    const picked: (typeof own)[number][] = [];
    for (const t of own) if (!picked.some((p) => p.unit_id === t.unit_id)) picked.push(t);
    [t1, t2, t3] = picked as [typeof t1, typeof t2, typeof t3];
    expect(picked.length).toBeGreaterThanOrEqual(3);

    process.env.APP_NOW = "2022-06-10T09:00+08:00"; // on time for period 11
    await submitReport(await actorFor(t1.unit), { taskId: t1.id, periodIndex: 11, baseVersion: 0, fields: fields(60, "项目用地手续尚在办理") });
    process.env.APP_NOW = PINNED;
    await submitReport(await actorFor(t3.unit), { taskId: t3.id, periodIndex: 11, baseVersion: 0, fields: fields(100) }); // late
    await submitReport(await actorFor(t2.unit), { taskId: t2.id, periodIndex: 12, baseVersion: 0, fields: fields(10) }); // on time, 36.7 behind

    // A coordination request on t3 waiting 19 days for an instruction.
    const [report3] = await db
      .select({ id: progressReports.id })
      .from(progressReports)
      .where(and(eq(progressReports.taskId, t3.id), eq(progressReports.periodIndex, 11)));
    await db
      .insert(coordinationRequests)
      .values({
        reportId: report3!.id,
        taskId: t3.id,
        periodIndex: 11,
        unitId: (await actorFor(t3.unit)).unitId!,
        content: "请协调自然资源局加快用地审批",
        raisedAt: new Date("2022-06-01T10:00+08:00"),
      });

    // Dispatches: t1 a week ago, t2 19 days ago.
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    const [d1] = await db.insert(dispatches).values({ planId, leaderId: liuId, heldOn: "2022-06-13", createdBy: admin!.id }).returning({ id: dispatches.id });
    const [d2] = await db.insert(dispatches).values({ planId, leaderId: liuId, heldOn: "2022-06-01", createdBy: admin!.id }).returning({ id: dispatches.id });
    await db.insert(dispatchTasks).values([
      { dispatchId: d1!.id, taskId: t1.id },
      { dispatchId: d2!.id, taskId: t1.id },
      { dispatchId: d2!.id, taskId: t2.id },
    ]);
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("柳天云 sees exactly their own tasks, with counts that add up", async () => {
    const dash = (await getLeaderDashboard(liu))!;
    const expected = await db.execute<{ id: number }>(
      sql`select t.id from tasks t join task_leaders tl on tl.task_id = t.id where tl.leader_id = ${liuId} and not t.overall and t.archived_at is null order by t.id`,
    );
    expect(dash.tasks.rows.map((t) => t.id).sort((a, b) => a - b)).toEqual(expected.map((r) => Number(r.id)));
    const n = expected.length;
    expect(dash.counts.tasks).toBe(n);
    expect(dash.counts.pace).toEqual({ ahead: 1, on_pace: 0, behind: 1, completed: 1, unreported: n - 3 });
    // t1 green; t2 red (36.7 behind); t3 red (request waiting 19 days); the rest amber (missed period 11, no report).
    expect(dash.counts.signal).toEqual({ red: 2, amber: n - 3, green: 1 });
    expect(dash.counts.openCoordinationRequests).toBe(1);
    expect(dash.counts.staleDispatch).toBe(n - 1); // only t1 was dispatched within two weeks
  });

  it("each task carries pace, reasons, dispatch and requests; red first", async () => {
    const dash = (await getLeaderDashboard(liu))!;
    const byId = new Map(dash.tasks.rows.map((t) => [t.id, t]));
    expect(byId.get(t1.id)).toMatchObject({
      latest: { periodIndex: 11, percent: 60, late: false },
      pace: { status: "ahead", expected: 46.7, gap: 13.3 },
      signal: { signal: "green", reasons: [] },
      dispatch: { lastOn: "2022-06-13", days: 7, stale: false },
    });
    expect(byId.get(t2.id)).toMatchObject({
      pace: { status: "behind", gap: -36.7 },
      signal: { signal: "red" },
      dispatch: { lastOn: "2022-06-01", days: 19, stale: true },
      recent: { missing: 1 },
    });
    expect(byId.get(t2.id)!.signal.reasons.map((r) => r.text)).toEqual(["欠进度 36.7 个百分点（已报 10%，序时进度 46.7%）", "近 4 期有 1 期未报送"]);
    expect(byId.get(t3.id)).toMatchObject({
      pace: { status: "completed" },
      signal: { signal: "red" },
      requests: { unresolved: 1, oldestUnresolvedDays: 19 },
      recent: { late: 1 },
    });
    expect(byId.get(t3.id)!.signal.reasons.map((r) => r.text)).toEqual(["需协调事项已 19 天未批示", "近 4 期逾期报送 1 次"]);
    const other = dash.tasks.rows.find((t) => ![t1.id, t2.id, t3.id].includes(t.id))!;
    expect(other).toMatchObject({
      pace: { status: "unreported", gap: null },
      latest: null,
      signal: { signal: "amber" },
      dispatch: { lastOn: null, stale: true },
    });
    // Attention first.
    const order = dash.tasks.rows.map((t) => t.signal.signal);
    expect(order.slice(0, 2)).toEqual(["red", "red"]);
    expect(order.at(-1)).toBe("green");
    expect(dash.tasks.rows[0]!.id).toBe(t2.id); // the furthest behind of the red ones
  });

  it("需要您关注: the red tasks, the request waiting for an instruction, the follow-ups due — of the leader's scope only", async () => {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    const unitId = t1.unit_id;
    const [mine] = await db.insert(dispatches).values({ planId, leaderId: liuId, heldOn: "2022-06-16", createdBy: admin!.id }).returning({ id: dispatches.id });
    const [theirs] = await db
      .insert(dispatches)
      .values({ planId, leaderId: await leaderIdOf("张军"), heldOn: "2022-06-16", createdBy: admin!.id })
      .returning({ id: dispatches.id });
    const followUp = (dispatchId: number, content: string, dueOn: string, status: "open" | "closed" = "open") => ({
      dispatchId,
      unitId,
      taskId: t1.id,
      content,
      dueOn,
      status,
    });
    await db
      .insert(dispatchFollowUps)
      .values([
        followUp(mine!.id, "逾期未办", "2022-06-19"),
        followUp(mine!.id, "后天到期", "2022-06-22"),
        followUp(mine!.id, "月底到期", "2022-06-30"),
        followUp(mine!.id, "已办结", "2022-06-18", "closed"),
        followUp(theirs!.id, "别的领导的", "2022-06-18"),
      ]);
    // An answered request is no longer waiting for him.
    const [report1] = await db.select({ id: progressReports.id }).from(progressReports).where(eq(progressReports.taskId, t1.id));
    await db
      .insert(coordinationRequests)
      .values({
        reportId: report1!.id,
        taskId: t1.id,
        periodIndex: 11,
        unitId,
        content: "已批示的事项",
        status: "answered",
        raisedAt: new Date("2022-06-05T10:00+08:00"),
      });

    const { attention } = (await getLeaderDashboard(liu))!;
    expect(attention.redTasks.map((t) => t.id)).toEqual([t2.id, t3.id]);
    expect(attention.redCount).toBe(2);
    expect(attention.openCoordinationRequests).toMatchObject([
      { taskId: t3.id, content: "请协调自然资源局加快用地审批", unitName: t3.unit, ageLabel: "已等待 19 天", ageSignal: "red" },
    ]);
    expect(attention.dueFollowUps.map((f) => [f.content, f.overdue, f.dispatchId])).toEqual([
      ["逾期未办", true, mine!.id],
      ["后天到期", false, mine!.id],
    ]);
    expect(attention.dueFollowUps[0]!.dueText).toMatch(/^已逾期/);

    // 王国泉 (every task): every leader's follow-ups due.
    const all = (await getLeaderDashboard(await actorFor("王国泉")))!.attention;
    expect(all.dueFollowUps.map((f) => f.content)).toEqual(["别的领导的", "逾期未办", "后天到期"]);
  });

  it("lastDispatchDates: the latest meeting per task, absent when never dispatched", async () => {
    const dates = await lastDispatchDates(db, [t1.id, t2.id, t3.id]);
    expect([...dates.entries()].sort()).toEqual(
      [
        [t1.id, "2022-06-13"],
        [t2.id, "2022-06-01"],
      ].sort(),
    );
    expect(await lastDispatchDates(db, [])).toEqual(new Map());
  });

  it("a published criticism of a lead unit turns its tasks amber with the reason; a draft does not", async () => {
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    const base = { planId, kind: "criticism" as const, year: 2022, title: "通报批评", body: "……", createdBy: admin!.id };
    const [draft] = await db
      .insert(notices)
      .values({ ...base, status: "draft" })
      .returning({ id: notices.id });
    await db.insert(noticeTargets).values({ noticeId: draft!.id, unitId: t1.unit_id });
    expect((await getLeaderDashboard(liu))!.tasks.rows.find((t) => t.id === t1.id)!.signal.signal).toBe("green");
    const [published] = await db
      .insert(notices)
      .values({ ...base, status: "published", number: 1, publishedAt: new Date("2022-06-18T10:00+08:00") })
      .returning({ id: notices.id });
    await db.insert(noticeTargets).values({ noticeId: published!.id, unitId: t1.unit_id });
    const t = (await getLeaderDashboard(liu))!.tasks.rows.find((x) => x.id === t1.id)!;
    expect(t.criticisms).toBe(1);
    expect(t.signal).toEqual({ signal: "amber", reasons: [{ level: "amber", text: "牵头单位被通报批评 1 次" }] });
  });

  it("per lead unit, the on-time rate is what getPeriodStatus counts for period 11", async () => {
    const gov = (await getGovernmentDashboard(await actorFor("ducha")))!;
    const [plan] = await db.select().from(plans);
    const status = await getPeriodStatus(plan!, 11);
    expect(gov.units.total).toBe(gov.units.rows.length); // one page holds the demo's lead units
    for (const unit of gov.units.rows) {
      const rows = status.rows.filter((r) => r.leadUnits.some((u) => u.id === unit.id));
      const owed = rows.filter((r) => ["on_time", "late", "missing", "returned"].includes(r.compliance)).length;
      const onTime = rows.filter((r) => r.compliance === "on_time").length;
      expect(unit.tasks).toBe(rows.length);
      expect(unit.onTimeRate).toBe(owed === 0 ? null : Math.round((onTime / owed) * 1000) / 10);
    }
    const t1Unit = gov.units.rows.find((u) => u.id === t1.unit_id)!;
    expect(t1Unit.onTimeRate).toBeGreaterThan(0);
    expect(t1Unit.averageProgress).toBe(60);
    // A report filed early for the current period (12, not yet due) does not raise the rate.
    const t2Unit = gov.units.rows.find((u) => u.name === t2.unit)!;
    expect(t2Unit.onTimeRate).toBe(0);
  });

  it("王国泉 and the office see every task; leaders side by side add up", async () => {
    const all = await db.execute<{ n: number }>(sql`select count(*)::int as n from tasks where not overall and archived_at is null`);
    const wang = await actorFor("王国泉");
    expect((await getLeaderDashboard(wang))!.counts.tasks).toBe(Number(all[0]!.n));
    const gov = (await getGovernmentDashboard(wang))!;
    expect(gov.counts.tasks).toBe(Number(all[0]!.n));
    const liuRow = gov.leaders.find((l) => l.name === "柳天云")!;
    const own = (await getLeaderDashboard(liu))!;
    expect(liuRow.tasks).toBe(own.counts.tasks);
    expect(liuRow.counts.pace).toEqual(own.counts.pace);
    expect(liuRow.counts.signal).toEqual(own.counts.signal);
    expect((await getGovernmentDashboard(await actorFor("admin")))!.counts.tasks).toBe(Number(all[0]!.n));
  });

  it("the drill-down list keeps exactly the tasks behind a count", async () => {
    const wang = await actorFor("王国泉");
    const behind = (await listDashboardTasks(wang, { leader: liuId, pace: "behind" }))!;
    expect(behind.leaderName).toBe("柳天云");
    expect(behind.tasks.rows.map((t) => t.id)).toEqual([t2.id]);
    expect((await listDashboardTasks(liu, { signal: "red" }))!.tasks.rows.map((t) => t.id).sort()).toEqual([t2.id, t3.id].sort());
    expect((await listDashboardTasks(liu, { requests: true }))!.tasks.rows.map((t) => t.id)).toEqual([t3.id]);
    expect((await getLeaderDashboard(liu, { filter: { unit: t1.unit_id } }))!.tasks.rows.every((t) => t.leadUnits.some((u) => u.id === t1.unit_id))).toBe(true);
  });

  it("the chart: average reported percent per period, and the average 序时进度", async () => {
    const dash = (await getLeaderDashboard(liu))!;
    expect(dash.series.map((p) => p.periodIndex)).toEqual([11, 12]);
    expect(dash.series[0]).toMatchObject({ label: "6月上半月", reported: 80, reports: 2 });
    expect(dash.series[1]).toMatchObject({ label: "6月下半月", reported: 10, reports: 1, expected: 46.7 });
    expect(dash.series[0]!.expected).toBeCloseTo(45.2, 0); // 6月15日 24:00 of a whole-year task
  });

  it("the digest: the leader's tasks for a period with the problems and requests", async () => {
    const digest = (await getLeaderDigest(liu, { periodIndex: 11 }))!;
    expect(digest.period.label).toBe("2022年6月上半月");
    const row1 = digest.rows.find((r) => r.task.id === t1.id)!;
    expect(row1.report).toMatchObject({ percent: 60, problems: "项目用地手续尚在办理", late: false });
    const row3 = digest.rows.find((r) => r.task.id === t3.id)!;
    expect(row3.requests).toMatchObject([{ content: "请协调自然资源局加快用地审批", status: "open", lastReply: null }]);
    expect(digest.rows.find((r) => r.task.id === t2.id)!.report).toBeNull(); // t2 reported for period 12 only
    // The default period: the latest whose due time has passed.
    expect((await getLeaderDigest(liu))!.period.index).toBe(11);
    expect(await refusal(getLeaderDigest(liu, { periodIndex: 3 }))).toBe("not_found"); // before the first reporting period
  });

  it("every figure of a digest is as of its half month: a later report does not speak for it", async () => {
    // t1 reports again for 6月下半月, far ahead; t2 reported only for 6月下半月.
    await submitReport(await actorFor(t1.unit), { taskId: t1.id, periodIndex: 12, baseVersion: 0, fields: fields(95) });
    const now = (await getLeaderDashboard(liu))!.tasks.rows;
    expect(now.find((t) => t.id === t1.id)!.latest).toMatchObject({ periodIndex: 12, percent: 95 });
    expect(now.find((t) => t.id === t1.id)!.pace.status).toBe("ahead");

    const digest = (await getLeaderDigest(liu, { periodIndex: 11 }))!;
    const row1 = digest.rows.find((r) => r.task.id === t1.id)!;
    expect(row1.task.latest).toMatchObject({ periodIndex: 11, percent: 60 });
    expect(row1.task.pace.expected).toBeCloseTo(45.2, 0); // 序时进度 at 6月15日 24:00, not today's 46.7
    expect(row1.task.pace.status).toBe("ahead"); // 60% against 45.2%: by its own half month's figures
    const row2 = digest.rows.find((r) => r.task.id === t2.id)!;
    expect(row2.task.latest).toBeNull(); // its 10% is 6月下半月's
    expect(row2.task.pace.status).toBe("unreported");
    // The summary counts the same as-of figures; the dashboard today counts t2 as reported.
    expect(digest.counts.pace.unreported).toBe(digest.rows.filter((r) => r.task.pace.status === "unreported").length);
    expect(digest.counts.pace.unreported).toBeGreaterThan((await getLeaderDashboard(liu))!.counts.pace.unreported);
    // The half month itself stays the one chosen, and the page says when it was made.
    expect(digest.period.index).toBe(11);
    expect(digest.at.toISOString()).toBe(new Date(PINNED).toISOString());
  });

  it("refuses: a leader another leader's dashboard or digest; units everything; leaders the whole-government view", async () => {
    const other = await leaderIdOf("崔婧");
    expect(await refusal(getLeaderDashboard(liu, { leaderId: other }))).toBe("not_found");
    expect(await refusal(getLeaderDigest(liu, { leaderId: other, periodIndex: 11 }))).toBe("not_found");
    expect(await refusal(listDashboardTasks(liu, { leader: other }))).toBe("not_found");
    expect(await refusal(getGovernmentDashboard(liu))).toBe("not_found");
    for (const username of ["交通局", "交通局-填报"]) {
      const unit = await actorFor(username);
      expect(await refusal(getLeaderDashboard(unit))).toBe("forbidden");
      expect(await refusal(getLeaderDigest(unit, { leaderId: liuId }))).toBe("forbidden");
      expect(await refusal(getGovernmentDashboard(unit))).toBe("forbidden");
      expect(await refusal(listDashboardTasks(unit, {}))).toBe("forbidden");
    }
    // 王国泉, the office and the administrator may look at any one leader's.
    for (const username of ["王国泉", "ducha", "admin"]) {
      const digest = (await getLeaderDigest(await actorFor(username), { leaderId: liuId, periodIndex: 11 }))!;
      expect(digest.leaderName).toBe("柳天云");
      expect(digest.rows).toHaveLength((await getLeaderDashboard(liu))!.counts.tasks);
    }
    expect(await refusal(getLeaderDashboard(await actorFor("admin"), { leaderId: 999_999 }))).toBe("not_found");
  });
});
