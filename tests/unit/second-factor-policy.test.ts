import { describe, expect, it } from "vitest";
import { parseSecondFactorPolicy, policyFor, secondFactorRequired } from "@/lib/auth/second-factor-policy";

describe("the second-factor setting", () => {
  it("off by default and when unreadable: nobody is required", () => {
    for (const value of [undefined, null, {}, { roles: "admin" }, { roles: ["root"] }]) {
      const policy = parseSecondFactorPolicy(value);
      expect(policy).toEqual({ roles: [] });
      for (const role of ["admin", "supervisor", "leader", "unit"] as const) expect(secondFactorRequired(policy, role)).toBe(false);
    }
  });

  it("on: the supervision office and administrators, not leaders or units", () => {
    const policy = parseSecondFactorPolicy(policyFor(true));
    expect(policy).toEqual({ roles: ["admin", "supervisor"] });
    expect(secondFactorRequired(policy, "admin")).toBe(true);
    expect(secondFactorRequired(policy, "supervisor")).toBe(true);
    expect(secondFactorRequired(policy, "leader")).toBe(false);
    expect(secondFactorRequired(policy, "unit")).toBe(false);
    expect(policyFor(false)).toEqual({ roles: [] });
  });
});
