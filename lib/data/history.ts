/**
 * Data access for a task's history: its reports period by period (state columns only) and the
 * latest submitted version of each — never a draft's text. Plain queries.
 */
import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { progressReports, reportVersions } from "@/db/schema";

/** A task's report rows, state columns only (the draft text stays where it is). */
export async function listReportStatesOfTask(tx: Executor, taskId: number) {
  return tx
    .select({
      periodIndex: progressReports.periodIndex,
      status: progressReports.status,
      late: progressReports.late,
      version: progressReports.version,
      submissions: progressReports.submissions,
    })
    .from(progressReports)
    .where(eq(progressReports.taskId, taskId))
    .orderBy(asc(progressReports.periodIndex));
}

/** The latest submitted version of the task's report in each period. */
export async function listLatestVersionsOfTask(tx: Executor, taskId: number) {
  return tx
    .selectDistinctOn([progressReports.periodIndex], {
      periodIndex: progressReports.periodIndex,
      number: reportVersions.number,
      percent: reportVersions.percent,
      progressState: reportVersions.progressState,
      progress: reportVersions.progress,
      submittedAt: reportVersions.submittedAt,
      late: reportVersions.late,
      attachmentIds: reportVersions.attachmentIds,
    })
    .from(reportVersions)
    .innerJoin(progressReports, eq(progressReports.id, reportVersions.reportId))
    .where(eq(progressReports.taskId, taskId))
    .orderBy(asc(progressReports.periodIndex), desc(reportVersions.number));
}
