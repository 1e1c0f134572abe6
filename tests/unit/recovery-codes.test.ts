import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/recovery-codes";
import { deriveKey } from "@/lib/auth/secret-box";

const key = deriveKey("a-test-app-secret-that-is-long-enough-000", "recovery-codes");

describe("recovery codes", () => {
  it("ten different codes like abcd-efgh-jk, without characters that read alike", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
      expect(code).not.toMatch(/[01ilo]/);
    }
  });

  it("forgives case, spaces and dashes when typed; refuses anything else", () => {
    expect(normalizeRecoveryCode("K7MQ X3PA 9D")).toBe("k7mqx3pa9d");
    expect(normalizeRecoveryCode("k7mq-x3pa-9d")).toBe("k7mqx3pa9d");
    expect(normalizeRecoveryCode("k7mq-x3pa-9")).toBeNull();
    expect(normalizeRecoveryCode("k7mq-x3pa-9o")).toBeNull();
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });

  it("stores a keyed hash bound to the user: the same code typed differently matches, another user or key does not", () => {
    const hash = hashRecoveryCode(key, 7, "k7mq-x3pa-9d");
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain("k7mq");
    expect(hashRecoveryCode(key, 7, "K7MQX3PA9D")).toBe(hash);
    expect(hashRecoveryCode(key, 8, "k7mq-x3pa-9d")).not.toBe(hash);
    expect(hashRecoveryCode(deriveKey("another-app-secret-that-is-long-enough-1", "recovery-codes"), 7, "k7mq-x3pa-9d")).not.toBe(hash);
    expect(hashRecoveryCode(key, 7, "not a code")).toBeNull();
  });
});
