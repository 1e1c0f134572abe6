import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { periodDueOverrides, plans, tasks, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { getReportForm, submitReport } from "@/lib/services/reports";
import { getScheduleForAdmin, setPeriodDue, setUnitSignOff, updatePlanSchedule } from "@/lib/services/schedule";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const fields = { progress: "完成路基 30 公里", percent: 40, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
const planId = async () => (await db.select({ id: plans.id }).from(plans))[0]!.id;
const task24 = async () => (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, 24)))[0]!.id;
const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : String(e)),
  );

describe("reporting rules set by the administrator", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("only the administrator changes them, and nothing changes otherwise", async () => {
    const id = await planId();
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    for (const username of ["ducha", "张军", "交通局", "交通局-填报"]) {
      const actor = await actorFor(username);
      expect(await code(updatePlanSchedule(actor, { planId: id, reportingStartPeriod: 9, dueOffsetDays: 2 }))).toBe("forbidden");
      expect(await code(setPeriodDue(actor, { planId: id, periodIndex: 12, dueAt: "2022-06-30T18:00", reason: "" }))).toBe("forbidden");
      expect(await code(setUnitSignOff(actor, { unitId: unit!.id, requiresSignOff: false }))).toBe("forbidden");
      expect(await code(getScheduleForAdmin(actor, id))).toBe("forbidden");
    }
    const [plan] = await db.select().from(plans);
    expect(plan).toMatchObject({ reportingStartPeriod: 1, dueOffsetDays: 0 });
    expect(await db.$count(periodDueOverrides)).toBe(0);
  });

  it("a period's moved due time decides lateness, and restoring it brings the rule back", async () => {
    const admin = await actorFor("admin");
    const id = await planId();
    const before = await auditCount();
    // Period 11 (6月上半月) is normally due 6月15日 24:00; moved to 6月20日 18:00 for a holiday.
    await setPeriodDue(admin, { planId: id, periodIndex: 11, dueAt: "2022-06-20T18:00", reason: "端午节顺延" });
    expect(await auditCount()).toBe(before + 1);
    const head = await actorFor("交通局");
    const form = await getReportForm(head, { taskId: await task24(), periodIndex: 11 });
    expect(form.period.dueLabel).toBe("6月20日 18:00");
    expect(form.period.signal).toBe("due_soon");
    const result = await submitReport(head, { taskId: await task24(), periodIndex: 11, baseVersion: 0, fields });
    expect(result).toMatchObject({ status: "submitted", late: false });

    await setPeriodDue(admin, { planId: id, periodIndex: 11, dueAt: null, reason: "" });
    expect(await db.$count(periodDueOverrides)).toBe(0);
    const schedule = await getScheduleForAdmin(admin, id);
    expect(schedule.periods[10]!.override).toBeNull();
    // Without the extension the same submission would have been late.
    const again = await submitReport(head, { taskId: await task24(), periodIndex: 10, baseVersion: 0, fields });
    expect(again.late).toBe(true);
  });

  it("a later due-time rule moves every period's deadline", async () => {
    const admin = await actorFor("admin");
    await updatePlanSchedule(admin, { planId: await planId(), reportingStartPeriod: 5, dueOffsetDays: 5 });
    const form = await getReportForm(await actorFor("交通局"), { taskId: await task24(), periodIndex: 11 });
    expect(form.period.dueLabel).toBe("6月20日 24:00");
    expect(await code(getReportForm(await actorFor("交通局"), { taskId: await task24(), periodIndex: 4 }))).toBe("invalid");
  });

  it("without sign-off, a filer's report is submitted at once", async () => {
    const admin = await actorFor("admin");
    const filer = await actorFor("交通局-填报");
    const taskId = await task24();
    expect((await submitReport(filer, { taskId, periodIndex: 12, baseVersion: 0, fields })).status).toBe("pending_approval");
    await setUnitSignOff(admin, { unitId: filer.unitId!, requiresSignOff: false });
    expect((await submitReport(filer, { taskId, periodIndex: 11, baseVersion: 0, fields })).status).toBe("submitted");
  });
});
