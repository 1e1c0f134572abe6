/** One HTTP request to a gateway, bounded by the timeout: its answer (whatever the status), or why there was none. */
import type { DeliveryAnswer } from "../channels";
import { failure, type SendSettings } from "./answer";

export type HttpOutcome = { answered: true; status: number; body: string } | { answered: false; failure: DeliveryAnswer };

export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** `gateway` names it in the explanation: 钉钉, 企业微信, 短信网关. */
export async function callGateway(gateway: string, request: HttpRequest, settings: SendSettings): Promise<HttpOutcome> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // Covers the body too: a gateway that answers its headers and then stalls is cut off as well.
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    return { answered: true, status: response.status, body: await response.text() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const explanation = timedOut ? `${gateway}在 ${settings.timeoutMs / 1000} 秒内没有应答` : `连接${gateway}失败`;
    return { answered: false, failure: failure(explanation, error) };
  }
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** `url` with `query` added to its query string (after `?` or `&`). */
export function appendQuery(url: string, query: string): string {
  if (query === "") return url;
  if (!url.includes("?")) return `${url}?${query}`;
  return url.endsWith("?") || url.endsWith("&") ? `${url}${query}` : `${url}&${query}`;
}
