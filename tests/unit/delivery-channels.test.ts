import { describe, expect, it } from "vitest";
import { CHANNEL_KINDS, CHANNEL_LABELS, channelConfigSchema } from "@/lib/delivery/channels";

/** "ok" or the issues as "path: message". */
function issues(value: unknown) {
  const result = channelConfigSchema.safeParse(value);
  return result.success ? "ok" : result.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
}

const WEBHOOK = "webhook: 请填写以 http:// 或 https:// 开头的 Webhook 地址";
const PORT = "port: 端口应为 1–65535 的整数";

const dingtalk = { kind: "dingtalk", webhook: "https://oapi.dingtalk.com/robot/send?access_token=abc", secret: "SECabc" };
const wecom = { kind: "wecom", webhook: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" };
const sms = { kind: "sms", url: "http://10.0.0.5/sms/send", method: "POST", encoding: "form", template: "mobile={mobile}&content={text}", successText: "成功" };
const email = {
  kind: "email",
  host: "mail.example.gov.cn",
  port: 465,
  secure: true,
  username: "ducha",
  password: "pass word",
  from: "县督查室 <ducha@example.gov.cn>",
};

describe("channel names", () => {
  it("four channels, each with its Chinese label", () => {
    expect(CHANNEL_KINDS).toEqual(["dingtalk", "wecom", "sms", "email"]);
    expect(CHANNEL_KINDS.map((kind) => CHANNEL_LABELS[kind])).toEqual(["钉钉机器人", "企业微信机器人", "短信", "电子邮件"]);
  });
});

describe("channel configuration", () => {
  it("accepts each channel, http:// included (intranet gateways), and its output parses again unchanged", () => {
    for (const config of [dingtalk, wecom, sms, email, { ...dingtalk, webhook: "http://127.0.0.1:8080/robot/send?access_token=x" }]) {
      const parsed = channelConfigSchema.parse(config);
      expect(parsed).toEqual(config);
      expect(channelConfigSchema.parse(parsed)).toEqual(parsed);
    }
  });

  it("reads an empty optional field as none, trims text, keeps a password as typed, takes a port typed as text", () => {
    expect(channelConfigSchema.parse({ ...dingtalk, webhook: ` ${dingtalk.webhook} `, secret: "  " })).toEqual({ ...dingtalk, secret: null });
    expect(channelConfigSchema.parse({ kind: "dingtalk", webhook: dingtalk.webhook })).toEqual({ ...dingtalk, secret: null });
    expect(channelConfigSchema.parse({ ...sms, successText: "" })).toEqual({ ...sms, successText: null });
    expect(channelConfigSchema.parse({ ...email, port: "25", secure: false, username: "", password: "" })).toEqual({
      ...email,
      port: 25,
      secure: false,
      username: null,
      password: null,
    });
    expect(channelConfigSchema.parse({ ...email, password: " p " })).toMatchObject({ password: " p " });
    expect(channelConfigSchema.parse({ ...email, from: "ducha@example.gov.cn" })).toMatchObject({ from: "ducha@example.gov.cn" });
  });

  it("refuses a webhook or gateway address that is not http(s)", () => {
    for (const webhook of ["", "oapi.dingtalk.com/robot/send", "ftp://10.0.0.1/robot", "https://", "https:// oapi.dingtalk.com", "javascript:alert(1)"]) {
      expect(issues({ ...dingtalk, webhook })).toEqual([WEBHOOK]);
      expect(issues({ ...wecom, webhook })).toEqual([WEBHOOK]);
    }
    expect(issues({ ...wecom, webhook: undefined })).toEqual([WEBHOOK]);
    expect(issues({ ...sms, url: "10.0.0.5/sms" })).toEqual(["url: 请填写以 http:// 或 https:// 开头的短信网关地址"]);
  });

  it("refuses a port outside 1–65535 or not whole", () => {
    for (const port of [0, 65536, 25.5, -1, "abc", "", null]) expect(issues({ ...email, port })).toEqual([PORT]);
    expect(issues({ ...email, port: 65535 })).toBe("ok");
  });

  it("refuses an SMS template without its placeholders, a JSON template that is not an object, GET with JSON", () => {
    expect(issues({ ...sms, template: "mobile={mobile}" })).toEqual(["template: 参数模板须包含 {mobile} 和 {text} 两个占位符"]);
    expect(issues({ ...sms, template: "  " })).toEqual(["template: 请填写参数模板"]);
    expect(issues({ ...sms, template: undefined })).toEqual(["template: 请填写参数模板"]);
    expect(issues({ ...sms, encoding: "json", template: '{"m": {mobile}, "c": "{text}"}' })).toEqual([
      'template: JSON 模板应为一个 JSON 对象，占位符写在字符串值中，如 {"mobile": "{mobile}", "content": "{text}"}',
    ]);
    expect(issues({ ...sms, encoding: "json", template: '{"m": "{mobile}", "c": "{text}"}' })).toBe("ok");
    expect(issues({ ...sms, method: "GET", encoding: "json", template: '{"m": "{mobile}", "c": "{text}"}' })).toEqual([
      "encoding: GET 方式的参数拼在地址后面，只能用表单格式",
    ]);
    expect(issues({ ...sms, method: "PUT" })).toEqual(["method: 请选择请求方式：GET 或 POST"]);
    expect(issues({ ...sms, encoding: "xml" })).toEqual(["encoding: 请选择参数格式：表单或 JSON"]);
  });

  it("refuses a mail server given as a URL, a bad sender, a password without a user", () => {
    expect(issues({ ...email, host: "smtp://mail.example.gov.cn" })).toEqual(["host: 请填写邮件服务器的域名或 IP 地址（不含 smtp:// 和端口）"]);
    expect(issues({ ...email, host: "mail.example.gov.cn:465" })).toEqual(["host: 请填写邮件服务器的域名或 IP 地址（不含 smtp:// 和端口）"]);
    for (const from of ["县督查室", "ducha", "<ducha@example.gov.cn", ""]) {
      expect(issues({ ...email, from })).toEqual(["from: 请填写发件人地址，如 ducha@example.gov.cn 或 县督查室 <ducha@example.gov.cn>"]);
    }
    expect(issues({ ...email, username: null })).toEqual(["username: 填写了密码时请同时填写用户名"]);
    expect(issues({ ...email, secure: "yes" })).toEqual(["secure: 请选择是否使用 SSL/TLS 加密连接"]);
  });

  it("refuses an unknown channel and fields the channel does not have", () => {
    expect(issues({ kind: "fax", number: "0477-1234567" })).toEqual(["kind: 请选择发送渠道：钉钉机器人、企业微信机器人、短信或电子邮件"]);
    expect(issues({ ...wecom, secret: "SECabc" })).toEqual([": 不接受的字段：secret"]);
    expect(issues(null)).toEqual([": 提交的内容格式有误"]);
  });
});
