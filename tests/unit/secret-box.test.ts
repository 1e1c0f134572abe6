import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "@/lib/auth/secret-box";

const APP_SECRET = "a-test-app-secret-that-is-long-enough-000";
const key = deriveKey(APP_SECRET, "totp-secret");

describe("the secret box", () => {
  it("opens what it sealed, and each seal is different (random IV)", () => {
    const a = seal(key, "JBSWY3DPEHPK3PXP", "user:7");
    const b = seal(key, "JBSWY3DPEHPK3PXP", "user:7");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(key, a, "user:7")).toBe("JBSWY3DPEHPK3PXP");
    expect(open(key, b, "user:7")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a value altered anywhere (IV, body or tag)", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user:7");
    const parts = sealed.split(".");
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      const tampered = parts.map((part, i) => (i === index ? bytes.toString("base64url") : part)).join(".");
      expect(open(key, tampered, "user:7")).toBeNull();
    }
    expect(open(key, sealed.slice(0, -2), "user:7")).toBeNull();
    expect(open(key, `${sealed}.x`, "user:7")).toBeNull();
    expect(open(key, `v2${sealed.slice(2)}`, "user:7")).toBeNull();
    expect(open(key, "not sealed at all", "user:7")).toBeNull();
  });

  it("refuses a value copied to another context (another user's row)", () => {
    expect(open(key, seal(key, "JBSWY3DPEHPK3PXP", "user:7"), "user:8")).toBeNull();
  });

  it("refuses a value sealed under another key: another purpose or another app secret", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user:7");
    expect(open(deriveKey(APP_SECRET, "other-purpose"), sealed, "user:7")).toBeNull();
    expect(open(deriveKey(`${APP_SECRET}x`, "totp-secret"), sealed, "user:7")).toBeNull();
  });

  it("derives 32-byte keys, one per purpose, and refuses a short app secret", () => {
    expect(key).toHaveLength(32);
    expect(deriveKey(APP_SECRET, "totp-secret").equals(key)).toBe(true);
    expect(deriveKey(APP_SECRET, "recovery-codes").equals(key)).toBe(false);
    expect(() => deriveKey("short", "totp-secret")).toThrow();
  });
});
