/** The forms of the second factor, shared by the browser and the server actions. */
import { z } from "zod";

const code = z.string().trim().min(1, "请输入动态验证码或恢复码").max(32, "验证码过长");

export const confirmEnrolmentSchema = z.strictObject({
  pending: z.string().min(1).max(1000),
  code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, "请输入验证器中显示的 6 位数字"),
});
export const ownCodeSchema = z.strictObject({ code });
export const resetSecondFactorSchema = z.strictObject({ userId: z.coerce.number().int().positive() });
export const securitySettingsSchema = z.strictObject({ secondFactorRequired: z.boolean() });

export type ConfirmEnrolmentInput = z.input<typeof confirmEnrolmentSchema>;
export type OwnCodeInput = z.input<typeof ownCodeSchema>;
