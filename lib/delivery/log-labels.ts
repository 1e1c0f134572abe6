/** How the delivery log names a message's state and channel (Chinese, one place). */
import type { DeliveryLogFilter } from "@/lib/data/outbox";
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind } from "./channels";

export const OUTBOX_STATES = ["pending", "sent", "failed", "held", "digested", "unconfigured"] as const;
export type OutboxStateName = (typeof OUTBOX_STATES)[number];

export const OUTBOX_STATE_LABELS: Record<OutboxStateName, string> = {
  pending: "待发送",
  sent: "已发送",
  failed: "发送失败",
  held: "待汇总",
  digested: "已汇总发送",
  unconfigured: "未配置渠道",
};

export function channelLabel(channel: ChannelKind | null): string {
  return channel ? CHANNEL_LABELS[channel] : "—";
}

/** The log's filter from the URL: unknown values are ignored. */
export function parseDeliveryLogFilter(params: Record<string, string | string[] | undefined>): DeliveryLogFilter {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const state = first("state");
  const channel = first("channel");
  return {
    ...((OUTBOX_STATES as readonly string[]).includes(state ?? "") ? { state: state as OutboxStateName } : {}),
    ...((CHANNEL_KINDS as readonly string[]).includes(channel ?? "") ? { channel: channel as ChannelKind } : {}),
  };
}
