/**
 * Plans have a life: an import makes a 草稿 that changes nothing for units and leaders; the office
 * starts it (开始执行) from a half month it chooses, never one already over. Drafts are the office's
 * and the administrator's alone, in every list and on every task page.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans, tasks } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { parseDocument } from "@/lib/import/parse";
import { loadDirectory } from "@/lib/plans/directory";
import { importPlan } from "@/lib/plans/import-plan";
import { saveContributionDraft } from "@/lib/services/contributions";
import { activatePlan, archivePlan, listPlansFor } from "@/lib/services/plans";
import { requestClosure } from "@/lib/services/requests";
import { setTaskDeadline } from "@/lib/services/task-settings";
import { commitImport, previewImport } from "@/lib/services/imports";
import { saveReportDraft, submitReport } from "@/lib/services/reports";
import { getTaskFor, listTasksFor } from "@/lib/services/tasks";
import { actorFor, auditCount, resetWithDemo } from "../support/db";

const PLAN_2023 = [
  "2023年政府工作报告目标任务分解表",
  "序号\t重点工作任务\t责任领导\t牵头单位\t责任单位",
  "1\t实施农村路网建设200公里。\t柳天云\t交通局\t各苏木镇",
  "2\t新建高标准农田5万亩。\t柳天云\t农牧局\t",
  "3\t新建幼儿园3所。\t崔婧\t教体局\t",
].join("\n");

async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : String(error);
}

async function import2023() {
  const admin = await actorFor("admin");
  const preview = await previewImport(admin, { kind: "text", text: PLAN_2023 });
  if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
  return commitImport(admin, preview.draftId);
}

describe("a plan's life", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("importing a 2023 plan changes nothing for units and leaders: it is a draft", async () => {
    const outcome = await import2023();
    expect(outcome).toMatchObject({ state: "draft", created: 3 });
    const liu = await listTasksFor(await actorFor("柳天云"));
    expect([liu.plan?.year, liu.tasks.length]).toEqual([2022, 22]);
    const unit = await listTasksFor(await actorFor("农牧局"));
    expect(unit.plan?.year).toBe(2022);
    // Asked for by year, the draft is not there for them, nor its tasks by id.
    expect((await listTasksFor(await actorFor("农牧局"), { year: 2023 })).plan).toBeNull();
    expect((await listTasksFor(await actorFor("柳天云"), { year: 2023 })).tasks).toEqual([]);
    const [draftTask] = await db.select({ id: tasks.id }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(eq(plans.year, 2023)).limit(1);
    expect(await code(getTaskFor(await actorFor("交通局"), draftTask!.id))).toBe("not_found");
    expect(await code(getTaskFor(await actorFor("柳天云"), draftTask!.id))).toBe("not_found");
    // Nobody owes a draft: a report on its task is refused as if the task did not exist.
    const fields = { progress: "开工", percent: 5, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
    expect(await code(submitReport(await actorFor("交通局"), { taskId: draftTask!.id, periodIndex: 12, baseVersion: 0, fields }))).toBe("not_found");
    // The office and the administrator see it.
    expect((await listTasksFor(await actorFor("ducha"), { year: 2023 })).tasks).toHaveLength(3);
    expect((await getTaskFor(await actorFor("admin"), draftTask!.id)).planState).toBe("draft");
  });

  it("the command line's import (importPlan without a state) makes a draft too", async () => {
    const parsed = await parseDocument({ text: PLAN_2023 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const outcome = await db.transaction(async (tx) => importPlan(tx, parsed.plan, await loadDirectory(tx), null));
    expect(outcome.state).toBe("draft");
    expect((await listTasksFor(await actorFor("柳天云"))).plan?.year).toBe(2022);
  });

  it("the office sees every plan, the draft with what starting it means", async () => {
    await import2023();
    const list = await listPlansFor(await actorFor("ducha"));
    expect(list.map((p) => [p.year, p.state, p.tasks])).toEqual([
      [2023, "draft", 3],
      [2022, "active", 72],
    ]);
    expect(list[0]!.activation).toEqual({ leadUnits: 3, leadUnitNames: expect.any(Array), tasks: 3, firstPeriod: 1 });
    expect([...list[0]!.activation!.leadUnitNames].sort()).toEqual(["交通局", "农牧局", "教体局"].sort());
    expect(list[1]!.activation).toBeNull();
    for (const username of ["柳天云", "交通局", "交通局-填报"]) expect(await code(listPlansFor(await actorFor(username)))).toBe("forbidden");
  });

  it("starting a plan: units owe it from the chosen half month, once, audited; a past half month is refused", async () => {
    const { planId } = await import2023();
    const office = await actorFor("ducha");
    expect(await code(activatePlan(await actorFor("交通局"), { planId, firstPeriod: 3 }))).toBe("forbidden");
    const audits = await auditCount();
    expect(await activatePlan(office, { planId, firstPeriod: 3 })).toEqual({ planId, firstPeriod: 3 });
    expect(await auditCount()).toBe(audits + 1);
    const [plan] = await db.select({ state: plans.state, start: plans.reportingStartPeriod, at: plans.activatedAt }).from(plans).where(eq(plans.id, planId));
    expect([plan?.state, plan?.start, plan?.at]).toEqual(["active", 3, new Date("2022-06-20T10:00+08:00")]);
    expect(await code(activatePlan(office, { planId, firstPeriod: 3 }))).toBe("conflict");
    // Several plans are live at once: the leaders now see both, each task labelled with its plan.
    const liu = await listTasksFor(await actorFor("柳天云"));
    expect([liu.plans.map((p) => p.year), liu.tasks.length]).toEqual([[2023, 2022], 24]);
    expect(liu.tasks.filter((t) => t.planLabel === "2023年 政府工作报告")).toHaveLength(2);
    expect(liu.tasks.filter((t) => t.planLabel === "2022年 政府工作报告")).toHaveLength(22);
  });

  it("a draft cannot start in a half month already over (a 2021 plan in June 2022: only its last)", async () => {
    const [draft] = await db.insert(plans).values({ year: 2021, title: "2021年分解表" }).returning({ id: plans.id });
    const office = await actorFor("ducha");
    const error = await activatePlan(office, { planId: draft!.id, firstPeriod: 1 }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.message).toMatch(/已经过去/);
    expect(await activatePlan(office, { planId: draft!.id, firstPeriod: 24 })).toEqual({ planId: draft!.id, firstPeriod: 24 });
  });
});

describe("an archived plan", () => {
  beforeEach(async () => {
    await resetWithDemo();
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("refuses every write on its tasks, and its pages still open", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans);
    const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, 24));
    const office = await actorFor("ducha");
    expect(await code(archivePlan(await actorFor("交通局"), { planId: plan!.id }))).toBe("forbidden");
    expect(await archivePlan(office, { planId: plan!.id })).toEqual({ planId: plan!.id });
    expect(await code(archivePlan(office, { planId: plan!.id }))).toBe("conflict");
    const unit = await actorFor("交通局");
    const admin = await actorFor("admin");
    const fields = { progress: "完成路基 30 公里", percent: 40, progressState: "on_track" as const, problems: "", nextSteps: "", coordinationRequest: "" };
    const message = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      return isDomainError(error) ? error.message : String(error);
    };
    const refusals = {
      report: await message(saveReportDraft(unit, { taskId: task!.id, periodIndex: 12, baseVersion: 0, fields })),
      contribution: await message(
        saveContributionDraft(await actorFor("乌兰镇"), { taskId: task!.id, periodIndex: 12, baseVersion: 0, content: "完成 5 公里" }),
      ),
      closure: await message(requestClosure(unit, { taskId: task!.id, evidence: "已完成" })),
      deadline: await message(setTaskDeadline(admin, { taskId: task!.id, mode: "text", text: "6月底前", date: "", baseDueOn: null, baseDeadlineText: null })),
    };
    const archived = "这份分解表已归档，只能查看，不能再填报或修改";
    expect(refusals).toEqual({ report: archived, contribution: archived, closure: archived, deadline: archived });
    // Reading stays: the task page and the plan in the task table.
    expect((await getTaskFor(unit, task!.id)).planState).toBe("archived");
  });
});
