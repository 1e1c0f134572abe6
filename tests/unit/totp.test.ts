import { Secret, TOTP, URI } from "otpauth";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, groupSecret, isFreshStep, totpCode, totpUri, verifyTotp } from "@/lib/auth/totp";

// RFC 6238 appendix B: the SHA1 secret "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;
const T = Date.UTC(2026, 11, 1, 4, 0, 15); // 15 s into a 30 s step
const STEP = Math.floor(T / 30_000);

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors (SHA1, 6 digits, 30 s)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
    expect(totpCode(RFC_SECRET, 20_000_000_000_000)).toBe("353130");
  });

  it("accepts the code of this step and of one step either side, returning its step", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T), T)).toBe(STEP);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - 30_000), T)).toBe(STEP - 1);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T + 30_000), T)).toBe(STEP + 1);
  });

  it("refuses codes two steps away, wrong codes, and anything that is not 6 digits; spaces are forgiven", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T - 60_000), T)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, T + 60_000), T)).toBeNull();
    const right = totpCode(RFC_SECRET, T);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotp(RFC_SECRET, wrong, T)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "", T)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "12345", T)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "abcdef", T)).toBeNull();
    expect(verifyTotp(RFC_SECRET, `${right.slice(0, 3)} ${right.slice(3)}`, T)).toBe(STEP);
  });

  it("a step is accepted once: only a step after the last accepted one is fresh", () => {
    expect(isFreshStep(STEP, null)).toBe(true);
    expect(isFreshStep(STEP, STEP - 1)).toBe(true);
    expect(isFreshStep(STEP, STEP)).toBe(false);
    expect(isFreshStep(STEP - 1, STEP)).toBe(false);
  });

  it("generates 160-bit base32 secrets, each different", () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it("writes the otpauth address an authenticator app reads: issuer 落实, the username, SHA1, 6 digits, 30 s", () => {
    const uri = totpUri(RFC_SECRET, "ducha");
    expect(uri.startsWith(`otpauth://totp/${encodeURIComponent("落实")}:ducha?`)).toBe(true);
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect({
      issuer: parsed.issuer,
      label: parsed.label,
      algorithm: parsed.algorithm,
      digits: parsed.digits,
      period: parsed.period,
      secret: parsed.secret.base32,
    }).toEqual({ issuer: "落实", label: "ducha", algorithm: "SHA1", digits: 6, period: 30, secret: RFC_SECRET });
  });

  it("shows the secret in groups of 4 for typing by hand", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
  });
});
