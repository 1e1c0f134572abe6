/** Data access for the deadline scan: which 即将到期 / 已逾期 items were already sent, and the scan's turn among workers. */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { deadlineMessages, workerRuns } from "@/db/schema";

/**
 * This worker's turn to run `job`, at most every `everyMs` (by `at`): true for exactly one of several
 * workers asking at once (an upsert that only moves the time forward when it is due).
 */
export async function claimJobRun(tx: Executor, job: string, at: Date, everyMs: number): Promise<boolean> {
  const before = new Date(at.getTime() - everyMs).toISOString();
  const rows = await tx
    .insert(workerRuns)
    .values({ job, lastRunAt: at })
    .onConflictDoUpdate({ target: workerRuns.job, set: { lastRunAt: at }, setWhere: sql`${workerRuns.lastRunAt} <= ${before}::timestamptz` })
    .returning({ job: workerRuns.job });
  return rows.length > 0;
}

export interface DeadlineKey {
  unitId: number;
  taskId: number;
  periodIndex: number;
  owes: string;
  kind: string;
}

/** Records the items; returns those not recorded before (the ones to send now). */
export async function recordDeadlineItems(tx: Executor, keys: readonly DeadlineKey[], at: Date): Promise<DeadlineKey[]> {
  if (keys.length === 0) return [];
  return tx
    .insert(deadlineMessages)
    .values(keys.map((k) => ({ ...k, createdAt: at })))
    .onConflictDoNothing()
    .returning({
      unitId: deadlineMessages.unitId,
      taskId: deadlineMessages.taskId,
      periodIndex: deadlineMessages.periodIndex,
      owes: deadlineMessages.owes,
      kind: deadlineMessages.kind,
    });
}
