/** Data access for the supervision office's review queue. */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { progressReports, tasks, units } from "@/db/schema";

/** Reports submitted and not yet accepted or returned, oldest submission first. */
export async function listReportsAwaitingReview(planId: number) {
  return db
    .select({
      taskId: tasks.id,
      seq: tasks.seq,
      content: tasks.content,
      periodIndex: progressReports.periodIndex,
      unitName: units.name,
      percent: progressReports.percent,
      progressState: progressReports.progressState,
      submittedAt: progressReports.submittedAt,
      late: progressReports.late,
    })
    .from(progressReports)
    .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt), inArray(progressReports.status, ["submitted"])))
    .orderBy(asc(progressReports.submittedAt), desc(progressReports.periodIndex))
    .limit(200);
}
