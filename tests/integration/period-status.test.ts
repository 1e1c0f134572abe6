import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans } from "@/db/schema";
import { returnReport, submitReport } from "@/lib/services/reports";
import { getPeriodStatus } from "@/lib/services/period-status";
import { actorFor, resetWithDemo } from "../support/db";

const fields = { progress: "推进中", percent: 30, progressState: "lagging" as const, problems: "", nextSteps: "", coordinationRequest: "" };

describe("a period's status: the one count behind the overview and the circular", () => {
  beforeEach(resetWithDemo);
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("classifies every ordinary task's report and names the units", async () => {
    const head = await actorFor("交通局");
    process.env.APP_NOW = "2022-06-14T09:00:00+08:00";
    await submitReport(head, { taskId: 24, periodIndex: 11, baseVersion: 0, fields });
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await submitReport(head, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: { ...fields, progressState: "on_track" } });
    await submitReport(await actorFor("住建局"), { taskId: 28, periodIndex: 11, baseVersion: 0, fields: { ...fields, progressState: "blocked" } });
    await returnReport(await actorFor("ducha"), { taskId: 28, periodIndex: 11, reason: "内容过简" });

    const [plan] = await db.select().from(plans);
    const status = await getPeriodStatus(plan!, 11);
    expect(status.rows).toHaveLength(71); // 72 rows less the overall one
    expect(status.counts).toEqual({ tasks: 71, on_time: 1, late: 1, missing: 68, returned: 1, open: 0, closed: 0, lagging: 1, blocked: 1 });
    expect(status.rows.find((r) => r.seq === 24)?.compliance).toBe("on_time");
    expect(status.unitsBy.late).toEqual([{ unitId: expect.any(Number), unitName: "交通局", seqs: [27] }]);
    expect(status.unitsBy.returned.map((u) => u.unitName)).toEqual(["住建局"]);
    // 农牧局 leads 15 tasks and reported none; 财政局 co-leads task 33.
    expect(status.unitsBy.missing.find((u) => u.unitName === "农牧局")?.seqs).toHaveLength(15);
    expect(status.unitsBy.missing.find((u) => u.unitName === "财政局")?.seqs).toEqual([33]);

    // The current period is not due yet: nothing is missing.
    const current = await getPeriodStatus(plan!, 12);
    expect(current.counts.missing).toBe(0);
    expect(current.counts.open).toBe(71);
  });
});
