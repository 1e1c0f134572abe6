/**
 * What the set-based raw queries over tasks share (leader dashboards, compliance matrix): the lead
 * units of a set of tasks, and each task's own schedule columns read back from a raw row.
 */
import { sql, type SQL } from "drizzle-orm";
import type { CadenceValue } from "@/db/schema";

/**
 * Lead units of the tasks in the query named `tasksCte` (which has an `id` column): named directly, or
 * members of a collective name with listed members. Rows of (task_id, unit_id).
 */
export function leadUnitsOf(tasksCte: string): SQL {
  const source = sql.identifier(tasksCte);
  return sql`
  select s.id as task_id, tu.unit_id from ${source} s join task_units tu on tu.task_id = s.id and tu.role = 'lead'
  union
  select s.id, m.unit_id from ${source} s
    join task_groups tg on tg.task_id = s.id and tg.role = 'lead'
    join unit_groups g on g.id = tg.group_id and g.scope = 'members'
    join unit_group_members m on m.group_id = g.id`;
}

/** A task's own schedule columns (plan, cadence, first period, 完成时限, closed after) as a raw query returns them. */
export type RawTaskSchedule = {
  plan_id: number;
  cadence: CadenceValue | null;
  reporting_start_period: number | null;
  due_on: string | null;
  closed_after_period: number | null;
};

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));

/** The same columns as the schedule rules name them. */
export function taskScheduleOf(row: RawTaskSchedule) {
  return {
    planId: Number(row.plan_id),
    cadence: row.cadence,
    reportingStartPeriod: numberOrNull(row.reporting_start_period),
    dueOn: row.due_on,
    closedAfterPeriod: numberOrNull(row.closed_after_period),
  };
}
