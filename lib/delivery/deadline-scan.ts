/**
 * The worker's deadline scan: every 15 minutes (one worker of several), what units owe in the half month
 * under way and the one before, in the plans being worked on; each item due within 3 days (即将到期) or
 * past due (已逾期) is messaged once, one message per unit and kind. The messages are in-app notifications,
 * so they reach the outbox like every other.
 */
import { db } from "@/db";
import { claimJobRun, recordDeadlineItems } from "@/lib/data/deadline-messages";
import { notifyUnits } from "@/lib/data/notifications";
import { periodAt } from "@/lib/periods";
import { loadLivePlans } from "@/lib/plans/live";
import { computeOwed, reminderPeriods, reminderScope } from "@/lib/services/reminders";
import { type DeadlineItem, deadlineItems, deadlineMessage, type DeadlineKind } from "./deadline-rules";

export const DEADLINE_SCAN_EVERY_MS = 15 * 60_000;

const keyOf = (d: Pick<DeadlineItem, "unitId" | "periodIndex" | "kind"> & { item: { taskId: number; owes: string } }) =>
  `${d.unitId}:${d.item.taskId}:${d.periodIndex}:${d.item.owes}:${d.kind}`;

/** Runs the scan if it is this worker's turn; returns the number of messages written. */
export async function scanDeadlines(at: Date): Promise<number> {
  if (!(await claimJobRun(db, "deadlines", at, DEADLINE_SCAN_EVERY_MS))) return 0;
  const current = periodAt(at).index;
  const found: DeadlineItem[] = [];
  for (const plan of reminderScope(await loadLivePlans(db), at)) {
    const periods = reminderPeriods(plan, at).filter((p) => p === current || p === current - 1);
    for (const periodIndex of periods) found.push(...deadlineItems(await computeOwed(plan, periodIndex, { at }), periodIndex, at));
  }
  if (found.length === 0) return 0;
  return db.transaction(async (tx) => {
    const fresh = new Set(
      (
        await recordDeadlineItems(
          tx,
          found.map((d) => ({ unitId: d.unitId, taskId: d.item.taskId, periodIndex: d.periodIndex, owes: d.item.owes, kind: d.kind })),
          at,
        )
      ).map((k) => `${k.unitId}:${k.taskId}:${k.periodIndex}:${k.owes}:${k.kind}`),
    );
    const byUnitAndKind = new Map<string, DeadlineItem[]>();
    for (const d of found.filter((d) => fresh.has(keyOf(d)))) {
      const key = `${d.unitId}:${d.kind}`;
      byUnitAndKind.set(key, [...(byUnitAndKind.get(key) ?? []), d]);
    }
    for (const items of byUnitAndKind.values()) {
      const { title, body } = deadlineMessage(items[0]!.kind as DeadlineKind, items);
      await notifyUnits(tx, [items[0]!.unitId], { kind: items[0]!.kind, title, body, link: "/unit", createdBy: null, createdAt: at });
    }
    return byUnitAndKind.size;
  });
}
