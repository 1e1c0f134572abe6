/** What a sender tells the administrator: the gateway's own answer, or why there was none, in at most 500 characters. */
import type { DeliveryAnswer } from "../channels";

/** What every sender is given besides the configuration and the message. */
export interface SendSettings {
  timeoutMs: number;
  now: () => number;
}

export const ANSWER_MAX = 500;

export function trimAnswer(text: string): string {
  return text.length <= ANSWER_MAX ? text : `${text.slice(0, ANSWER_MAX - 1)}…`;
}

/** The status and the body as the gateway sent them. */
export function httpAnswer(status: number, body: string): string {
  const said = body.trim();
  return trimAnswer(said === "" ? `HTTP ${status}` : `HTTP ${status}: ${said}`);
}

/** An error's message with its cause (fetch says only "fetch failed"; the cause says "connect ECONNREFUSED …"). */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const causeText = cause instanceof Error ? cause.message || (cause as { code?: string }).code || cause.name : undefined;
  return causeText && causeText !== error.message ? `${error.message}: ${causeText}` : error.message || error.name;
}

/** Not sent: a Chinese explanation and the error's own words. */
export function failure(explanation: string, error: unknown): DeliveryAnswer {
  return { ok: false, answer: trimAnswer(`${explanation}: ${errorMessage(error)}`) };
}
