/**
 * Secrets the app must store and read back (a TOTP secret, later others): sealed with AES-256-GCM
 * under a key derived by HKDF from the app's session secret, one key per purpose. A sealed value is
 * bound to its context (e.g. the user it belongs to): copied to another row, or altered by one bit,
 * it is refused rather than read.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key for one purpose, derived from the app secret (HKDF-SHA256). */
export function deriveKey(appSecret: string, purpose: string): Buffer {
  if (appSecret.length < 32) throw new Error("密钥过短：应用密钥至少 32 个字符");
  return Buffer.from(hkdfSync("sha256", appSecret, "luoshi", purpose, 32));
}

/** Encrypts `plain`; `context` is authenticated, not stored: opening needs the same context. */
export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plain text, or null when the value was altered, sealed under another key or for another context. */
export function open(key: Buffer, sealed: string, context: string): string | null {
  const [version, iv, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || iv === undefined || body === undefined || tag === undefined || rest.length > 0) return null;
  try {
    const ivBytes = Buffer.from(iv, "base64url");
    const tagBytes = Buffer.from(tag, "base64url");
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
