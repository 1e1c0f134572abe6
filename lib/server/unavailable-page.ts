/**
 * What the server answers itself while the database is down (pure): which requests, and the body.
 * Page and API reads get a 503 at once. Posts go through — server actions, sign-in and uploads
 * answer the message themselves, in the form their client understands — and so do Next.js's static
 * files and the health check.
 */
import { SERVICE_UNAVAILABLE_MESSAGE } from "./unavailable";

const PASS_THROUGH = ["/_next/", "/api/auth/", "/api/health", "/favicon.ico"];

export function answeredWhileDown(method: string | undefined, path: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const pathname = (path ?? "/").split("?")[0]!;
  return !PASS_THROUGH.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}

export interface UnavailableResponse {
  contentType: string;
  body: string;
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>服务暂时不可用 · 落实</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 6rem auto; padding: 0 1rem; text-align: center; color: #1c1917">
<main role="alert">
<h1 style="font-size: 1.5rem">${SERVICE_UNAVAILABLE_MESSAGE}</h1>
<p style="color: #57534e">数据库暂时无法连接，恢复后刷新本页即可继续使用。</p>
</main>
</body>
</html>
`;

export function unavailableResponse(path: string | undefined): UnavailableResponse {
  if ((path ?? "").startsWith("/api/")) {
    return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ ok: false, message: SERVICE_UNAVAILABLE_MESSAGE }) };
  }
  return { contentType: "text/html; charset=utf-8", body: PAGE };
}
