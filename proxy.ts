/**
 * The proxy only sets the pages' Content-Security-Policy (with a per-request nonce) and sends signed-out
 * visitors to the sign-in page. It is never the permission check: every page, server action and
 * route handler checks the signed-in user itself. Route handlers (/api/…) answer with their own
 * policy — a download's `default-src 'none'; sandbox` — which the page policy must not replace.
 */
import { NextResponse, type NextRequest } from "next/server";
import { CSRF_TOKEN_HEADER, csrfCookieName, csrfCookieSecure, csrfTokenOf, newCsrfCookie } from "@/lib/auth/csrf";
import { authSecret } from "@/lib/env";

// /open: the public progress pages (政务公开), served without sign-in by route handlers of their own.
const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health", "/open"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Route handlers set their own Content-Security-Policy (or need none: JSON is never rendered); so do the public pages (/open, no script). */
function isRouteHandler(pathname: string): boolean {
  return ["/api", "/open"].some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    const response = NextResponse.redirect(login);
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-pathname", pathname);
  headers.set("Content-Security-Policy", csp);
  // The sign-in form also posts without JavaScript: it needs next-auth's CSRF cookie and token.
  let csrfCookie: { name: string; value: string; secure: boolean } | undefined;
  if (pathname === "/login") {
    const secure = csrfCookieSecure(request.headers.get("x-forwarded-proto"));
    const name = csrfCookieName(secure);
    const token = await csrfTokenOf(request.cookies.get(name)?.value, authSecret());
    if (token) {
      headers.set(CSRF_TOKEN_HEADER, token);
    } else {
      const created = await newCsrfCookie(authSecret());
      headers.set(CSRF_TOKEN_HEADER, created.token);
      csrfCookie = { name, value: created.value, secure };
    }
  }
  const response = NextResponse.next({ request: { headers } });
  if (!isRouteHandler(pathname)) response.headers.set("Content-Security-Policy", csp);
  if (csrfCookie) {
    response.cookies.set(csrfCookie.name, csrfCookie.value, { httpOnly: true, sameSite: "lax", path: "/", secure: csrfCookie.secure });
  }
  return response;
}

export const config = { matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] }] };
