/**
 * A group robot's webhook (钉钉, 企业微信): a JSON message posted to it, sent only when the answer is 2xx and
 * its JSON says `errcode: 0` (both robots answer 200 with an errcode when they refuse a message).
 */
import type { DeliveryAnswer } from "../channels";
import { failure, httpAnswer, type SendSettings } from "./answer";
import { callGateway, isSuccessStatus } from "./http";

export async function postToRobot(robot: string, url: string, payload: unknown, settings: SendSettings): Promise<DeliveryAnswer> {
  const outcome = await callGateway(
    robot,
    { method: "POST", url, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(payload) },
    settings,
  );
  if (!outcome.answered) return outcome.failure;
  const answer = httpAnswer(outcome.status, outcome.body);
  if (!isSuccessStatus(outcome.status)) return { ok: false, answer };
  let said: unknown;
  try {
    said = JSON.parse(outcome.body);
  } catch {
    return failure(`${robot}的应答不是 JSON`, answer);
  }
  const errcode = typeof said === "object" && said !== null ? (said as { errcode?: unknown }).errcode : undefined;
  return { ok: errcode === 0, answer };
}
