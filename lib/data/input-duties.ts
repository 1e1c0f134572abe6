/**
 * The one rule for who owes an input (配合进展) on a task: a unit named as cooperating unit, directly
 * or as a member of a collective name with listed members (各苏木镇), not also a lead unit of the
 * task, and whose input the lead unit does not collect (由牵头单位汇总, `collected_inputs`). A name
 * that stands for every unit (各地各部门) obliges no one in particular. Every query that derives owed
 * inputs — the workspace, 催办 and the deadline scan (listCooperatingDuties), the lead unit's
 * report form, the burden meter — goes through here.
 */
import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import { collectedInputs, taskGroups, tasks, taskUnits, unitGroupMembers, unitGroups, units } from "@/db/schema";

/** (task_id, unit_id) named in a role on the tasks `taskIds` selects (a subquery or a list). */
export function namedInRole(role: "lead" | "cooperating", taskIds: SQL): SQL {
  return sql`
    select ${q(taskUnits.taskId)} as task_id, ${q(taskUnits.unitId)} as unit_id from ${taskUnits}
      where ${q(taskUnits.role)} = ${role} and ${q(taskUnits.taskId)} in (${taskIds})
    union
    select ${q(taskGroups.taskId)}, ${q(unitGroupMembers.unitId)} from ${taskGroups}
      join ${unitGroups} on ${q(unitGroups.id)} = ${q(taskGroups.groupId)} and ${q(unitGroups.scope)} = 'members'
      join ${unitGroupMembers} on ${q(unitGroupMembers.groupId)} = ${q(unitGroups.id)}
      where ${q(taskGroups.role)} = ${role} and ${q(taskGroups.taskId)} in (${taskIds})`;
}

/**
 * Rows (task_id, unit_id): every unit owing an input on the tasks `taskIds` selects (a subquery such
 * as `select id from tasks where plan_id = 3`, or a list of ids), for use as a CTE.
 */
export function owingInputs(taskIds: SQL): SQL {
  return sql`(${namedInRole("cooperating", taskIds)}) except (${namedInRole("lead", taskIds)})
    except (select ${q(collectedInputs.taskId)}, ${q(collectedInputs.unitId)} from ${collectedInputs} where ${q(collectedInputs.taskId)} in (${taskIds}))`;
}

/** The lead unit collects this unit's input on the task (for a query over `tasks`, the unit fixed). */
export function inputCollected(taskId: SQL, unitId: number): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${collectedInputs} where ${q(collectedInputs.taskId)} = ${taskId} and ${q(collectedInputs.unitId)} = ${unitId})`;
}

/** The units owing an input on one task, by id. */
export async function listInputOwingUnitIds(tx: Executor, taskId: number): Promise<number[]> {
  const rows = await tx.execute<{ unit_id: number }>(sql`select unit_id from (${owingInputs(sql`${taskId}::int`)}) owing order by unit_id`);
  return rows.map((r) => Number(r.unit_id));
}

/** The units whose input on the task the lead unit collects, by name order. */
export async function listCollectedUnits(tx: Executor, taskId: number): Promise<{ id: number; name: string }[]> {
  return tx
    .select({ id: units.id, name: units.name })
    .from(collectedInputs)
    .innerJoin(units, eq(units.id, collectedInputs.unitId))
    .where(eq(collectedInputs.taskId, taskId))
    .orderBy(asc(units.name));
}

export async function findCollectedInput(tx: Executor, taskId: number, unitId: number) {
  const [row] = await tx
    .select({ taskId: collectedInputs.taskId, unitId: collectedInputs.unitId, createdAt: collectedInputs.createdAt })
    .from(collectedInputs)
    .where(and(eq(collectedInputs.taskId, taskId), eq(collectedInputs.unitId, unitId)))
    .limit(1);
  return row ?? null;
}

export async function insertCollectedInput(tx: Executor, values: { taskId: number; unitId: number; createdBy: number; createdAt: Date }) {
  await tx.insert(collectedInputs).values(values).onConflictDoNothing();
}

export async function deleteCollectedInput(tx: Executor, taskId: number, unitId: number) {
  await tx.delete(collectedInputs).where(and(eq(collectedInputs.taskId, taskId), eq(collectedInputs.unitId, unitId)));
}

/** The tasks of some plans on which the lead unit collects this unit's input, by task number. */
export async function listCollectedTasksOfUnit(tx: Executor, planIds: readonly number[], unitId: number) {
  if (planIds.length === 0) return [];
  return tx
    .select({ taskId: tasks.id, seq: tasks.seq, content: tasks.content })
    .from(collectedInputs)
    .innerJoin(tasks, eq(tasks.id, collectedInputs.taskId))
    .where(and(eq(collectedInputs.unitId, unitId), inArray(tasks.planId, [...planIds])))
    .orderBy(asc(tasks.planId), asc(tasks.seq));
}
