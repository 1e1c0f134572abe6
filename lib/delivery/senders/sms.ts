/**
 * SMS over a provincial platform's HTTP interface: the parameter template filled with the recipient's mobile
 * and the message text, sent as a query string (GET), a form or a JSON body (POST). Sent when the answer is
 * 2xx and, when the platform's success text is configured, contains it (many answer 200 with an error code).
 */
import type { DeliveryAnswer, OutgoingMessage, SmsConfig } from "../channels";
import { messageText } from "../message-text";
import { fillFormTemplate, fillJsonTemplate, type SmsValues } from "../sms-template";
import { httpAnswer, type SendSettings, trimAnswer } from "./answer";
import { appendQuery, callGateway, type HttpRequest, isSuccessStatus } from "./http";

export function smsRequest(config: SmsConfig, values: SmsValues): HttpRequest {
  if (config.method === "GET") return { method: "GET", url: appendQuery(config.url, fillFormTemplate(config.template, values)) };
  if (config.encoding === "json") {
    return { method: "POST", url: config.url, headers: { "content-type": "application/json; charset=utf-8" }, body: fillJsonTemplate(config.template, values) };
  }
  return {
    method: "POST",
    url: config.url,
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body: fillFormTemplate(config.template, values),
  };
}

export async function sendSms(config: SmsConfig, message: OutgoingMessage, settings: SendSettings): Promise<DeliveryAnswer> {
  const mobile = message.mobile?.trim();
  if (!mobile) return { ok: false, answer: "收件人未填写手机号" };
  const outcome = await callGateway("短信网关", smsRequest(config, { mobile, text: messageText(message) }), settings);
  if (!outcome.answered) return outcome.failure;
  const answer = httpAnswer(outcome.status, outcome.body);
  if (!isSuccessStatus(outcome.status)) return { ok: false, answer };
  if (config.successText !== null && !outcome.body.includes(config.successText)) {
    return { ok: false, answer: trimAnswer(`应答中没有成功标志「${config.successText}」: ${answer}`) };
  }
  return { ok: true, answer };
}
