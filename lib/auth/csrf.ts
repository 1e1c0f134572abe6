/**
 * next-auth's CSRF double-submit token for the sign-in form posted without JavaScript: the cookie
 * holds `token|sha256(token + secret)`, the form sends `token`. The proxy sets the cookie on /login when
 * it is missing and hands the token to the page (CSRF_TOKEN_HEADER); with JavaScript, `signIn()` reads
 * the same cookie through /api/auth/csrf. Names, hash and secure-cookie rule follow next-auth 4.
 */
export const CSRF_TOKEN_HEADER = "x-csrf-token";

/** next-auth's rule (core/index.ts, detect-origin): secure cookies when the site's origin is https. */
export function csrfCookieSecure(forwardedProto: string | null): boolean {
  const trustHost = process.env.VERCEL ?? process.env.AUTH_TRUST_HOST;
  const origin = process.env.NEXTAUTH_URL ?? (trustHost ? (forwardedProto === "http" ? "http://" : "https://") : "http://");
  return origin.startsWith("https://");
}

export function csrfCookieName(secure: boolean): string {
  return `${secure ? "__Host-" : ""}next-auth.csrf-token`;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The token of a cookie value signed with this secret, or null. */
export async function csrfTokenOf(cookieValue: string | undefined, secret: string): Promise<string | null> {
  const [token, hash] = (cookieValue ?? "").split("|");
  if (!token || !hash) return null;
  return (await sha256Hex(`${token}${secret}`)) === hash ? token : null;
}

export async function newCsrfCookie(secret: string): Promise<{ token: string; value: string }> {
  const token = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
  return { token, value: `${token}|${await sha256Hex(`${token}${secret}`)}` };
}
