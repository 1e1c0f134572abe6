/**
 * Which outbox rows one in-app message makes for one recipient (pure):
 * - the channels the recipient chose for this kind of message (or the defaults: SMS when a mobile number
 *   is known, e-mail when an address is), those the administrator has set up, and those the recipient
 *   can be reached on (SMS needs a mobile number, e-mail an address; the robots post to their group);
 * - none left: one row `unconfigured` saying why (no channel set up at all: 「未配置渠道」), and the
 *   message stays in the app;
 * - 每日汇总 chosen, or the day's cap reached: the rows wait for the digest (`held`);
 * - otherwise `pending`: at once, SMS after the quiet hours.
 */
import type { ChannelKind } from "./channels";
import { digestDueAt, type QuietHours, smsDueAt } from "./timing";

export interface Recipient {
  userId: number;
  mobile: string | null;
  email: string | null;
  /** Message kind → channels chosen; a kind not named gets the defaults. */
  channels: Readonly<Record<string, readonly string[]>>;
  quiet: QuietHours;
  dailyDigest: boolean;
  dailyCap: number;
  /** Messages already sent or on their way to this recipient today (Beijing day). */
  sentToday: number;
}

export interface PlannedRow {
  userId: number;
  channel: ChannelKind | null;
  state: "pending" | "held" | "unconfigured";
  dueAt: Date;
  /** Why an `unconfigured` row was sent nowhere, for the delivery log. */
  reason?: string;
}

export const NO_CHANNEL_REASONS = {
  noneSetUp: "未配置渠道",
  noneChosen: "本人未选择发送渠道",
  noContact: "未填写手机号或电子邮箱",
  chosenNotSetUp: "所选渠道未配置",
  unreachable: "未填写所选渠道需要的联系方式",
} as const;

function whyNone(recipient: Recipient, kind: string, configured: ReadonlySet<ChannelKind>): string {
  if (configured.size === 0) return NO_CHANNEL_REASONS.noneSetUp;
  const chosen = chosenChannels(recipient, kind);
  if (chosen.length === 0) return recipient.channels[kind] ? NO_CHANNEL_REASONS.noneChosen : NO_CHANNEL_REASONS.noContact;
  if (!chosen.some((channel) => configured.has(channel))) return NO_CHANNEL_REASONS.chosenNotSetUp;
  return NO_CHANNEL_REASONS.unreachable;
}

const ORDER: readonly ChannelKind[] = ["dingtalk", "wecom", "sms", "email"];

export function defaultChannels(recipient: Pick<Recipient, "mobile" | "email">): ChannelKind[] {
  return [...(recipient.mobile ? (["sms"] as const) : []), ...(recipient.email ? (["email"] as const) : [])];
}

export function chosenChannels(recipient: Pick<Recipient, "mobile" | "email" | "channels">, kind: string): ChannelKind[] {
  const chosen = recipient.channels[kind];
  if (!chosen) return defaultChannels(recipient);
  return ORDER.filter((channel) => chosen.includes(channel));
}

function reachable(recipient: Pick<Recipient, "mobile" | "email">, channel: ChannelKind): boolean {
  if (channel === "sms") return Boolean(recipient.mobile);
  if (channel === "email") return Boolean(recipient.email);
  return true;
}

export function planDelivery(recipient: Recipient, kind: string, configured: ReadonlySet<ChannelKind>, at: Date): PlannedRow[] {
  const channels = chosenChannels(recipient, kind).filter((channel) => configured.has(channel) && reachable(recipient, channel));
  if (channels.length === 0)
    return [{ userId: recipient.userId, channel: null, state: "unconfigured", dueAt: at, reason: whyNone(recipient, kind, configured) }];
  if (recipient.dailyDigest || recipient.sentToday >= recipient.dailyCap) {
    const dueAt = digestDueAt(at, recipient.quiet);
    return channels.map((channel) => ({ userId: recipient.userId, channel, state: "held", dueAt }));
  }
  return channels.map((channel) => ({ userId: recipient.userId, channel, state: "pending", dueAt: channel === "sms" ? smsDueAt(at, recipient.quiet) : at }));
}
