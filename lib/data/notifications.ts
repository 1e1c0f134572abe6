/** Writing in-app notifications (the inbox and its unread count read them). */
import type { Executor } from "@/db";
import { notifications } from "@/db/schema";

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  createdBy: number | null;
}

/** One notification per unit: every account of the unit sees it. */
export async function notifyUnits(tx: Executor, unitIds: readonly number[], message: NewNotification): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.insert(notifications).values([...new Set(unitIds)].map((unitId) => ({ unitId, ...message, body: message.body ?? "" })));
}

export async function notifyLeaders(tx: Executor, leaderIds: readonly number[], message: NewNotification): Promise<void> {
  if (leaderIds.length === 0) return;
  await tx.insert(notifications).values([...new Set(leaderIds)].map((leaderId) => ({ leaderId, ...message, body: message.body ?? "" })));
}

export async function notifyUsers(tx: Executor, userIds: readonly number[], message: NewNotification): Promise<void> {
  if (userIds.length === 0) return;
  await tx.insert(notifications).values([...new Set(userIds)].map((userId) => ({ userId, ...message, body: message.body ?? "" })));
}
