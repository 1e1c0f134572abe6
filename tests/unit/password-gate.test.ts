/** The password gate: a user the administrator gave a password acts only to change it (or to sign out). */
import { describe, expect, it } from "vitest";
import { MUST_CHANGE_PASSWORD, passesPasswordGate } from "@/lib/auth/password-gate";

describe("passesPasswordGate", () => {
  it("stops a user who must change the password, unless the action comes before the change", () => {
    expect(passesPasswordGate({ mustChangePassword: true })).toBe(false);
    expect(passesPasswordGate({ mustChangePassword: true }, true)).toBe(true);
    expect(passesPasswordGate({ mustChangePassword: false })).toBe(true);
    expect(passesPasswordGate({ mustChangePassword: false }, true)).toBe(true);
  });
  it("tells the user what to do first", () => {
    expect(MUST_CHANGE_PASSWORD.startsWith("请先修改密码：")).toBe(true);
  });
});
