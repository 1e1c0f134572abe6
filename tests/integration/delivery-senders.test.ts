import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelConfig, OutgoingMessage, SmsConfig } from "@/lib/delivery/channels";
import { deliver } from "@/lib/delivery/deliver";
import { type HttpReceiver, type SmtpReceiver, startHttpReceiver, startSilentServer, startSmtpReceiver, unusedPort } from "../support/receivers";

// Every gateway here is a receiver on 127.0.0.1 started by this file: nothing leaves the machine.

const message: OutgoingMessage = {
  title: "关于报送6月上半月进展的催办",
  text: '请于6月15日前报送。"重点任务"第3项 A&B=C+D 100%',
  link: "https://luoshi.example.gov.cn/reports/7?period=2022-06a",
  mobile: "13800000000",
  email: "zhangsan@example.gov.cn",
};
const robotText = `【落实】${message.title}\n${message.text}\n${message.link}`;

let http: HttpReceiver;
beforeEach(async () => {
  http = await startHttpReceiver();
});
afterEach(async () => {
  await http.close();
});

describe("钉钉机器人", () => {
  const secret = "SEC1f2e3d4c5b6a798897a6b5c4d3e2f1";
  const config = (): ChannelConfig => ({ kind: "dingtalk", webhook: `${http.origin}/robot/send?access_token=tok123`, secret });

  it("posts the text with timestamp and sign that verify with the secret, @ the mobile", async () => {
    const before = Date.now();
    const result = await deliver(config(), message);
    expect(result).toEqual({ ok: true, answer: 'HTTP 200: {"errcode":0,"errmsg":"ok"}' });

    expect(http.requests).toHaveLength(1);
    const [request] = http.requests;
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json; charset=utf-8");
    const query = new URL(request!.url, http.origin).searchParams;
    expect([...query.keys()]).toEqual(["access_token", "timestamp", "sign"]);
    expect(query.get("access_token")).toBe("tok123");
    const timestamp = Number(query.get("timestamp"));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
    // What DingTalk does on its side: HMAC the timestamp and secret again and compare.
    expect(query.get("sign")).toBe(createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64"));

    expect(JSON.parse(request!.body)).toEqual({ msgtype: "text", text: { content: robotText }, at: { atMobiles: ["13800000000"] } });
  });

  it("signs with the clock it is given", async () => {
    await deliver({ kind: "dingtalk", webhook: `${http.origin}/robot/send?access_token=t`, secret: "SECabc" }, message, { now: () => 1700000000000 });
    expect(http.requests[0]!.url).toBe("/robot/send?access_token=t&timestamp=1700000000000&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D");
  });

  it("without a secret or a mobile: the webhook as configured, no at", async () => {
    await deliver({ kind: "dingtalk", webhook: `${http.origin}/robot/send?access_token=t`, secret: null }, { ...message, mobile: null });
    expect(http.requests[0]!.url).toBe("/robot/send?access_token=t");
    expect(JSON.parse(http.requests[0]!.body)).toEqual({ msgtype: "text", text: { content: robotText } });
  });

  it("an errcode other than 0 (with HTTP 200) is not sent, and what DingTalk said is the answer", async () => {
    http.reply({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}' });
    const result = await deliver(config(), message);
    expect(result.ok).toBe(false);
    expect(result.answer).toBe('HTTP 200: {"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}');
  });

  it("an answer that is not JSON is not sent", async () => {
    http.reply({ status: 200, body: "<html>维护中</html>" });
    expect(await deliver(config(), message)).toEqual({ ok: false, answer: "钉钉的应答不是 JSON: HTTP 200: <html>维护中</html>" });
  });

  it("answers from the queue in order: 500, 500, then 200", async () => {
    http.reply({ status: 500, body: "Internal Server Error" }, { status: 500, body: "" }, { status: 200, body: '{"errcode":0,"errmsg":"ok"}' });
    const results = [await deliver(config(), message), await deliver(config(), message), await deliver(config(), message)];
    expect(results).toEqual([
      { ok: false, answer: "HTTP 500: Internal Server Error" },
      { ok: false, answer: "HTTP 500" },
      { ok: true, answer: 'HTTP 200: {"errcode":0,"errmsg":"ok"}' },
    ]);
    expect(http.requests).toHaveLength(3);
  });

  it("a long answer is cut to 500 characters", async () => {
    http.reply({ status: 502, body: "网关错误".repeat(400) });
    const result = await deliver(config(), message);
    expect(result.ok).toBe(false);
    expect(result.answer).toHaveLength(500);
    expect(result.answer.startsWith("HTTP 502: 网关错误")).toBe(true);
  });
});

describe("企业微信机器人", () => {
  const config = (): ChannelConfig => ({ kind: "wecom", webhook: `${http.origin}/cgi-bin/webhook/send?key=k-1` });

  it("posts the text mentioning the mobile", async () => {
    expect(await deliver(config(), message)).toEqual({ ok: true, answer: 'HTTP 200: {"errcode":0,"errmsg":"ok"}' });
    const [request] = http.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/cgi-bin/webhook/send?key=k-1");
    expect(request!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request!.body)).toEqual({ msgtype: "text", text: { content: robotText, mentioned_mobile_list: ["13800000000"] } });
  });

  it("an errcode other than 0 is not sent", async () => {
    http.reply({ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    expect(await deliver(config(), message)).toEqual({ ok: false, answer: 'HTTP 200: {"errcode":93000,"errmsg":"invalid webhook url"}' });
  });
});

describe("短信网关", () => {
  const form = "account=ots&pwd=x%26y&mobile={mobile}&content={text}";
  const config = (over: Partial<SmsConfig>): SmsConfig => ({
    kind: "sms",
    url: `${http.origin}/sms/send`,
    method: "GET",
    encoding: "form",
    template: form,
    successText: null,
    ...over,
  });

  it("GET: the parameters in the query string, the Chinese text decoded intact", async () => {
    http.reply({ status: 200, body: "0" });
    expect(await deliver(config({ url: `${http.origin}/sms/send?ver=2` }), message)).toEqual({ ok: true, answer: "HTTP 200: 0" });
    const [request] = http.requests;
    expect(request!.method).toBe("GET");
    const query = new URL(request!.url, http.origin).searchParams;
    expect([...query.entries()]).toEqual([
      ["ver", "2"],
      ["account", "ots"],
      ["pwd", "x&y"],
      ["mobile", "13800000000"],
      ["content", robotText],
    ]);
  });

  it("POST form: a urlencoded body", async () => {
    await deliver(config({ method: "POST" }), message);
    const [request] = http.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/sms/send");
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=utf-8");
    expect(Object.fromEntries(new URLSearchParams(request!.body))).toEqual({ account: "ots", pwd: "x&y", mobile: "13800000000", content: robotText });
  });

  it("POST JSON: the template's object with the values, quotes and newlines escaped", async () => {
    const template = '{"userid": 12, "account": "ots", "mobile": "{mobile}", "content": "{text}"}';
    await deliver(config({ method: "POST", encoding: "json", template }), message);
    const [request] = http.requests;
    expect(request!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request!.body)).toEqual({ userid: 12, account: "ots", mobile: "13800000000", content: robotText });
  });

  it("with a success text: sent only when the answer contains it", async () => {
    http.reply({ status: 200, body: "result=0&msg=提交成功" }, { status: 200, body: "result=-4&msg=余额不足" });
    expect(await deliver(config({ successText: "提交成功" }), message)).toEqual({ ok: true, answer: "HTTP 200: result=0&msg=提交成功" });
    expect(await deliver(config({ successText: "提交成功" }), message)).toEqual({
      ok: false,
      answer: "应答中没有成功标志「提交成功」: HTTP 200: result=-4&msg=余额不足",
    });
  });

  it("an answer of 500 is not sent, whatever it says", async () => {
    http.reply({ status: 500, body: "提交成功" });
    const result = await deliver(config({ successText: "提交成功" }), message);
    expect(result.ok).toBe(false);
    expect(result.answer).toContain("500");
  });

  it("without a mobile: not sent, and the gateway is not called", async () => {
    expect(await deliver(config({}), { ...message, mobile: null })).toEqual({ ok: false, answer: "收件人未填写手机号" });
    expect(await deliver(config({}), { ...message, mobile: "  " })).toEqual({ ok: false, answer: "收件人未填写手机号" });
    expect(http.requests).toEqual([]);
  });
});

describe("a gateway that does not answer or cannot be reached", () => {
  it("no answer within the timeout: not sent, no throw", async () => {
    http.reply("hang", "hang", "hang");
    const started = Date.now();
    const results = await Promise.all([
      deliver({ kind: "dingtalk", webhook: `${http.origin}/robot/send?access_token=t`, secret: null }, message, { timeoutMs: 300 }),
      deliver({ kind: "wecom", webhook: `${http.origin}/cgi-bin/webhook/send?key=k` }, message, { timeoutMs: 300 }),
      deliver({ kind: "sms", url: `${http.origin}/sms`, method: "GET", encoding: "form", template: "m={mobile}&c={text}", successText: null }, message, {
        timeoutMs: 300,
      }),
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(http.requests).toHaveLength(3);
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
    expect(results.map((r) => r.answer.split(":")[0])).toEqual(["钉钉在 0.3 秒内没有应答", "企业微信在 0.3 秒内没有应答", "短信网关在 0.3 秒内没有应答"]);
  });

  it("a port nothing listens on: not sent, the reason in the answer", async () => {
    const port = await unusedPort();
    const result = await deliver({ kind: "dingtalk", webhook: `http://127.0.0.1:${port}/robot/send`, secret: "SECabc" }, message);
    expect(result.ok).toBe(false);
    expect(result.answer).toMatch(/^连接钉钉失败: fetch failed: .*ECONNREFUSED/);
  });

  it("a configuration that slipped past the schema: not sent, no throw", async () => {
    const result = await deliver({ kind: "wecom", webhook: "not a url" }, message);
    expect(result.ok).toBe(false);
    expect(result.answer.startsWith("连接企业微信失败: ")).toBe(true);
    expect(await deliver({ kind: "fax" } as unknown as ChannelConfig, message)).toEqual({ ok: false, answer: "未知的发送渠道: fax" });
  });
});

describe("电子邮件", () => {
  let smtp: SmtpReceiver;
  beforeEach(async () => {
    smtp = await startSmtpReceiver();
  });
  afterEach(async () => {
    await smtp.close();
  });
  const config = (over: Partial<Extract<ChannelConfig, { kind: "email" }>> = {}): ChannelConfig => ({
    kind: "email",
    host: "127.0.0.1",
    port: smtp.port,
    secure: false,
    username: "ducha",
    password: "密码 pass",
    from: "县督查室 <ducha@example.gov.cn>",
    ...over,
  });

  it("arrives with the Chinese subject, the text and the link, after logging in", async () => {
    const result = await deliver(config(), message);
    expect(result).toEqual({ ok: true, answer: "250 OK: queued" });
    expect(smtp.logins).toEqual([{ username: "ducha", password: "密码 pass" }]);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.from).toBe("ducha@example.gov.cn");
    expect(mail!.to).toEqual(["zhangsan@example.gov.cn"]);
    expect(mail!.user).toBe("ducha");
    expect(mail!.parsed.subject).toBe(message.title);
    expect(mail!.parsed.from?.value).toEqual([{ address: "ducha@example.gov.cn", name: "县督查室" }]);
    expect(mail!.parsed.text?.trimEnd()).toBe(`${message.text}\n\n${message.link}`);
    // The headers travel as MIME encoded words, the body as UTF-8: no raw Chinese in the Subject line.
    expect(mail!.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mail!.raw).toMatch(/charset=utf-8/i);
  });

  it("without a user name, no login", async () => {
    expect((await deliver(config({ username: null, password: null }), { ...message, link: null })).ok).toBe(true);
    expect(smtp.logins).toEqual([]);
    expect(smtp.mails[0]!.parsed.text?.trimEnd()).toBe(message.text);
  });

  it("without an e-mail address: not sent, the server is not called", async () => {
    expect(await deliver(config(), { ...message, email: null })).toEqual({ ok: false, answer: "收件人未填写电子邮箱" });
    expect(smtp.connections).toBe(0);
    expect(smtp.mails).toEqual([]);
  });

  it("a server that never greets: not sent within the timeout, no throw", async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const result = await deliver(config({ port: silent.port }), message, { timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(silent.connections).toBe(1);
      expect(result.ok).toBe(false);
      expect(result.answer.startsWith("邮件服务器在 0.3 秒内没有应答: ")).toBe(true);
    } finally {
      await silent.close();
    }
  });

  it("a port nothing listens on: not sent", async () => {
    const result = await deliver(config({ port: await unusedPort() }), message);
    expect(result.ok).toBe(false);
    expect(result.answer).toMatch(/^连接邮件服务器失败: .*ECONNREFUSED/);
  });
});
