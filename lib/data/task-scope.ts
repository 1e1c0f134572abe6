/** SQL predicates for "which tasks concern this leader / unit", shared by every task query. */
import { sql, type SQL } from "drizzle-orm";
import { taskGroups, taskLeaders, tasks, taskUnits, unitGroupMembers, unitGroups } from "@/db/schema";

export function taskHasLeader(leaderId: number): SQL {
  return sql`exists (select 1 from ${taskLeaders} where ${taskLeaders.taskId} = ${tasks.id} and ${taskLeaders.leaderId} = ${leaderId})`;
}

/** The unit is named on the task directly or through a collective name (各苏木镇, 各地各部门). */
export function taskConcernsUnit(unitId: number, role?: "lead" | "cooperating"): SQL {
  const direct = role ? sql`and ${taskUnits.role} = ${role}` : sql``;
  const viaGroup = role ? sql`and ${taskGroups.role} = ${role}` : sql``;
  return sql`(exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.unitId} = ${unitId} ${direct})
    or exists (select 1 from ${taskGroups} join ${unitGroups} on ${unitGroups.id} = ${taskGroups.groupId}
      where ${taskGroups.taskId} = ${tasks.id} ${viaGroup}
        and (${unitGroups.scope} = 'all' or exists (select 1 from ${unitGroupMembers}
          where ${unitGroupMembers.groupId} = ${unitGroups.id} and ${unitGroupMembers.unitId} = ${unitId}))))`;
}
