/**
 * Device cookies (OWASP): after a successful sign-in the browser gets a signed cookie naming the
 * account and a random device id. A later attempt for that account from that browser is counted
 * against the device only (lib/auth/throttle.ts). One browser may be known to a few accounts (an
 * office PC shared by the filer and the head), so the cookie holds up to MAX_ENTRIES entries.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "luoshi-device";
/** Sent with sign-in requests only. */
export const DEVICE_COOKIE_PATH = "/api/auth";
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;
const MAX_ENTRIES = 5;

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`luoshi device cookie\u0000${payload}`).digest("base64url");
}

function entries(cookie: string | undefined, secret: string): { username: string; device: string; raw: string }[] {
  if (!cookie) return [];
  const result: { username: string; device: string; raw: string }[] = [];
  for (const raw of cookie.split("~").slice(0, MAX_ENTRIES)) {
    const [payload, sig] = raw.split(".");
    if (!payload || !sig) continue;
    const expected = Buffer.from(signature(secret, payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) continue;
    try {
      const { u, d } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; d?: unknown };
      if (typeof u === "string" && typeof d === "string") result.push({ username: u, device: d, raw });
    } catch {
      // not ours
    }
  }
  return result;
}

/** The device id this browser holds for the account, when its cookie is genuine. */
export function knownDevice(cookie: string | undefined, username: string, secret: string): string | null {
  return entries(cookie, secret).find((e) => e.username === username)?.device ?? null;
}

/** The cookie after a successful sign-in: this account's entry first (kept, or new), others after. */
export function rememberDevice(cookie: string | undefined, username: string, secret: string): { value: string; device: string } {
  const all = entries(cookie, secret);
  const mine = all.find((e) => e.username === username);
  const device = mine?.device ?? randomBytes(16).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ u: username, d: device })).toString("base64url");
  const entry = mine?.raw ?? `${payload}.${signature(secret, payload)}`;
  const others = all.filter((e) => e.username !== username).map((e) => e.raw);
  return { value: [entry, ...others].slice(0, MAX_ENTRIES).join("~"), device };
}
