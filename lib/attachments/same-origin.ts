/**
 * CSRF protection for route handlers (which get none from Next.js): a state-changing request
 * must come from this site's own pages — `Origin` naming this host, or `Sec-Fetch-Site: same-origin`.
 * A request that says neither is refused. Pure: reads the request's headers only.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const host = expectedHost(request);
    try {
      return origin !== "null" && host !== null && new URL(origin).host.toLowerCase() === host;
    } catch {
      return false;
    }
  }
  return site === "same-origin";
}

/**
 * The host the browser addressed: X-Forwarded-Host, else Host, else the URL's. The server (scripts/server.ts)
 * keeps X-Forwarded-Host only from a trusted proxy; from anyone else Next.js sets it to Host.
 */
function expectedHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host")?.trim();
  if (host) return host.toLowerCase();
  try {
    return new URL(request.url).host.toLowerCase();
  } catch {
    return null;
  }
}
