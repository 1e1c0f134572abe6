/** One half month's reports for every task of a plan: the rows the overview and the circular count. */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { leaders, plans, progressReports, taskGroups, taskLeaders, tasks, taskUnits, unitGroupMembers, unitGroups, units } from "@/db/schema";

/** Lead units as ids and names: named directly, or members of a collective name (not "every unit"). */
const leadUnits = sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name) from (
    select ${q(units.id)} as id, ${q(units.name)} as name from ${taskUnits} join ${units} on ${q(units.id)} = ${q(taskUnits.unitId)}
      where ${q(taskUnits.taskId)} = ${q(tasks.id)} and ${q(taskUnits.role)} = 'lead'
    union
    select ${q(units.id)}, ${q(units.name)} from ${taskGroups}
      join ${unitGroups} on ${q(unitGroups.id)} = ${q(taskGroups.groupId)} and ${q(unitGroups.scope)} = 'members'
      join ${unitGroupMembers} on ${q(unitGroupMembers.groupId)} = ${q(unitGroups.id)}
      join ${units} on ${q(units.id)} = ${q(unitGroupMembers.unitId)}
      where ${q(taskGroups.taskId)} = ${q(tasks.id)} and ${q(taskGroups.role)} = 'lead') u), '[]'::json)`;

const taskLeaderList = sql<
  { id: number; name: string }[]
>`coalesce((select json_agg(json_build_object('id', ${q(leaders.id)}, 'name', ${q(leaders.name)}) order by ${q(taskLeaders.position)})
  from ${taskLeaders} join ${leaders} on ${q(leaders.id)} = ${q(taskLeaders.leaderId)} where ${q(taskLeaders.taskId)} = ${q(tasks.id)}), '[]'::json)`;

/**
 * Every ordinary task of the plan with its report in any of `periodIndexes` (a half month and the
 * weeks ending in it: each task's cadence decides which one counts, lib/services/period-status.ts).
 * A task has one row per matching report, or one row without a report. One query.
 */
export async function loadPeriodRows(planId: number, periodIndexes: readonly number[], executor: Executor = db) {
  return executor
    .select({
      taskId: tasks.id,
      seq: tasks.seq,
      content: tasks.content,
      closedAfterPeriod: tasks.closedAfterPeriod,
      cadence: tasks.cadence,
      taskStartPeriod: tasks.reportingStartPeriod,
      planCadence: plans.cadence,
      dueOn: tasks.dueOn,
      periodIndex: progressReports.periodIndex,
      leaders: taskLeaderList,
      leadUnits,
      reportId: progressReports.id,
      status: progressReports.status,
      late: progressReports.late,
      submittedAt: progressReports.submittedAt,
      percent: progressReports.percent,
      progressState: progressReports.progressState,
      returnReason: progressReports.returnReason,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .leftJoin(progressReports, and(eq(progressReports.taskId, tasks.id), inArray(progressReports.periodIndex, [...periodIndexes])))
    .where(and(eq(tasks.planId, planId), eq(tasks.overall, false), isNull(tasks.archivedAt)))
    .orderBy(asc(tasks.seq));
}
