import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deadlineExtensions, notifications, plans, taskClosures, taskDueOverrides, tasks } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { getPeriodStatus } from "@/lib/services/period-status";
import { getReportForm, submitReport } from "@/lib/services/reports";
import { decideClosure, decideExtension, requestClosure, requestExtension } from "@/lib/services/requests";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const fields = { progress: "完成", percent: 100, progressState: "completed" as const, problems: "", nextSteps: "", coordinationRequest: "" };
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : String(e)),
  );

describe("deadline extensions and closing tasks", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("an approved extension moves one task's due time: the old and new are kept and lateness follows", async () => {
    const head = await actorFor("交通局");
    const office = await actorFor("ducha");
    const audits = await auditCount();
    const { id } = await requestExtension(head, { taskId: 24, periodIndex: 11, requestedDueAt: "2022-06-22T18:00", reason: "征地手续未完成" });
    const [request] = await db.select().from(deadlineExtensions).where(eq(deadlineExtensions.id, id));
    expect(request?.oldDueAt.toISOString()).toBe("2022-06-15T16:00:00.000Z");
    expect(request?.requestedDueAt.toISOString()).toBe("2022-06-22T10:00:00.000Z");
    await decideExtension(office, { id, approve: true, note: "" });
    expect(await auditCount()).toBe(audits + 2);
    expect(await db.$count(taskDueOverrides)).toBe(1);
    expect(await db.$count(notifications, eq(notifications.unitId, head.unitId!))).toBe(1);

    const form = await getReportForm(head, { taskId: 24, periodIndex: 11 });
    expect(form.period.dueLabel).toBe("6月22日 18:00");
    expect((await submitReport(head, { taskId: 24, periodIndex: 11, baseVersion: 0, fields })).late).toBe(false);
    // Only task 24 moved: task 27's period 11 is still due 6月15日 24:00.
    expect((await submitReport(head, { taskId: 27, periodIndex: 11, baseVersion: 0, fields })).late).toBe(true);
    const [plan] = await db.select().from(plans);
    const status = await getPeriodStatus(plan!, 11);
    expect(status.rows.find((r) => r.seq === 24)?.compliance).toBe("on_time");
    expect(status.rows.find((r) => r.seq === 27)?.compliance).toBe("late");
  });

  it("only the lead unit asks and only the supervision office decides; a refusal needs a reason", async () => {
    expect(await code(requestExtension(await actorFor("农牧局"), { taskId: 24, periodIndex: 11, requestedDueAt: "2022-06-22T18:00", reason: "x" }))).toBe(
      "not_found",
    );
    expect(await code(requestExtension(await actorFor("乌兰镇"), { taskId: 24, periodIndex: 11, requestedDueAt: "2022-06-22T18:00", reason: "x" }))).toBe(
      "not_found",
    );
    const { id } = await requestExtension(await actorFor("交通局-填报"), { taskId: 24, periodIndex: 11, requestedDueAt: "2022-06-22T18:00", reason: "x" });
    expect(await code(requestExtension(await actorFor("交通局"), { taskId: 24, periodIndex: 11, requestedDueAt: "2022-06-23T18:00", reason: "y" }))).toBe(
      "conflict",
    );
    for (const username of ["admin", "张军", "交通局"])
      expect(await code(decideExtension(await actorFor(username), { id, approve: true, note: "" }))).toBe("forbidden");
    expect(await db.$count(taskDueOverrides)).toBe(0);
    expect(await code(requestExtension(await actorFor("交通局"), { taskId: 27, periodIndex: 11, requestedDueAt: "2022-06-10T18:00", reason: "x" }))).toBe(
      "invalid",
    );
  });

  it("a closed task stops owing reports after it is closed", async () => {
    const head = await actorFor("交通局");
    const { id } = await requestClosure(head, { taskId: 24, evidence: "300 公里已全部完工验收" });
    expect(await code(decideClosure(await actorFor("交通局"), { id, approve: true, note: "" }))).toBe("forbidden");
    const result = await decideClosure(await actorFor("ducha"), { id, approve: true, note: "核验属实" });
    expect(result.closedAfterPeriod).toBe(11); // period 12's report was not in yet
    const [task] = await db.select({ closedAfterPeriod: tasks.closedAfterPeriod }).from(tasks).where(eq(tasks.seq, 24));
    expect(task?.closedAfterPeriod).toBe(11);
    expect(await code(getReportForm(head, { taskId: 24, periodIndex: 12 }))).toBe("invalid");
    expect((await getReportForm(head, { taskId: 24, periodIndex: 11 })).task.seq).toBe(24);
    const [plan] = await db.select().from(plans);
    expect((await getPeriodStatus(plan!, 12)).rows.find((r) => r.seq === 24)?.compliance).toBe("closed");
    expect(await code(requestClosure(head, { taskId: 24, evidence: "again" }))).toBe("conflict");
    expect(await db.$count(taskClosures)).toBe(1);
  });
});
