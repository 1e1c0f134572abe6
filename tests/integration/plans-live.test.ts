/**
 * Several live plans at once: the demo's 2022 work report, a 2022 items register (督办事项) with a
 * monthly, a weekly and a half-monthly item, and a 2023 plan. Every overseers' and leaders' query
 * covers every live plan, labels rows with their plan, narrows to one (`?plan=`), opens an archived
 * year read-only, never shows a draft to leaders; the matrix owes each task only where its cadence owes.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { findings, leaders, plans, progressReports, taskLeaders, tasks, taskUnits, units } from "@/db/schema";
import { getAdminCounts } from "@/lib/data/overview";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { createFinding, getFindingsPage } from "@/lib/services/findings";
import { getDispatchFormOptions } from "@/lib/services/dispatches";
import { getGovernmentDashboard, getLeaderDashboard, getLeaderDigest, listDashboardTasks } from "@/lib/services/leader-dashboard";
import { getCriticismChoices, getNoticePeriods } from "@/lib/services/notices";
import { getPeriodOverview } from "@/lib/services/overview";
import { resolvePlanScope } from "@/lib/services/plan-scope";
import { getRequestFormOptions } from "@/lib/services/requests";
import { listTasksFor, listUnitTasks } from "@/lib/services/tasks";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00:00+08:00";
const DEMO = "2022年 政府工作报告";
const ITEMS = "2022年 督办事项";
const NEXT = "2023年 政府工作报告";

interface Fixture {
  demoId: number;
  itemsId: number;
  nextId: number;
  monthly: number;
  weekly: number;
  halfMonthly: number;
  nextTask: number;
  monthlyUnit: number;
  weeklyUnit: number;
}

async function leaderId(name: string) {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name));
  return row!.id;
}

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

async function addTask(planId: number, seq: number, content: string, leader: string, unit: number, cadence: "monthly" | "weekly" | null) {
  const [task] = await db.insert(tasks).values({ planId, seq, content, cadence }).returning({ id: tasks.id });
  await db.insert(taskLeaders).values({ taskId: task!.id, leaderId: await leaderId(leader) });
  await db.insert(taskUnits).values({ taskId: task!.id, unitId: unit, role: "lead" });
  return task!.id;
}

/** Two more live plans beside the demo's, and a draft nobody but the office sees. */
async function seedLivePlans(): Promise<Fixture> {
  const [demo] = await db.select({ id: plans.id }).from(plans).where(eq(plans.year, 2022));
  const [items] = await db
    .insert(plans)
    .values({ year: 2022, title: "2022年督办事项", kind: "items", source: "meeting", state: "active", reportingStartPeriod: 9 })
    .returning({ id: plans.id });
  const [next] = await db.insert(plans).values({ year: 2023, title: "2023年政府工作报告目标任务分解表", state: "active" }).returning({ id: plans.id });
  const [draft] = await db.insert(plans).values({ year: 2023, title: "2023年民生实事", source: "livelihood" }).returning({ id: plans.id });
  const [monthlyUnit] = await db.insert(units).values({ name: "月报局" }).returning({ id: units.id });
  const [weeklyUnit] = await db.insert(units).values({ name: "周报局" }).returning({ id: units.id });
  const transport = await unitId("交通局");
  const farm = await unitId("农牧局");
  const monthly = await addTask(items!.id, 1, "常务会议议定：按月推进农村饮水安全巩固提升", "柳天云", monthlyUnit!.id, "monthly");
  const weekly = await addTask(items!.id, 2, "领导批示：每周报告秸秆禁烧巡查", "崔婧", weeklyUnit!.id, "weekly");
  const halfMonthly = await addTask(items!.id, 3, "上级交办：国省干线养护整治", "柳天云", transport, null);
  const nextTask = await addTask(next!.id, 1, "2023年新建高标准农田8万亩", "柳天云", farm, null);
  await addTask(draft!.id, 1, "草稿里的任务", "柳天云", farm, null);
  return {
    demoId: demo!.id,
    itemsId: items!.id,
    nextId: next!.id,
    monthly,
    weekly,
    halfMonthly,
    nextTask,
    monthlyUnit: monthlyUnit!.id,
    weeklyUnit: weeklyUnit!.id,
  };
}

describe("several live plans", () => {
  let f: Fixture;
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
    f = await seedLivePlans();
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("the plan scope: every live plan by default, one by ?plan=, a year with its archived plans; drafts only for the office", async () => {
    const leader = await actorFor("柳天云");
    const all = await resolvePlanScope(leader);
    expect(all.plans.map((p) => p.label)).toEqual([NEXT, DEMO, ITEMS]);
    expect(all.coverage).toBe(`覆盖：${NEXT}、${DEMO}、${ITEMS}`);
    expect(all.options.map((o) => o.title)).not.toContain("2023年民生实事");
    expect((await resolvePlanScope(leader, { planId: f.itemsId })).coverage).toBe(`覆盖：${ITEMS}`);
    const [draft] = await db.select({ id: plans.id }).from(plans).where(eq(plans.title, "2023年民生实事"));
    expect((await resolvePlanScope(leader, { planId: draft!.id })).plans).toEqual([]);
    expect((await resolvePlanScope(await actorFor("ducha"), { planId: draft!.id })).coverage).toBe("覆盖：2023年 民生实事（草稿）");
    await db.update(plans).set({ state: "archived" }).where(eq(plans.id, f.nextId));
    const year = await resolvePlanScope(leader, { year: 2023 });
    expect([year.coverage, year.readOnly]).toEqual([`覆盖：${NEXT}（已归档）`, true]);
    expect((await resolvePlanScope(leader)).plans.map((p) => p.id)).toEqual([f.demoId, f.itemsId]);
  });

  it("the task table and a unit's tasks cover every live plan, each row labelled; narrowed by plan or year", async () => {
    const liu = await listTasksFor(await actorFor("柳天云"));
    expect(liu.tasks).toHaveLength(22 + 2 + 1);
    expect(liu.tasks.filter((t) => t.planLabel === DEMO)).toHaveLength(22);
    expect(liu.tasks.filter((t) => t.planLabel === ITEMS).map((t) => t.id)).toEqual([f.monthly, f.halfMonthly]);
    expect(liu.tasks.find((t) => t.id === f.nextTask)).toMatchObject({ planLabel: NEXT, planYear: 2023 });
    expect(liu.tasks.some((t) => t.content === "草稿里的任务")).toBe(false);
    expect((await listTasksFor(await actorFor("柳天云"), { planId: f.itemsId })).tasks.map((t) => t.id)).toEqual([f.monthly, f.halfMonthly]);
    expect((await listTasksFor(await actorFor("柳天云"), { year: 2023 })).tasks.map((t) => t.id)).toEqual([f.nextTask]);
    expect((await listTasksFor(await actorFor("ducha"))).tasks).toHaveLength(72 + 3 + 1);

    const transport = await actorFor("交通局");
    const { lead } = await listUnitTasks(transport, transport.unitId!);
    expect(lead.filter((t) => t.planLabel === ITEMS).map((t) => t.id)).toEqual([f.halfMonthly]);
    expect(lead.filter((t) => t.planLabel === DEMO).length).toBeGreaterThan(0);
    const farm = await actorFor("农牧局");
    expect((await listUnitTasks(farm, farm.unitId!)).lead.find((t) => t.id === f.nextTask)?.planLabel).toBe(NEXT);
  });

  it("the administrator's home counts the tasks of every live plan", async () => {
    const live = await resolvePlanScope(await actorFor("admin"));
    expect((await getAdminCounts(live.plans.map((p) => p.id))).tasks).toBe(72 + 3 + 1);
  });

  it("leader dashboards and the digest: every live plan, each task labelled and weighed under its own cadence", async () => {
    const liu = await getLeaderDashboard(await actorFor("柳天云"));
    expect(liu!.counts.tasks).toBe(22 + 2 + 1);
    expect(liu!.coverage).toBe(`覆盖：${NEXT}、${DEMO}、${ITEMS}`);
    const monthly = liu!.tasks.rows.find((t) => t.id === f.monthly)!;
    // A monthly item owes May only so far (June's is not due): one missing report, not two per month.
    expect([monthly.planLabel, monthly.tally.missing, monthly.tally.onTime]).toEqual([ITEMS, 1, 0]);
    // The 2023 task owes nothing in 2022.
    const next = liu!.tasks.rows.find((t) => t.id === f.nextTask)!;
    expect([next.planLabel, next.tally.missing]).toEqual([NEXT, 0]);
    expect((await getLeaderDashboard(await actorFor("柳天云"), { choice: { planId: f.itemsId } }))!.counts.tasks).toBe(2);

    const cui = await getLeaderDashboard(await actorFor("崔婧"));
    const weekly = cui!.tasks.rows.find((t) => t.id === f.weekly)!;
    // The 8 weeks ending 5/1, 5/8 … 6/19 (each due that Sunday 24:00) since 5月上半月: every one missing.
    expect(weekly.tally.missing).toBe(8);

    const government = await getGovernmentDashboard(await actorFor("王国泉"));
    expect(government!.counts.tasks).toBe(71 + 3 + 1);
    expect((await listDashboardTasks(await actorFor("王国泉"), { leader: await leaderId("崔婧") }))!.tasks.rows.map((t) => t.id)).toContain(f.weekly);

    const digest = await getLeaderDigest(await actorFor("柳天云"), { periodIndex: 10 });
    expect(digest!.period.label).toBe("2022年5月下半月");
    expect(digest!.rows.map((r) => r.task.id)).toEqual(expect.arrayContaining([f.monthly, f.halfMonthly, f.nextTask]));
    await db
      .insert(progressReports)
      .values({
        taskId: f.monthly,
        unitId: f.monthlyUnit,
        periodIndex: 10,
        status: "submitted",
        progress: "五月份按月报告",
        submittedAt: new Date("2022-05-30T10:00:00+08:00"),
        late: false,
      });
    const withReport = await getLeaderDigest(await actorFor("柳天云"), { periodIndex: 10 });
    expect(withReport!.rows.find((r) => r.task.id === f.monthly)!.report?.progress).toBe("五月份按月报告");
  });

  it("the overview and its counts: every live plan of the half month's year, labelled; the other year's pointed to", async () => {
    const office = await actorFor("ducha");
    const overview = (await getPeriodOverview(office, { periodIndex: 11 }))!;
    expect(overview.coverage).toBe(`覆盖：${DEMO}、${ITEMS}`);
    expect(overview.otherYears.map((p) => p.label)).toEqual([NEXT]);
    // 6月上半月: the monthly item owes nothing in a first half month, so it is not counted (its month is 12).
    expect(overview.total).toBe(71 + 2);
    expect(
      overview.rows
        .filter((r) => r.planLabel === ITEMS)
        .map((r) => r.taskId)
        .sort(),
    ).toEqual([f.weekly, f.halfMonthly].sort());
    const items = (await getPeriodOverview(office, { planId: f.itemsId, periodIndex: 11 }))!;
    expect([items.total, items.coverage]).toEqual([2, `覆盖：${ITEMS}`]);
    const june = (await getPeriodOverview(office, { planId: f.itemsId, periodIndex: 12 }))!;
    expect(june.rows.map((r) => r.taskId).sort()).toEqual([f.monthly, f.weekly, f.halfMonthly].sort());
    const next = (await getPeriodOverview(office, { planId: f.nextId }))!;
    expect([next.period.label, next.rows.map((r) => r.taskId)]).toEqual(["2023年1月上半月", [f.nextTask]]);
  });

  it("the matrix: half-month columns; a monthly item owes only in each month's second half, a weekly one the worst of its weeks", async () => {
    const result = (await getComplianceMatrix(await actorFor("ducha"), { at: new Date(PINNED) }))!;
    expect(result.coverage).toBe(`覆盖：${DEMO}、${ITEMS}`);
    const cells = (unit: number) => new Map(result.matrix.rows.find((r) => r.unitId === unit)!.cells.map((c) => [c.periodIndex, c.state]));
    const monthly = cells(f.monthlyUnit);
    // Before the register's first half month nothing is owed; May's report (due 5/31) is missing; June's is still open.
    expect([monthly.get(8), monthly.get(9), monthly.get(10), monthly.get(11), monthly.get(12)]).toEqual([null, null, "missing", null, "open"]);
    expect(result.matrix.rows.find((r) => r.unitId === f.monthlyUnit)!.totals.missing).toBe(1);

    const weekly = () => cells(f.weeklyUnit);
    expect([weekly().get(9), weekly().get(10), weekly().get(11)]).toEqual(["missing", "missing", "missing"]);
    // Both weeks ending in 6月上半月 (6/5 and 6/12) filed on time: that column turns on time; one late: it is late.
    const weekEnding = async (key: number, late: boolean) =>
      db
        .insert(progressReports)
        .values({
          taskId: f.weekly,
          unitId: f.weeklyUnit,
          periodIndex: key,
          status: "submitted",
          progress: "周报",
          submittedAt: new Date("2022-06-05T10:00:00+08:00"),
          late,
        });
    const { weekAt } = await import("@/lib/periods");
    const w1 = weekAt(new Date("2022-06-05T10:00:00+08:00")).index;
    const w2 = weekAt(new Date("2022-06-12T10:00:00+08:00")).index;
    await weekEnding(w1, false);
    await weekEnding(w2, false);
    const again = (await getComplianceMatrix(await actorFor("ducha"), { at: new Date(PINNED) }))!;
    const weeklyCells = new Map(again.matrix.rows.find((r) => r.unitId === f.weeklyUnit)!.cells.map((c) => [c.periodIndex, c.state]));
    expect(weeklyCells.get(11)).toBe("on_time");
    await db.update(progressReports).set({ late: true }).where(eq(progressReports.periodIndex, w2));
    const late = (await getComplianceMatrix(await actorFor("ducha"), { at: new Date(PINNED) }))!;
    expect(new Map(late.matrix.rows.find((r) => r.unitId === f.weeklyUnit)!.cells.map((c) => [c.periodIndex, c.state])).get(11)).toBe("late");
  });

  it("findings: recorded on a task of any live plan (under that plan), listed across plans with their labels", async () => {
    const office = await actorFor("ducha");
    await createFinding(office, { periodIndex: 11, taskId: f.halfMonthly, unitId: null, rating: "poor", text: "养护整治进度慢" });
    await createFinding(office, { periodIndex: 11, taskId: null, unitId: f.monthlyUnit, rating: "fair", text: "月报局按月报送" });
    const rows = await db.select({ planId: findings.planId, text: findings.text }).from(findings);
    expect(rows.find((r) => r.text === "养护整治进度慢")?.planId).toBe(f.itemsId);
    expect(rows.find((r) => r.text === "月报局按月报送")?.planId).toBe(f.demoId);
    const page = (await getFindingsPage(office, {}))!;
    expect(page.findings.map((x) => [x.text, x.planLabel])).toEqual(
      expect.arrayContaining([
        ["养护整治进度慢", ITEMS],
        ["月报局按月报送", DEMO],
      ]),
    );
    expect(page.tasks.some((t) => t.id === f.nextTask && t.planLabel === NEXT)).toBe(true);
    expect((await getFindingsPage(office, {}, { choice: { planId: f.itemsId } }))!.findings.map((x) => x.text)).toEqual(["养护整治进度慢"]);
  });

  it("notices: a criticism's choices count every live plan of the half month's year", async () => {
    const office = await actorFor("ducha");
    expect((await getNoticePeriods(office))!.coverage).toBe(`覆盖：${DEMO}、${ITEMS}`);
    const choices = (await getCriticismChoices(office, 10))!;
    // 月报局 owes only the items register's May report: it is suggested, with the fact.
    expect(choices.suggested.find((u) => u.unitId === f.monthlyUnit)?.facts).toContain("未报送");
    expect(choices.suggested.some((u) => u.unitId === f.weeklyUnit)).toBe(true);
  });

  it("dispatches and requests offer tasks of every live plan, each labelled; a monthly item's open periods are its months", async () => {
    const dispatch = await getDispatchFormOptions(await actorFor("柳天云"));
    expect(dispatch.tasks.find((t) => t.id === f.monthly)?.planLabel).toBe(ITEMS);
    expect(dispatch.tasks.find((t) => t.id === f.nextTask)?.planLabel).toBe(NEXT);

    // 月报局 has no user; 交通局's options: its half-monthly item's periods are half months from 5月上半月.
    const transport = await actorFor("交通局");
    const options = await getRequestFormOptions(transport);
    expect(options.tasks.find((t) => t.id === f.halfMonthly)?.planLabel).toBe(ITEMS);
    expect(options.periodsByTask[f.halfMonthly]!.map((p) => p.index)).toEqual([12, 11, 10, 9]);
    const demoTask = options.tasks.find((t) => t.planLabel === DEMO)!;
    expect(options.periodsByTask[demoTask.id]![0]!.index).toBe(12);
  });
});
