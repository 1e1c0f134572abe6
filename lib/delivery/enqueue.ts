/**
 * The outbox's door: every in-app message (lib/data/notifications.ts) also becomes outbox rows for its
 * recipients, in the same transaction, so a message is queued exactly when the change that caused it
 * commits. Sending happens later, in the worker (lib/delivery/worker.ts): a gateway that is down never
 * blocks or rolls back the action.
 */
import type { Executor } from "@/db";
import { insertOutboxRows, listEnabledChannelKinds, loadRecipients, type RecipientsOf } from "@/lib/data/outbox";
import { planDelivery } from "./plan";
import { dayStart } from "./timing";

export interface QueuedMessage {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

export async function enqueueDeliveries(tx: Executor, of: RecipientsOf, message: QueuedMessage): Promise<void> {
  const [recipients, configured] = await Promise.all([loadRecipients(tx, of, dayStart(message.createdAt)), listEnabledChannelKinds(tx)]);
  const rows = recipients.flatMap((recipient) => planDelivery(recipient, message.kind, configured, message.createdAt));
  await insertOutboxRows(tx, rows, message);
}
