/**
 * Sends one message to one recipient on one channel (issue 16). Never throws: whatever happens (no answer,
 * a refusal, a network error) comes back as `{ ok: false, answer }` for the outbox to record and retry.
 */
import type { ChannelConfig, DeliveryAnswer, OutgoingMessage } from "./channels";
import { failure, type SendSettings } from "./senders/answer";
import { sendDingtalk } from "./senders/dingtalk";
import { sendEmail } from "./senders/email";
import { sendSms } from "./senders/sms";
import { sendWecom } from "./senders/wecom";

/** How long one gateway may take (connecting, answering), unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  timeoutMs?: number;
  /** The clock of DingTalk's signature timestamp (ms since the epoch). */
  now?: () => number;
}

function send(config: ChannelConfig, message: OutgoingMessage, settings: SendSettings): Promise<DeliveryAnswer> {
  switch (config.kind) {
    case "dingtalk":
      return sendDingtalk(config, message, settings);
    case "wecom":
      return sendWecom(config, message, settings);
    case "sms":
      return sendSms(config, message, settings);
    case "email":
      return sendEmail(config, message, settings);
    default:
      // A configuration stored by a later version, read by this one.
      return Promise.resolve({ ok: false, answer: `未知的发送渠道: ${String((config as { kind: unknown }).kind)}` });
  }
}

export async function deliver(config: ChannelConfig, message: OutgoingMessage, options?: DeliverOptions): Promise<DeliveryAnswer> {
  const settings: SendSettings = { timeoutMs: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS, now: options?.now ?? Date.now };
  try {
    return await send(config, message, settings);
  } catch (error) {
    return failure("发送时出错", error);
  }
}
