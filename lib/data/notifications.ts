/**
 * Writing in-app notifications (the inbox and its unread count read them). Each one is also queued for
 * delivery beyond the app, in the same transaction (lib/delivery/enqueue.ts).
 */
import type { Executor } from "@/db";
import { notifications } from "@/db/schema";
import { now } from "@/lib/clock";
import { enqueueDeliveries } from "@/lib/delivery/enqueue";

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  createdBy: number | null;
  /** Defaults to the app's clock (`now()`), so a pinned demo or test clock dates the inbox too. */
  createdAt?: Date;
}

function rows<K extends "unitId" | "leaderId" | "userId">(key: K, ids: readonly number[], message: NewNotification) {
  const createdAt = message.createdAt ?? now();
  return [...new Set(ids)].map(
    (id) => ({ ...message, [key]: id, body: message.body ?? "", createdAt }) as NewNotification & Record<K, number> & { body: string; createdAt: Date },
  );
}

function queued(message: NewNotification) {
  return { kind: message.kind, title: message.title, body: message.body ?? "", link: message.link ?? null, createdAt: message.createdAt ?? now() };
}

/** One notification per unit: every account of the unit sees it (and is sent it, as each chose). */
export async function notifyUnits(tx: Executor, unitIds: readonly number[], message: NewNotification): Promise<void> {
  if (unitIds.length === 0) return;
  const createdAt = message.createdAt ?? now();
  await tx.insert(notifications).values(rows("unitId", unitIds, { ...message, createdAt }));
  await enqueueDeliveries(tx, { unitIds: [...new Set(unitIds)] }, queued({ ...message, createdAt }));
}

export async function notifyLeaders(tx: Executor, leaderIds: readonly number[], message: NewNotification): Promise<void> {
  if (leaderIds.length === 0) return;
  const createdAt = message.createdAt ?? now();
  await tx.insert(notifications).values(rows("leaderId", leaderIds, { ...message, createdAt }));
  await enqueueDeliveries(tx, { leaderIds: [...new Set(leaderIds)] }, queued({ ...message, createdAt }));
}

/**
 * `inAppOnly`: the inbox alone, nothing queued — for a message whose recipient must stay unknown to the
 * administrator (the answer to an anonymous 意见建议: the delivery log names each recipient).
 */
export async function notifyUsers(tx: Executor, userIds: readonly number[], message: NewNotification, options: { inAppOnly?: boolean } = {}): Promise<void> {
  if (userIds.length === 0) return;
  const createdAt = message.createdAt ?? now();
  await tx.insert(notifications).values(rows("userId", userIds, { ...message, createdAt }));
  if (options.inAppOnly) return;
  await enqueueDeliveries(tx, { userIds: [...new Set(userIds)] }, queued({ ...message, createdAt }));
}
