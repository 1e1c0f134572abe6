/**
 * The answer of a public page (政务公开, no sign-in), made by a route handler so that it can carry its
 * own status and caching, which a page component cannot: 429 with Retry-After past the rate limit,
 * 404 for a plan whose page is not published, otherwise 200 with `Cache-Control: public, max-age`.
 * The HTML has no script, so its Content-Security-Policy allows none (stricter than the pages' nonce
 * policy; proxy.ts leaves it alone).
 */
import "server-only";
import { clientAddressOf } from "@/lib/server/client-address";
import { messagePage } from "@/lib/public-view/html";
import { tooManyMessage } from "@/lib/public-view/rate-limit";
import { countPublicRequest } from "@/lib/services/public-rate-limit";
import { publicViewSettings } from "@/lib/services/public-views";

export const PUBLIC_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const NOT_PUBLISHED = "该页面未公开或已撤回。";

function htmlResponse(body: string, status: number, headers: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PUBLIC_PAGE_CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      ...headers,
    },
  });
}

/** What a public page renders: its HTML, or null when there is no such page (404). */
export type PublicRender = () => Promise<string | null>;

/** Counts the request, then answers 429, 404 or the page. */
export async function answerPublicPage(request: Request, page: number | "index", render: PublicRender): Promise<Response> {
  const decision = await countPublicRequest(page, clientAddressOf(request.headers));
  if (!decision.allowed) {
    const retryAfter = decision.retryAfter ?? 1;
    return htmlResponse(messagePage("访问过于频繁", tooManyMessage(retryAfter)), 429, { "Retry-After": String(retryAfter), "Cache-Control": "no-store" });
  }
  const body = await render();
  if (body === null) return htmlResponse(messagePage("未找到公开页面", NOT_PUBLISHED), 404, { "Cache-Control": "no-store" });
  return htmlResponse(body, 200, { "Cache-Control": `public, max-age=${publicViewSettings().cacheSeconds}` });
}
