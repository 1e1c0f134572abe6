/**
 * The one plan schedule (lib/plans/live.ts over lib/data/plan-schedule.ts): the latest live plan
 * first, a plan's moved due times applied, and a task's own schedule (cadence, 完成时限, closing,
 * approved extensions over the plan's moved due times), alone or for many tasks at once.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { periodDueOverrides, plans, taskDueOverrides, tasks } from "@/db/schema";
import { loadLivePlans, loadPlans, loadTaskSchedule, loadTaskSchedules } from "@/lib/plans/live";
import { cadenceDueAt } from "@/lib/reporting/cadence";
import { dueAtOf, owedPeriodIndexes } from "@/lib/reporting/deadlines";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { resetWithDemo } from "../support/db";

const HOLIDAY = new Date("2022-06-20T10:00:00+08:00");
const EXTENDED = new Date("2022-07-05T18:00:00+08:00");

async function demoPlan() {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.year, 2022));
  return plan!.id;
}

async function taskOf(planId: number, seq: number) {
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.seq).offset(seq).limit(1);
  return task!.id;
}

describe("the one plan schedule", () => {
  let planId: number;
  beforeEach(async () => {
    await resetWithDemo();
    planId = await demoPlan();
  });

  it("live plans: the latest year first, each with its moved due times applied to its schedule", async () => {
    const [next] = await db.insert(plans).values({ year: 2023, title: "2023年政府工作报告目标任务分解表", state: "active" }).returning({ id: plans.id });
    await db.insert(plans).values({ year: 2024, title: "2024年草稿", state: "draft" });
    await db.insert(periodDueOverrides).values({ planId, periodIndex: 11, dueAt: HOLIDAY, reason: "端午节" });
    const live = await loadLivePlans();
    expect(live.map((p) => p.id)).toEqual([next!.id, planId]);
    const demo = live.find((p) => p.id === planId)!;
    expect(demo.label).toBe("2022年 政府工作报告");
    expect(demo.overrides.get(11)).toEqual(HOLIDAY);
    expect(live[0]!.overrides.size).toBe(0);
    const schedule = scheduleOf(demo);
    expect(dueAtOf(schedule, 11)).toEqual(HOLIDAY);
    expect(dueAtOf(schedule, 12)).toEqual(cadenceDueAt({ cadence: "half_monthly", year: 2022, dueOn: null }, 12, demo.dueOffsetDays));
  });

  it("a task's schedule: its own cadence and closing, its extension over the plan's moved due time, the plan's elsewhere", async () => {
    const taskId = await taskOf(planId, 3);
    await db.update(tasks).set({ cadence: "monthly", closedAfterPeriod: 20 }).where(eq(tasks.id, taskId));
    await db.insert(periodDueOverrides).values([
      { planId, periodIndex: 12, dueAt: HOLIDAY },
      { planId, periodIndex: 14, dueAt: HOLIDAY },
    ]);
    await db.insert(taskDueOverrides).values({ taskId, periodIndex: 12, dueAt: EXTENDED });
    const loaded = await loadTaskSchedule(db, taskId);
    expect(loaded).not.toBeNull();
    expect(loaded!.task).toMatchObject({ taskId, planId, planState: "active", year: 2022 });
    expect(loaded!.plan.id).toBe(planId);
    const { schedule } = loaded!;
    expect(schedule.cadence).toBe("monthly");
    expect(schedule.closedAfterPeriod).toBe(20);
    expect(dueAtOf(schedule, 12)).toEqual(EXTENDED);
    expect(dueAtOf(schedule, 14)).toEqual(HOLIDAY);
    expect(owedPeriodIndexes(schedule).every((key) => key <= 20)).toBe(true);
    expect(await loadTaskSchedule(db, 999_999)).toBeNull();
  });

  it("many tasks at once, whatever their plan's state: tasks timed alike share one schedule, an extended one has its own", async () => {
    const [a, b, c] = [await taskOf(planId, 2), await taskOf(planId, 3), await taskOf(planId, 4)];
    const [overall] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.overall, true));
    await db.insert(taskDueOverrides).values({ taskId: c, periodIndex: 12, dueAt: EXTENDED });
    await db.update(plans).set({ state: "archived" }).where(eq(plans.id, planId));
    const { timings, schedules } = await loadTaskSchedules(db, [a, b, c, overall!.id]);
    expect(timings.map((t) => t.id).sort((x, y) => x - y)).toEqual([a, b, c, overall!.id].sort((x, y) => x - y));
    expect(timings.find((t) => t.id === overall!.id)!.overall).toBe(true);
    expect(schedules.get(a)).toBe(schedules.get(b));
    expect(schedules.get(c)).not.toBe(schedules.get(a));
    expect(dueAtOf(schedules.get(c)!, 12)).toEqual(EXTENDED);
    expect(dueAtOf(schedules.get(a)!, 12)).not.toEqual(EXTENDED);
    const [plan] = await loadPlans(db, [planId]);
    expect(plan!.state).toBe("archived");
  });
});
