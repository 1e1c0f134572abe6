/**
 * 钉钉 (and 政务钉钉) custom group robot: a text message, @-ing the recipient's mobile. With 加签 the webhook
 * gets `timestamp` (ms) and `sign` = urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))),
 * as DingTalk documents it; the robot refuses a timestamp more than an hour off.
 */
import { createHmac } from "node:crypto";
import type { DeliveryAnswer, DingtalkConfig, OutgoingMessage } from "../channels";
import { messageText } from "../message-text";
import type { SendSettings } from "./answer";
import { appendQuery } from "./http";
import { postToRobot } from "./robot";

/** The `sign` parameter, already URL-encoded. */
export function dingtalkSign(secret: string, timestamp: number): string {
  const digest = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
  return encodeURIComponent(digest);
}

/** The webhook to post to: as configured, or signed at `timestamp` when the robot has a secret. */
export function dingtalkUrl(config: DingtalkConfig, timestamp: number): string {
  return config.secret === null ? config.webhook : appendQuery(config.webhook, `timestamp=${timestamp}&sign=${dingtalkSign(config.secret, timestamp)}`);
}

export function dingtalkPayload(message: OutgoingMessage) {
  const text = { content: messageText(message) };
  return message.mobile ? { msgtype: "text", text, at: { atMobiles: [message.mobile] } } : { msgtype: "text", text };
}

export function sendDingtalk(config: DingtalkConfig, message: OutgoingMessage, settings: SendSettings): Promise<DeliveryAnswer> {
  return postToRobot("钉钉", dingtalkUrl(config, settings.now()), dingtalkPayload(message), settings);
}
