/** The forms of the second factor, shared by the browser and the server actions. */
import { z } from "zod";
import { strictInput } from "./schema-kit";

const code = z.string().trim().min(1, "请输入动态验证码或恢复码").max(32, "验证码过长");

export const confirmEnrolmentSchema = strictInput({
  pending: z.string().min(1).max(1000),
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "请输入验证器中显示的 6 位数字"),
});
export const ownCodeSchema = strictInput({ code });
export const resetSecondFactorSchema = strictInput({ userId: z.coerce.number().int().positive() });
export const securitySettingsSchema = strictInput({ secondFactorRequired: z.boolean() });

export type ConfirmEnrolmentInput = z.input<typeof confirmEnrolmentSchema>;
export type OwnCodeInput = z.input<typeof ownCodeSchema>;
