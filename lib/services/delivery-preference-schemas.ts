/**
 * Input of the 消息提醒 form (a user's own, and the administrator's for any user), shared by the form and
 * the server actions. What it parses to parses again unchanged (the services parse once more):
 * - mobile and e-mail: empty for none; spaces and hyphens in a mobile number are dropped;
 * - channels: only the kinds the user set (lib/delivery/message-kinds.ts), each with its channels in the
 *   order of CHANNEL_KINDS; a kind left out follows the defaults (SMS when there is a mobile number, e-mail
 *   when there is an address);
 * - quiet hours as "HH:MM" (Beijing time; the same time twice means none), stored as minutes after midnight
 *   (`minutesOfTime` / `timeOfMinutes`);
 * - 每日汇总 on or off, and the daily cap (1–100).
 */
import { z } from "zod";
import { CHANNEL_KINDS, type ChannelKind } from "@/lib/delivery/channels";
import { MESSAGE_KIND_NAMES, type MessageKindName } from "@/lib/delivery/message-kinds";
import { recordIdSchema, strictInput } from "./schema-kit";

export const MOBILE_MESSAGE = "请填写 11 位手机号码";
export const EMAIL_MESSAGE = "电子邮箱格式不正确";
export const TIME_MESSAGE = "请按“时:分”填写时间，如 22:00";
export const CAP_MESSAGE = "每日上限应为 1–100 之间的整数";
export const SMS_NEEDS_MOBILE = "已选择短信提醒，请填写手机号码";
export const EMAIL_NEEDS_ADDRESS = "已选择电子邮件提醒，请填写电子邮箱";
export const DAILY_CAP_RANGE = { min: 1, max: 100 } as const;

/** A mainland mobile number. */
const MOBILE = /^1[3-9]\d{9}$/;
/** name@domain.tld, nothing more exotic: no spaces, one @, a dot in the domain. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;
/** 7:00, 07:00 or 07:00:00 (a time input with seconds). */
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$/;

/** "HH:MM" of a time as typed, or null when it is not one. */
function normalTime(value: string): string | null {
  const match = TIME.exec(value);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : null;
}

/** "22:00" → 1320 (minutes after midnight). */
export function minutesOfTime(time: string): number {
  const normal = normalTime(time);
  if (normal === null) throw new Error(`not a time: ${time}`);
  return Number(normal.slice(0, 2)) * 60 + Number(normal.slice(3));
}

/** 1320 → "22:00". */
export function timeOfMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) throw new Error(`not a minute of the day: ${minutes}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const mobileSchema = z
  .string({ error: MOBILE_MESSAGE })
  .trim()
  .max(30, { error: MOBILE_MESSAGE })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .refine((value) => value === "" || MOBILE.test(value), { error: MOBILE_MESSAGE });

const emailSchema = z
  .string({ error: EMAIL_MESSAGE })
  .trim()
  .max(200, { error: "电子邮箱最多 200 个字符" })
  .refine((value) => value === "" || EMAIL.test(value), { error: EMAIL_MESSAGE });

const timeSchema = z
  .string({ error: TIME_MESSAGE })
  .trim()
  .refine((value) => normalTime(value) !== null, { error: TIME_MESSAGE })
  .transform((value) => normalTime(value)!);

/** The channels chosen for one kind: known ones only, each once, in the order of CHANNEL_KINDS. */
const channelListSchema = z
  .array(z.enum(CHANNEL_KINDS, { error: "未知的提醒渠道" }), { error: "提醒渠道格式有误" })
  .max(CHANNEL_KINDS.length, { error: "提醒渠道重复" })
  .transform((list): ChannelKind[] => CHANNEL_KINDS.filter((channel) => list.includes(channel)));

const channelsShape = Object.fromEntries(MESSAGE_KIND_NAMES.map((kind) => [kind, channelListSchema.optional()])) as {
  [K in MessageKindName]: z.ZodOptional<typeof channelListSchema>;
};

/** Message kind → channels, for the kinds the user set; any other kind is refused. */
const channelsSchema = z.strictObject(channelsShape, {
  error: (issue) => {
    if (issue.code === "unrecognized_keys") return `未知的消息类型：${issue.keys.join("、")}`;
    if (issue.code === "invalid_type") return "提醒渠道格式有误";
    return undefined;
  },
});

export type ChannelChoices = Partial<Record<MessageKindName, ChannelKind[]>>;

const fields = {
  mobile: mobileSchema,
  email: emailSchema,
  channels: channelsSchema,
  quietFrom: timeSchema,
  quietUntil: timeSchema,
  dailyDigest: z.boolean({ error: "请选择是否每日汇总" }),
  dailyCap: z
    .number({ error: CAP_MESSAGE })
    .int({ error: CAP_MESSAGE })
    .min(DAILY_CAP_RANGE.min, { error: CAP_MESSAGE })
    .max(DAILY_CAP_RANGE.max, { error: CAP_MESSAGE }),
};

/** A channel chosen that cannot reach the user: SMS without a mobile number, e-mail without an address. */
function checkReachable(value: { mobile: string; email: string; channels: ChannelChoices }, ctx: z.RefinementCtx) {
  const chosen = Object.values(value.channels).flat();
  if (value.mobile === "" && chosen.includes("sms")) ctx.addIssue({ code: "custom", path: ["mobile"], message: SMS_NEEDS_MOBILE });
  if (value.email === "" && chosen.includes("email")) ctx.addIssue({ code: "custom", path: ["email"], message: EMAIL_NEEDS_ADDRESS });
}

/** The signed-in user's own settings: whose they are comes from the session. */
export const deliveryPreferencesSchema = strictInput(fields).superRefine(checkReachable);

/** The administrator's form for one user: the same, and the account. */
export const deliveryPreferencesForSchema = strictInput({ userId: recordIdSchema("账号"), ...fields }).superRefine(checkReachable);

export type DeliveryPreferencesFormValues = z.input<typeof deliveryPreferencesSchema>;
export type DeliveryPreferencesInput = z.output<typeof deliveryPreferencesSchema>;
