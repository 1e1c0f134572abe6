/**
 * The channels a message leaves the app by (issue 16): their names, what one recipient gets on one, the
 * gateway's verdict, and each channel's configuration with the schema that checks the administrator's form
 * and the stored configuration alike (its output parses again unchanged).
 */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";
import { smsTemplateProblem } from "./sms-template";

export const CHANNEL_KINDS = ["dingtalk", "wecom", "sms", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_LABELS: Record<ChannelKind, string> = { dingtalk: "钉钉机器人", wecom: "企业微信机器人", sms: "短信", email: "电子邮件" };

/** What one recipient gets on one channel. `link` is an absolute URL or null. */
export interface OutgoingMessage {
  title: string;
  text: string;
  link: string | null;
  mobile: string | null;
  email: string | null;
}

/** The gateway's verdict: `answer` is what it said (status + body, trimmed to 500 chars), shown to the admin. */
export interface DeliveryAnswer {
  ok: boolean;
  answer: string;
}

/** A 钉钉 (or 政务钉钉) custom group robot; `secret` is its 加签 key (SEC…), when the robot has one. */
export interface DingtalkConfig {
  kind: "dingtalk";
  webhook: string;
  secret: string | null;
}

/** A 企业微信 group robot. */
export interface WecomConfig {
  kind: "wecom";
  webhook: string;
}

/** An SMS platform over HTTP: `template` holds the parameters with the placeholders {mobile} and {text}. */
export interface SmsConfig {
  kind: "sms";
  url: string;
  method: "GET" | "POST";
  encoding: "form" | "json";
  template: string;
  /** Text the platform's answer must contain for the message to count as sent; null: any 2xx answer. */
  successText: string | null;
}

/** An SMTP server. */
export interface EmailConfig {
  kind: "email";
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  from: string;
}

export type ChannelConfig = DingtalkConfig | WecomConfig | SmsConfig | EmailConfig;

const WEBHOOK_MESSAGE = "请填写以 http:// 或 https:// 开头的 Webhook 地址";
const SMS_URL_MESSAGE = "请填写以 http:// 或 https:// 开头的短信网关地址";
const PORT_MESSAGE = "端口应为 1–65535 的整数";
const HOST_MESSAGE = "请填写邮件服务器的域名或 IP 地址（不含 smtp:// 和端口）";
const FROM_MESSAGE = "请填写发件人地址，如 ducha@example.gov.cn 或 县督查室 <ducha@example.gov.cn>";

/** An absolute http(s) address with a host (http:// too: gateways on a government intranet). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const ADDRESS = '[^\\s@<>"]+@[^\\s@<>"]+';
/** `ducha@example.gov.cn` or `县督查室 <ducha@example.gov.cn>`. */
const FROM = new RegExp(`^(?:${ADDRESS}|[^<>]*<${ADDRESS}>)$`);

function httpUrl(message: string) {
  return z.string({ error: message }).trim().max(2000, { error: message }).refine(isHttpUrl, { error: message });
}

/** Optional text: empty or missing is null. */
function optionalText(max: number, tooLong: string) {
  return z
    .string({ error: "内容格式有误" })
    .trim()
    .max(max, { error: tooLong })
    .nullish()
    .transform((value) => value || null);
}

const dingtalkSchema = strictInput({ kind: z.literal("dingtalk"), webhook: httpUrl(WEBHOOK_MESSAGE), secret: optionalText(200, "加签密钥最多 200 个字符") });

const wecomSchema = strictInput({ kind: z.literal("wecom"), webhook: httpUrl(WEBHOOK_MESSAGE) });

const smsSchema = strictInput({
  kind: z.literal("sms"),
  url: httpUrl(SMS_URL_MESSAGE),
  method: z.enum(["GET", "POST"], { error: "请选择请求方式：GET 或 POST" }),
  encoding: z.enum(["form", "json"], { error: "请选择参数格式：表单或 JSON" }),
  template: z.string({ error: "请填写参数模板" }).trim().min(1, { error: "请填写参数模板" }).max(4000, { error: "参数模板最多 4000 个字符" }),
  successText: optionalText(200, "成功标志最多 200 个字符"),
}).superRefine((config, context) => {
  if (config.method === "GET" && config.encoding === "json") {
    context.addIssue({ code: "custom", path: ["encoding"], message: "GET 方式的参数拼在地址后面，只能用表单格式" });
  }
  // An empty template has its own message already.
  const problem = config.template === "" ? null : smsTemplateProblem(config.template, config.encoding);
  if (problem !== null) context.addIssue({ code: "custom", path: ["template"], message: problem });
});

const emailSchema = strictInput({
  kind: z.literal("email"),
  host: z.string({ error: HOST_MESSAGE }).trim().regex(HOST, { error: HOST_MESSAGE }),
  port: z.coerce.number({ error: PORT_MESSAGE }).int({ error: PORT_MESSAGE }).min(1, { error: PORT_MESSAGE }).max(65535, { error: PORT_MESSAGE }),
  secure: z.boolean({ error: "请选择是否使用 SSL/TLS 加密连接" }),
  username: optionalText(200, "用户名最多 200 个字符"),
  // A password is kept as typed (spaces included); only an empty one means none.
  password: z
    .string({ error: "内容格式有误" })
    .max(200, { error: "密码最多 200 个字符" })
    .nullish()
    .transform((value) => value || null),
  from: z.string({ error: FROM_MESSAGE }).trim().max(200, { error: FROM_MESSAGE }).regex(FROM, { error: FROM_MESSAGE }),
}).superRefine((config, context) => {
  if (config.password !== null && config.username === null) context.addIssue({ code: "custom", path: ["username"], message: "填写了密码时请同时填写用户名" });
});

/** A channel's configuration, chosen by `kind`. */
export const channelConfigSchema: z.ZodType<ChannelConfig> = z.discriminatedUnion("kind", [dingtalkSchema, wecomSchema, smsSchema, emailSchema], {
  error: (issue) => {
    // Typed as the union's own issue, but a value that is no object at all comes here as invalid_type.
    const code: string = issue.code;
    if (code === "invalid_type") return "提交的内容格式有误";
    return code === "invalid_union" ? "请选择发送渠道：钉钉机器人、企业微信机器人、短信或电子邮件" : undefined;
  },
});
