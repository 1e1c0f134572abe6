/**
 * Time-based one-time codes (RFC 6238) as every authenticator app reads them: SHA1, 6 digits, 30 s.
 * A code is accepted one step early or late (clock drift) and only once: its step must come after the
 * last step this account used. Pure: the time is an argument.
 */
import { Secret, TOTP } from "otpauth";

export const TOTP_ISSUER = "落实";
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;

function totpFor(secret: string, username = "") {
  return new TOTP({ issuer: TOTP_ISSUER, label: username, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: DIGITS, period: PERIOD_SECONDS });
}

/** A new secret: 20 random bytes, base32 (32 characters). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** The secret in groups of 4 for typing it in by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The current code (what the authenticator app shows at `at`). */
export function totpCode(secret: string, at: number): string {
  return totpFor(secret).generate({ timestamp: at });
}

/** Spaces removed: 「123 456」 is typed as often as 「123456」. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export const looksLikeTotpCode = (code: string) => new RegExp(`^\\d{${DIGITS}}$`).test(normalizeCode(code));

/** The time step of the code, when it is right within ±1 step of `at`; null when it is wrong. */
export function verifyTotp(secret: string, code: string, at: number): number | null {
  const token = normalizeCode(code);
  if (!looksLikeTotpCode(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: at,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: at }) + delta;
}

/** A step is usable once: it must come after the last accepted one. */
export function isFreshStep(step: number, lastStep: number | null): boolean {
  return lastStep === null || step > lastStep;
}
