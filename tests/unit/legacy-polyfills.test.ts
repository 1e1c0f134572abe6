/** `.at()` and `Object.hasOwn` for the Chromium 86–93 engines of the 信创 browsers. */
import { afterEach, describe, expect, it } from "vitest";
import { installLegacyPolyfills } from "@/lib/browser/legacy-polyfills";

const saved = {
  arrayAt: Object.getOwnPropertyDescriptor(Array.prototype, "at")!,
  stringAt: Object.getOwnPropertyDescriptor(String.prototype, "at")!,
  hasOwn: Object.getOwnPropertyDescriptor(Object, "hasOwn")!,
};

afterEach(() => {
  Object.defineProperty(Array.prototype, "at", saved.arrayAt);
  Object.defineProperty(String.prototype, "at", saved.stringAt);
  Object.defineProperty(Object, "hasOwn", saved.hasOwn);
});

describe("installLegacyPolyfills", () => {
  it("adds .at() and Object.hasOwn where the engine lacks them, with the built-ins' results", () => {
    delete (Array.prototype as { at?: unknown }).at;
    delete (String.prototype as { at?: unknown }).at;
    delete (Object as { hasOwn?: unknown }).hasOwn;
    expect("at" in []).toBe(false);

    installLegacyPolyfills();
    expect([1, 2, 3].at(-1)).toBe(3);
    expect([1, 2, 3].at(0)).toBe(1);
    expect([1, 2, 3].at(3)).toBeUndefined();
    expect([1, 2, 3].at(-4)).toBeUndefined();
    expect([].at(-1)).toBeUndefined();
    expect("a;b;c".split(";").at(-2)).toBe("b");
    expect("报送".at(-1)).toBe("送");
    expect(Object.hasOwn({ a: 1 }, "a")).toBe(true);
    expect(Object.hasOwn({ a: 1 }, "toString")).toBe(false);
    expect(Object.keys(Array.prototype)).not.toContain("at");
  });

  it("leaves the engine's own built-ins alone", () => {
    installLegacyPolyfills();
    expect(Array.prototype.at).toBe(saved.arrayAt.value);
    expect(Object.hasOwn).toBe(saved.hasOwn.value);
  });
});
