/** The rule for a new password: no argon2 here, so browser forms can use it too. */
import { z } from "zod";
import { COMMON_PASSWORDS } from "./common-passwords";

/** 8–64 characters, no composition rules, not a common password (NIST SP 800-63B / ASVS). */
export const newPasswordSchema = z
  .string({ error: "请输入新密码" })
  .min(8, { error: "密码至少 8 个字符" })
  .max(64, { error: "密码最多 64 个字符" })
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), { error: "这个密码太常见，容易被猜中，请换一个" });
