/**
 * Recovery codes: ten one-time codes such as `k7mq-x3pa-9d`, for when the phone is lost. Letters and
 * digits that read alike (0/o, 1/l/i) are left out; typing is forgiving (case, spaces, dashes).
 * Only a keyed hash (HMAC-SHA256, bound to the user) is stored.
 */
import { createHmac, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

export function generateRecoveryCode(): string {
  let raw = "";
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** The code as typed, reduced to its 10 characters; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const raw = typed.toLowerCase().replace(/[\s-]/g, "");
  if (raw.length !== LENGTH) return null;
  for (const ch of raw) if (!ALPHABET.includes(ch)) return null;
  return raw;
}

/** The stored form: HMAC of the user id and the code; null when the text cannot be a recovery code. */
export function hashRecoveryCode(key: Buffer, userId: number, typed: string): string | null {
  const raw = normalizeRecoveryCode(typed);
  return raw === null ? null : createHmac("sha256", key).update(`${userId}:${raw}`).digest("base64url");
}
