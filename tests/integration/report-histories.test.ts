/** The one pass over reports the matrix and the dashboards count with (lib/data/report-histories.ts). */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans, progressReports, tasks } from "@/db/schema";
import { listReportHistories } from "@/lib/data/report-histories";
import { resetWithDemo } from "../support/db";

const submittedAt = new Date("2022-06-14T09:00:00+08:00");

describe("report histories", () => {
  beforeEach(resetWithDemo);

  it("decodes every report's state, the latest counted percent and every counted percent, weeks and 100% included", async () => {
    const [plan] = await db.select().from(plans);
    const demo = await db.select({ id: tasks.id, seq: tasks.seq, overall: tasks.overall }).from(tasks).where(eq(tasks.planId, plan!.id)).orderBy(tasks.seq);
    const [a, b, c] = demo.filter((t) => !t.overall);
    const overall = demo.find((t) => t.overall)!;
    const unitId = (await db.query.units.findFirst())!.id;
    await db.insert(progressReports).values([
      { taskId: a!.id, unitId, periodIndex: 10, status: "accepted", percent: 30, progressState: "on_track", submittedAt, late: false },
      { taskId: a!.id, unitId, periodIndex: 11, status: "submitted", percent: 100, progressState: "completed", submittedAt, late: true },
      { taskId: a!.id, unitId, periodIndex: 12, status: "draft", percent: 80, progressState: "lagging" },
      { taskId: a!.id, unitId, periodIndex: 124, status: "returned", percent: 90, submittedAt, late: null },
      { taskId: b!.id, unitId, periodIndex: 11, status: "pending_approval", percent: 0, progressState: "blocked" },
      { taskId: b!.id, unitId, periodIndex: 9, status: "submitted", percent: null, progressState: null, submittedAt, late: false },
      { taskId: b!.id, unitId, periodIndex: 154, status: "accepted", percent: 0, progressState: null, submittedAt, late: false },
      { taskId: overall.id, unitId, periodIndex: 11, status: "submitted", percent: 50, submittedAt, late: false },
    ]);

    const byTasks = await listReportHistories(db, { taskIds: [a!.id, b!.id, c!.id] });
    const first = byTasks.get(a!.id)!;
    expect(first.facts[10]).toEqual({ status: "accepted", late: false, submittedAt: expect.any(Date) });
    expect(first.facts[11]).toEqual({ status: "submitted", late: true, submittedAt: expect.any(Date) });
    expect(first.facts[12]).toEqual({ status: "draft", late: null, submittedAt: null });
    expect(first.facts[124]).toEqual({ status: "returned", late: null, submittedAt: expect.any(Date) });
    expect(first.facts[13]).toBeUndefined();
    // Only submitted or accepted percents count: the draft's 80 and the returned 90 do not.
    expect(first.latest).toEqual({ periodIndex: 11, percent: 100, progressState: "completed", late: true });
    expect([...first.counted].sort((x, y) => x.periodIndex - y.periodIndex)).toEqual([
      { periodIndex: 10, percent: 30, progressState: "on_track", late: false },
      { periodIndex: 11, percent: 100, progressState: "completed", late: true },
    ]);
    const second = byTasks.get(b!.id)!;
    expect(second.facts[11]).toEqual({ status: "pending_approval", late: null, submittedAt: null });
    // Submitted without a percent counts nothing; the year's last week, at 0%, does.
    expect(second.facts[9]).toEqual({ status: "submitted", late: false, submittedAt: expect.any(Date) });
    expect(second.facts[154]).toEqual({ status: "accepted", late: false, submittedAt: expect.any(Date) });
    expect(second.latest).toEqual({ periodIndex: 154, percent: 0, progressState: null, late: false });
    expect(second.counted).toEqual([{ periodIndex: 154, percent: 0, progressState: null, late: false }]);
    expect(byTasks.has(c!.id)).toBe(false); // no reports at all

    // By plan: the plan's ordinary tasks only (the overall row is not one of them).
    const byPlan = await listReportHistories(db, { planIds: [plan!.id] });
    expect([...byPlan.keys()].sort()).toEqual([a!.id, b!.id].sort());
    expect(byPlan.get(a!.id)).toEqual(first);
    expect(await listReportHistories(db, { taskIds: [] })).toEqual(new Map());
  });
});
