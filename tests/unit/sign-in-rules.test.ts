import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { knownDevice, rememberDevice } from "@/lib/auth/device-cookie";
import { ensureSecretFile } from "@/lib/auth/secret-file";
import { PUBLISHED_SECRETS, secretProblem } from "@/lib/auth/secret-policy";
import { normalizeUsername, SIGN_IN_LIMITS, throttleReason, type FailureCounts } from "@/lib/auth/throttle";
import { describeUserAgent } from "@/lib/auth/user-agent";

const none: FailureCounts = { byDevice: 0, byAccountAndAddress: 0, byAccount: 0, byAddress: 0 };

describe("throttling sign-in attempts", () => {
  it("limits unknown browsers per account and address, per account, and per address", () => {
    expect(throttleReason(none, false)).toBeNull();
    expect(throttleReason({ ...none, byAccountAndAddress: SIGN_IN_LIMITS.perAccountAndAddress - 1 }, false)).toBeNull();
    expect(throttleReason({ ...none, byAccountAndAddress: SIGN_IN_LIMITS.perAccountAndAddress }, false)).toBe("account_address");
    expect(throttleReason({ ...none, byAccount: SIGN_IN_LIMITS.perAccount }, false)).toBe("account");
    expect(throttleReason({ ...none, byAddress: SIGN_IN_LIMITS.perAddress }, false)).toBe("address");
  });

  it("a known browser is limited by its own failures only", () => {
    const stranger = { byDevice: 0, byAccountAndAddress: 99, byAccount: 99, byAddress: 99 };
    expect(throttleReason(stranger, true)).toBeNull();
    expect(throttleReason({ ...none, byDevice: SIGN_IN_LIMITS.perDevice }, true)).toBe("device");
  });

  it("five guesses from five addresses do not reach any limit", () => {
    expect(throttleReason({ ...none, byAccountAndAddress: 1, byAccount: 5, byAddress: 1 }, false)).toBeNull();
  });

  it("counts what was typed without surrounding spaces", () => {
    expect(normalizeUsername("  交通局\t")).toBe("交通局");
    expect(normalizeUsername("农牧局-填报")).toBe("农牧局-填报");
  });
});

describe("device cookies", () => {
  const secret = `${"s".repeat(16)}0123456789abcdef`;

  it("a browser becomes known to the account it signed in to, and stays so", () => {
    const first = rememberDevice(undefined, "交通局", secret);
    expect(knownDevice(first.value, "交通局", secret)).toBe(first.device);
    expect(knownDevice(first.value, "农牧局", secret)).toBeNull();
    const again = rememberDevice(first.value, "交通局", secret);
    expect(again.device).toBe(first.device);
    expect(again.value).toBe(first.value);
  });

  it("one browser may be known to a few accounts (a shared office PC)", () => {
    const a = rememberDevice(undefined, "农牧局", secret);
    const b = rememberDevice(a.value, "农牧局-填报", secret);
    expect(knownDevice(b.value, "农牧局", secret)).toBe(a.device);
    expect(knownDevice(b.value, "农牧局-填报", secret)).toBe(b.device);
    let value = b.value;
    for (let i = 0; i < 10; i++) value = rememberDevice(value, `u${i}`, secret).value;
    expect(value.split("~")).toHaveLength(5);
    expect(knownDevice(value, "u9", secret)).not.toBeNull();
  });

  it("is worthless when forged, tampered with, or signed with another secret", () => {
    const { value } = rememberDevice(undefined, "交通局", secret);
    expect(knownDevice(value, "交通局", `${secret}x`)).toBeNull();
    const [payload, sig] = value.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ u: "农牧局", d: "x" })).toString("base64url");
    expect(knownDevice(`${otherPayload}.${sig}`, "农牧局", secret)).toBeNull();
    expect(knownDevice(`${payload}.${sig!.slice(0, -2)}AA`, "交通局", secret)).toBeNull();
    expect(knownDevice("garbage", "交通局", secret)).toBeNull();
    expect(knownDevice("", "交通局", secret)).toBeNull();
  });
});

describe("the session secret", () => {
  it("refuses missing, short, weak and published secrets", () => {
    expect(secretProblem(undefined)).toBe("missing");
    expect(secretProblem("")).toBe("missing");
    expect(secretProblem("x".repeat(31))).toBe("short");
    expect(secretProblem("a".repeat(64))).toBe("weak");
    expect(secretProblem("changemechangemechangemechangeme")).toBe("weak");
    for (const published of PUBLISHED_SECRETS) expect(secretProblem(published)).toBe("published");
    expect(secretProblem("luoshi-demo-secret-change-me-in-production-0001")).toBe("published");
    expect(secretProblem("Qm9vdHN0cmFwIHNlY3JldCBmb3IgdGVzdHMgb25seQ")).toBeNull();
  });

  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("is generated on first start, kept in the data folder for its owner only, and reused", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-secret-"));
    dirs.push(dir);
    const first = ensureSecretFile(path.join(dir, "data"));
    expect(first.created).toBe(true);
    expect(secretProblem(first.secret)).toBeNull();
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const second = ensureSecretFile(path.join(dir, "data"));
    expect(second).toMatchObject({ created: false, secret: first.secret });
    const other = mkdtempSync(path.join(tmpdir(), "luoshi-secret-"));
    dirs.push(other);
    expect(ensureSecretFile(other).secret).not.toBe(first.secret);
  });

  it("a kept secret that is not acceptable stops the start with a way out", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-secret-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "auth-secret"), "luoshi-demo-secret-change-me-in-production-0001\n");
    expect(() => ensureSecretFile(dir)).toThrow(/删除该文件后重新启动/);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8")).toContain("luoshi-demo");
  });
});

describe("naming a signed-in browser", () => {
  it("says browser, major version and system", () => {
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36")).toBe(
      "Chrome 120 · Windows",
    );
    expect(
      describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61"),
    ).toBe("Edge 120 · Windows");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0")).toBe("Firefox 115 · Linux");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2e) NetType/WIFI Language/zh_CN",
      ),
    ).toBe("微信 8 · iOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 Mobile Safari/537.36 DingTalk/7.5.0",
      ),
    ).toBe("钉钉 7 · 鸿蒙");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 UOS")).toBe(
      "Chrome 86 · 统信 UOS",
    );
    expect(describeUserAgent(null)).toBe("未知浏览器");
    expect(describeUserAgent("curl/8.0")).toBe("其他浏览器");
  });
});
