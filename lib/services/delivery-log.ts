/**
 * 发送记录 (the administrator): every message that left or tried to leave the app — message, channel,
 * recipient, state, attempts, the gateway's last answer — newest first, paged and filtered; and 重新发送.
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { countDeliveryLog, type DeliveryLogFilter, getOutboxRow, insertResend, listDeliveryLog } from "@/lib/data/outbox";
import { DomainError, notFound } from "@/lib/errors";
import { pageBounds, type PageSize } from "@/lib/paging";
import { assertCan } from "@/lib/policies";
import { mutation } from "./mutation";

export async function getDeliveryLog(actor: Actor, input: { filter?: DeliveryLogFilter; page?: number; size?: PageSize } = {}) {
  assertCan(actor, "admin.manage");
  const filter = input.filter ?? {};
  const total = await countDeliveryLog(db, filter);
  const bounds = pageBounds(total, { page: input.page ?? 1, size: input.size ?? 50 });
  const rows = await listDeliveryLog(db, filter, bounds);
  return { rows, total, page: bounds.page, pages: bounds.pages };
}

export const RESENDABLE = ["sent", "failed"] as const;

/** 重新发送: the message again on the same channel to the same person, as a new row due at once. */
export async function resendDelivery(actor: Actor, input: { id: number }, ip: string | null = null): Promise<{ id: number }> {
  assertCan(actor, "admin.manage");
  return mutation(actor, { action: "delivery.resend", entity: "outbox_message", ip }, async (tx, audit) => {
    const row = await getOutboxRow(tx, input.id);
    if (!row) throw notFound("没有这条发送记录");
    if (!row.channel || !(RESENDABLE as readonly string[]).includes(row.state)) throw new DomainError("invalid", "只有已发送或发送失败的消息可以重新发送");
    const id = await insertResend(tx, row, now());
    await audit({ entityId: String(row.id), after: { resentAs: id, channel: row.channel } });
    return { id };
  });
}
