/**
 * The rule for a new password, importable by browser code: `lib/auth/password.ts` holds the
 * same rule next to argon2, which cannot be bundled for the browser. A unit test
 * (tests/unit/admin-password-policy.test.ts) keeps the two in step.
 */
import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/auth/common-passwords";

/** 8–64 characters, no composition rules, not a common password (NIST SP 800-63B / ASVS). */
export const passwordPolicySchema = z
  .string({ error: "请输入新密码" })
  .min(8, { error: "密码至少 8 个字符" })
  .max(64, { error: "密码最多 64 个字符" })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), { error: "这个密码太常见，容易被猜中，请换一个" });
