/** 企业微信 group robot: a text message, mentioning the recipient by mobile. */
import type { DeliveryAnswer, OutgoingMessage, WecomConfig } from "../channels";
import { messageText } from "../message-text";
import type { SendSettings } from "./answer";
import { postToRobot } from "./robot";

export function wecomPayload(message: OutgoingMessage) {
  const content = messageText(message);
  return { msgtype: "text", text: message.mobile ? { content, mentioned_mobile_list: [message.mobile] } : { content } };
}

export function sendWecom(config: WecomConfig, message: OutgoingMessage, settings: SendSettings): Promise<DeliveryAnswer> {
  return postToRobot("企业微信", config.webhook, wecomPayload(message), settings);
}
