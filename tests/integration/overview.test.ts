/**
 * 督查总览 on fixed data filed through submitReport at a pinned clock: its counts and rows are
 * getPeriodStatus's, the filters narrow them, the copy flag marks a report resubmitted with the
 * previous period's text, and only the supervision office and the administrator may see it.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans, taskLeaders, units } from "@/db/schema";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getPeriodStatus } from "@/lib/services/period-status";
import { getPeriodOverview, getPreviousReport } from "@/lib/services/overview";
import { returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00:00+08:00";
const TEXT_11 = "召开专题推进会，完成农村公路新改建 40 公里，累计完成年度目标的 30%。";
const fields = (progress: string, percent: number, progressState: ReportFields["progressState"] = "on_track"): ReportFields => ({
  progress,
  percent,
  progressState,
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
});

async function unitId(name: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  return row!.id;
}

/** Period 11 (6月上半月, due 6月15日 24:00): 24 on time, 27 late and lagging, 28 returned; the other 68 missing. */
async function fileFixedPeriod11() {
  const transport = await actorFor("交通局");
  process.env.APP_NOW = "2022-06-14T09:00:00+08:00";
  await submitReport(transport, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields(TEXT_11, 30) });
  process.env.APP_NOW = PINNED;
  await submitReport(transport, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: fields("完成 2 座桥梁的前期设计。", 15, "lagging") });
  await submitReport(await actorFor("住建局"), { taskId: 28, periodIndex: 11, baseVersion: 0, fields: fields("推进中", 10) });
  await returnReport(await actorFor("ducha"), { taskId: 28, periodIndex: 11, reason: "内容过简" });
}

describe("the period overview", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = PINNED;
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("shows, by default, the latest period whose due time has passed, with getPeriodStatus's counts and rows", async () => {
    await fileFixedPeriod11();
    const ducha = await actorFor("ducha");
    const overview = (await getPeriodOverview(ducha))!;
    expect(overview.period.index).toBe(11);
    expect(overview.defaultPeriodIndex).toBe(11);
    expect(overview.periods.map((p) => p.index)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(overview.periods.at(-1)!.due).toBe(false);

    const [plan] = await db.select().from(plans);
    const status = await getPeriodStatus(plan!, 11);
    const { copied, ...counts } = overview.counts;
    expect(counts).toEqual(status.counts);
    expect(counts).toEqual({ tasks: 71, on_time: 1, late: 1, missing: 68, returned: 1, open: 0, closed: 0, lagging: 1, blocked: 0 });
    expect(copied).toBe(0);
    expect(overview.total).toBe(71);
    expect(overview.rows.map((r) => [r.taskId, r.compliance, r.percent, r.progressState])).toEqual(
      status.rows.map((r) => [r.taskId, r.compliance, r.percent, r.progressState]),
    );
    expect(overview.rows.find((r) => r.seq === 28)).toMatchObject({ compliance: "returned", returnReason: "内容过简" });
  });

  it("the current period may be chosen; a period out of range gives way to the default", async () => {
    await fileFixedPeriod11();
    const ducha = await actorFor("ducha");
    const current = (await getPeriodOverview(ducha, { periodIndex: 12 }))!;
    expect(current.period.index).toBe(12);
    expect(current.counts.open).toBe(71);
    expect((await getPeriodOverview(ducha, { periodIndex: 13 }))!.period.index).toBe(11);
    expect((await getPeriodOverview(ducha, { periodIndex: 12 }, { at: new Date("2022-07-02T10:00:00+08:00") }))!.period.index).toBe(12);
  });

  it("filters by lead unit, by leader and by state; the counts follow the unit and leader filters", async () => {
    await fileFixedPeriod11();
    const ducha = await actorFor("ducha");
    const transport = await unitId("交通局");
    const byUnit = (await getPeriodOverview(ducha, { periodIndex: 11, unitId: transport }))!;
    expect(byUnit.rows.map((r) => r.seq)).toEqual([24, 27]);
    expect(byUnit.rows.every((r) => r.leadUnits.some((u) => u.name === "交通局"))).toBe(true);
    expect(byUnit.counts).toMatchObject({ tasks: 2, on_time: 1, late: 1, missing: 0 });

    const late = (await getPeriodOverview(ducha, { periodIndex: 11, unitId: transport, state: "late" }))!;
    expect(late.rows.map((r) => r.seq)).toEqual([27]);
    expect(late.counts.tasks).toBe(2); // the state filter narrows the rows, not the counts

    const lagging = (await getPeriodOverview(ducha, { periodIndex: 11, state: "lagging" }))!;
    expect(lagging.rows.map((r) => r.seq)).toEqual([27]);
    const missing = (await getPeriodOverview(ducha, { periodIndex: 11, state: "missing" }))!;
    expect(missing.rows).toHaveLength(68);
    expect(missing.rows.every((r) => r.compliance === "missing")).toBe(true);

    const [leaderOf24] = await db.select({ id: taskLeaders.leaderId }).from(taskLeaders).where(eq(taskLeaders.taskId, 24));
    const byLeader = (await getPeriodOverview(ducha, { periodIndex: 11, leaderId: leaderOf24!.id }))!;
    expect(byLeader.rows.length).toBeGreaterThan(0);
    expect(byLeader.rows.length).toBeLessThan(71);
    expect(byLeader.rows.every((r) => r.leaders.some((l) => l.id === leaderOf24!.id))).toBe(true);
    expect(byLeader.rows.map((r) => r.seq)).toContain(24);
    expect(byLeader.counts.tasks).toBe(byLeader.rows.length);
  });

  it("flags a report resubmitted with the previous period's text, and one where only a number changed", async () => {
    await fileFixedPeriod11();
    const transport = await actorFor("交通局");
    const ducha = await actorFor("ducha");
    // Period 12: first a genuinely new report, returned, then resubmitted with period 11's text.
    const first = await submitReport(transport, {
      taskId: 24,
      periodIndex: 12,
      baseVersion: 0,
      fields: fields("赴现场督导检查，协调解决征地拆迁中的三个难点问题，开工建设进入倒计时。", 40),
    });
    let row = (await getPeriodOverview(ducha, { periodIndex: 12 }))!.rows.find((r) => r.seq === 24)!;
    expect(row.copyFlag).toBeNull();
    expect(row.comparison).toMatchObject({ previousPeriodIndex: 11, percentDelta: 10 });
    await returnReport(ducha, { taskId: 24, periodIndex: 12, reason: "请补充具体数据" });
    await submitReport(transport, { taskId: 24, periodIndex: 12, baseVersion: first.version + 1, fields: fields(TEXT_11, 30) });
    // 27: the same sentence as period 11 with its number changed.
    await submitReport(transport, { taskId: 27, periodIndex: 12, baseVersion: 0, fields: fields("完成 3 座桥梁的前期设计。", 20) });

    const overview = (await getPeriodOverview(ducha, { periodIndex: 12 }))!;
    row = overview.rows.find((r) => r.seq === 24)!;
    expect(row.copyFlag).toBe("identical");
    expect(row.comparison).toEqual({ previousPeriodIndex: 11, similarity: 1, flag: "identical", percentDelta: 0 });
    expect(overview.rows.find((r) => r.seq === 27)!.copyFlag).toBe("near");
    expect(overview.counts.copied).toBe(2);
    const copied = (await getPeriodOverview(ducha, { periodIndex: 12, state: "copied" }))!;
    expect(copied.rows.map((r) => r.seq)).toEqual([24, 27]);

    // Beside the report: the previous report itself, for whoever may see the task.
    const previous = await getPreviousReport(ducha, { taskId: 24, periodIndex: 12 });
    expect(previous).toMatchObject({ periodIndex: 11, number: 1, progress: TEXT_11, percent: 30, periodLabel: "6月上半月" });
    expect(await getPreviousReport(transport, { taskId: 24, periodIndex: 11 })).toBeNull();
    await expect(getPreviousReport(await actorFor("农牧局"), { taskId: 24, periodIndex: 12 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("is the supervision office's and the administrator's only: units and leaders get not found", async () => {
    expect(await getPeriodOverview(await actorFor("admin"))).not.toBeNull();
    for (const username of ["交通局", "交通局-填报", "柳天云", "王国泉"]) {
      await expect(getPeriodOverview(await actorFor(username)), username).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
