/**
 * A task's history on its page: reports period by period with the progress curve and the
 * cooperating input — only what was submitted (never a draft's text), for whoever may see the task.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { eq } from "drizzle-orm";
import { plans, tasks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isDomainError } from "@/lib/errors";
import type { ReportFields } from "@/lib/reporting/schemas";
import { saveContributionDraft, submitContribution } from "@/lib/services/contributions";
import { getTaskHistory, type TaskHistory } from "@/lib/services/history";
import { returnReport, saveReportDraft, submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00"; // period 12 is current
const TASK = 24; // lead 交通局, cooperating 各苏木镇, leader 张军
const fields = (progress: string, percent: number): ReportFields => ({
  progress,
  percent,
  progressState: "on_track",
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isDomainError(error) ? error.code : `unexpected: ${String(error)}`;
}

function applicable(history: TaskHistory) {
  if (!history.applicable) throw new Error("expected an ordinary task");
  return history;
}

describe("a task's history", () => {
  let head: Actor;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    await db.update(plans).set({ reportingStartPeriod: 9 });
    head = await actorFor("交通局");
    const ducha = await actorFor("ducha");
    // Period 9: on time (filed on 6月1日). Period 10: late (filed today). Period 11: submitted, returned, and being revised (draft text).
    process.env.APP_NOW = "2022-05-10T09:00+08:00";
    await submitReport(head, { taskId: TASK, periodIndex: 9, baseVersion: 0, fields: fields("五月上半月：完成路基 20 公里", 10) });
    process.env.APP_NOW = PINNED;
    await submitReport(head, { taskId: TASK, periodIndex: 10, baseVersion: 0, fields: fields("五月下半月：完成路基 40 公里", 20) });
    await submitReport(head, { taskId: TASK, periodIndex: 11, baseVersion: 0, fields: fields("六月上半月：已报送的文字", 25) });
    await returnReport(ducha, { taskId: TASK, periodIndex: 11, reason: "请补充数据" });
    await saveReportDraft(head, { taskId: TASK, periodIndex: 11, baseVersion: 2, fields: fields("DRAFT-SECRET-11 修改中", 90) });
    // Period 12: a draft only.
    await saveReportDraft(head, { taskId: TASK, periodIndex: 12, baseVersion: 0, fields: fields("DRAFT-SECRET-12", 99) });
    // Inputs: 乌兰镇 submitted for 11 and 12 (late for 11), 棋盘井镇 only a draft for 12.
    const town = await actorFor("乌兰镇-填报");
    await submitContribution(town, { taskId: TASK, periodIndex: 11, baseVersion: 0, content: "乌兰镇：六月上半月的配合进展" });
    await submitContribution(town, { taskId: TASK, periodIndex: 12, baseVersion: 0, content: "乌兰镇：本期配合进展" });
    await saveContributionDraft(await actorFor("棋盘井镇"), { taskId: TASK, periodIndex: 12, baseVersion: 0, content: "COOP-DRAFT-SECRET" });
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("periods newest first with state, percent, late mark and submitted date — from submitted versions only", async () => {
    const history = applicable(await getTaskHistory(await actorFor("ducha"), TASK));
    expect(history.periods.map((p) => [p.index, p.state, p.submitted?.percent ?? null, p.submitted?.late ?? null])).toEqual([
      [12, "draft", null, null],
      [11, "returned", 25, true],
      [10, "submitted_late", 20, true],
      [9, "submitted", 10, false],
    ]);
    const p9 = history.periods.find((p) => p.index === 9)!;
    expect(p9.submitted).toMatchObject({ progress: "五月上半月：完成路基 20 公里", number: 1 });
    expect(p9.submitted!.submittedAt.toISOString()).toBe(new Date("2022-05-10T09:00+08:00").toISOString());
    expect(history.periods.find((p) => p.index === 11)!.submitted?.progress).toBe("六月上半月：已报送的文字");
    expect(history.curve).toEqual([
      { index: 9, percent: 10, late: false },
      { index: 10, percent: 20, late: true },
      { index: 11, percent: 25, late: true },
    ]);
    // The cooperating input per period: submitted only, with who has not filed.
    const p12 = history.periods[0]!;
    expect(p12.contributions.map((c) => [c.unitName, c.content])).toEqual([["乌兰镇", "乌兰镇：本期配合进展"]]);
    expect(p12.missingContributors).toContain("棋盘井镇");
    expect(p12.missingContributors).not.toContain("乌兰镇");
    expect(history.periods[1]!.contributions[0]).toMatchObject({ unitName: "乌兰镇", late: true });
    // Drafts' text appears nowhere in what is sent to the page.
    const json = JSON.stringify(history);
    for (const secret of ["DRAFT-SECRET-11", "DRAFT-SECRET-12", "COOP-DRAFT-SECRET"]) expect(json).not.toContain(secret);
    expect(json).not.toContain('"percent":90');
    expect(json).not.toContain('"percent":99');
    // The office is sent to the submitted versions; unsubmitted periods have no link.
    expect(history.periods.map((p) => p.reportHref)).toEqual([null, "/tasks/24/reports/11", "/tasks/24/reports/10", "/tasks/24/reports/9"]);
    expect(history.periods.every((p) => p.contributionHref === null)).toBe(true);
  });

  it("the lead unit's members get links to their form; a cooperating unit to its own input", async () => {
    const lead = applicable(await getTaskHistory(await actorFor("交通局-填报"), TASK));
    expect(lead.isLeadUnit).toBe(true);
    expect(lead.periods.map((p) => p.reportHref)).toEqual(["/reports/24/12", "/reports/24/11", "/reports/24/10", "/reports/24/9"]);
    expect(JSON.stringify(lead)).not.toContain("DRAFT-SECRET"); // not even to the unit: the history shows what was filed

    const town = applicable(await getTaskHistory(await actorFor("乌兰镇"), TASK));
    expect(town.isContributor).toBe(true);
    expect(town.periods.map((p) => p.contributionHref)).toEqual([
      "/contributions/24/12",
      "/contributions/24/11",
      "/contributions/24/10",
      "/contributions/24/9",
    ]);
    expect(JSON.stringify(town)).not.toContain("COOP-DRAFT-SECRET");
  });

  it("anyone who may see the task reads it; a unit not on the task and another leader do not", async () => {
    for (const username of ["张军", "王国泉", "admin", "交通局", "乌兰镇-填报"]) {
      expect((await getTaskHistory(await actorFor(username), TASK)).applicable, username).toBe(true);
    }
    for (const username of ["农牧局", "农牧局-填报", "崔婧"]) {
      expect(await refusal(getTaskHistory(await actorFor(username), TASK)), username).toBe("not_found");
    }
    expect(await refusal(getTaskHistory(await actorFor("ducha"), 99_999))).toBe("not_found");
  });

  it("a closed task lists periods up to its closing (and any later one with a submitted report)", async () => {
    await db.update(tasks).set({ closedAfterPeriod: 10 }).where(eq(tasks.id, TASK));
    const history = applicable(await getTaskHistory(await actorFor("交通局"), TASK));
    expect(history.closedAfterPeriod).toBe(10);
    expect(history.periods.map((p) => [p.index, p.open, p.reportHref])).toEqual([
      [11, false, "/tasks/24/reports/11"], // submitted before the closing: still shown, read-only
      [10, true, "/reports/24/10"],
      [9, true, "/reports/24/9"],
    ]);
  });

  it("the overall row has no half-monthly reports", async () => {
    expect(await getTaskHistory(await actorFor("ducha"), 1)).toEqual({ applicable: false });
  });
});
