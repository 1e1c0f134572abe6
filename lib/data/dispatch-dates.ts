/** The last dispatch (调度) date of each task: dispatch_tasks ⋈ dispatches, one query for any number of tasks. */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { intArray } from "./int-array";

/** taskId → the latest `held_on` (`YYYY-MM-DD`) of a dispatch meeting that discussed it; absent when never. */
export async function lastDispatchDates(executor: Executor, taskIds: readonly number[]): Promise<Map<number, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await executor.execute<{ task_id: number; held_on: string }>(sql`
    select dt.task_id, max(d.held_on) as held_on
    from dispatch_tasks dt join dispatches d on d.id = dt.dispatch_id
    where dt.task_id = any(${intArray(taskIds)})
    group by dt.task_id`);
  return new Map(rows.map((r) => [Number(r.task_id), r.held_on]));
}
