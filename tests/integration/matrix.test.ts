/**
 * The compliance matrix on fixed data: a unit's cells, its totals, the order (repeat offenders
 * first), agreement with getPeriodStatus in every period, and who may see it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans } from "@/db/schema";
import { SEVERITY } from "@/lib/overview/matrix";
import type { Compliance } from "@/lib/reporting/compliance";
import type { ReportFields } from "@/lib/reporting/schemas";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { getPeriodStatus } from "@/lib/services/period-status";
import { returnReport, submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00:00+08:00";
const fields = (progress: string): ReportFields => ({ progress, percent: 20, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" });

describe("the compliance matrix", () => {
  beforeEach(async () => {
    await resetWithDemo();
    // Reports are owed from period 9 (5月上半月) on.
    await db.update(plans).set({ reportingStartPeriod: 9 });
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("gives each lead unit a cell per period with the worst state of its reports, totals, and the worst units first", async () => {
    const transport = await actorFor("交通局");
    // 交通局 leads 24 and 27. Period 9: both on time. Period 10: 24 on time, 27 late. Period 11: 24 returned, 27 missing.
    process.env.APP_NOW = "2022-05-10T10:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 9, baseVersion: 0, fields: fields("五月上") });
    await submitReport(transport, { taskId: 27, periodIndex: 9, baseVersion: 0, fields: fields("五月上") });
    process.env.APP_NOW = "2022-05-20T10:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 10, baseVersion: 0, fields: fields("五月下") });
    process.env.APP_NOW = "2022-06-03T10:00:00+08:00";
    await submitReport(transport, { taskId: 27, periodIndex: 10, baseVersion: 0, fields: fields("五月下，迟交") });
    process.env.APP_NOW = "2022-06-12T10:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields("六月上") });
    await returnReport(await actorFor("ducha"), { taskId: 24, periodIndex: 11, reason: "请补充" });
    process.env.APP_NOW = PINNED;

    const result = (await getComplianceMatrix(await actorFor("ducha")))!;
    expect(result.periods.map((p) => p.index)).toEqual([9, 10, 11, 12]);
    const row = result.matrix.rows.find((r) => r.unitName === "交通局")!;
    expect(row.cells.map((c) => [c.periodIndex, c.state])).toEqual([
      [9, "on_time"],
      [10, "late"],
      [11, "missing"],
      [12, "open"],
    ]);
    expect(row.cells[2]!.counts).toMatchObject({ returned: 1, missing: 1 });
    expect(row.totals).toEqual({ late: 1, missing: 1, returned: 1, onTime: 3, tasks: 2 });

    // 农牧局 leads 15 tasks and never reported: red in every period that is due, and near the top.
    const farming = result.matrix.rows.find((r) => r.unitName === "农牧局")!;
    expect(farming.cells.map((c) => c.state)).toEqual(["missing", "missing", "missing", "open"]);
    expect(farming.totals.missing).toBe(45);
    expect(result.matrix.rows[0]!.unitName).toBe("农牧局");
    const trouble = result.matrix.rows.map((r) => r.totals.missing + r.totals.late);
    expect(trouble).toEqual([...trouble].sort((a, b) => b - a));
    expect(result.matrix.rows.findIndex((r) => r.unitName === "交通局")).toBeGreaterThan(result.matrix.rows.findIndex((r) => r.unitName === "农牧局"));
  });

  it("agrees with getPeriodStatus in every period: each cell is the worst of the unit's rows there", async () => {
    const transport = await actorFor("交通局");
    process.env.APP_NOW = "2022-06-12T10:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields("六月上") });
    await submitReport(await actorFor("住建局"), { taskId: 28, periodIndex: 10, baseVersion: 0, fields: fields("五月下") });
    process.env.APP_NOW = PINNED;
    const result = (await getComplianceMatrix(await actorFor("admin")))!;
    const [plan] = await db.select().from(plans);
    for (const period of result.periods) {
      const status = await getPeriodStatus(plan!, period.index);
      const worst = new Map<number, Compliance>();
      for (const r of status.rows) {
        for (const u of r.leadUnits) {
          const was = worst.get(u.id);
          if (!was || SEVERITY[r.compliance] > SEVERITY[was]) worst.set(u.id, r.compliance);
        }
      }
      const cells = new Map(result.matrix.rows.map((row) => [row.unitId, row.cells.find((c) => c.periodIndex === period.index)!.state]));
      expect(cells, period.label).toEqual(worst);
    }
  });

  it("is the supervision office's and the administrator's only", async () => {
    expect(await getComplianceMatrix(await actorFor("admin"))).not.toBeNull();
    for (const username of ["交通局", "农牧局-填报", "柳天云", "王国泉"]) {
      await expect(getComplianceMatrix(await actorFor(username)), username).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
