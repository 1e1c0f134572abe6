import { describe, expect, it } from "vitest";
import type { SmsConfig } from "@/lib/delivery/channels";
import { smsRequest } from "@/lib/delivery/senders/sms";
import { fillFormTemplate, fillJsonTemplate, smsTemplateProblem } from "@/lib/delivery/sms-template";

const FORM = "account=ots&pwd=xyz&mobile={mobile}&content={text}";
const JSON_TEMPLATE = '{"account": "ots", "mobile": "{mobile}", "content": "{text}", "sign": 3}';
const mobile = "13800000000";

describe("form template", () => {
  it("URL-encodes the values (UTF-8), so & = + % and spaces in the text stay in the text", () => {
    const text = "【落实】A&B=C+D 100%";
    // Expected as Python's urllib.parse.quote(text, safe="") writes it.
    expect(fillFormTemplate(FORM, { mobile, text })).toBe(
      "account=ots&pwd=xyz&mobile=13800000000&content=%E3%80%90%E8%90%BD%E5%AE%9E%E3%80%91A%26B%3DC%2BD%20100%25",
    );
    const params = new URLSearchParams(fillFormTemplate(FORM, { mobile, text: "请于6月30日前报送\n进展 a&b=c+d" }));
    expect([...params.keys()]).toEqual(["account", "pwd", "mobile", "content"]);
    expect(params.get("content")).toBe("请于6月30日前报送\n进展 a&b=c+d");
  });

  it("replaces every placeholder once: a text that contains {mobile} or $& stays as written", () => {
    const params = new URLSearchParams(fillFormTemplate(`${FORM}&copy={text}`, { mobile, text: "回复{mobile}退订 $& $1" }));
    expect(params.get("content")).toBe("回复{mobile}退订 $& $1");
    expect(params.get("copy")).toBe("回复{mobile}退订 $& $1");
    expect(params.get("mobile")).toBe(mobile);
  });

  it("drops a leading ? or & the administrator typed", () => {
    expect(fillFormTemplate("?m={mobile}&c={text}", { mobile, text: "好" })).toBe("m=13800000000&c=%E5%A5%BD");
  });
});

describe("JSON template", () => {
  it("escapes quotes, backslashes and newlines in the values; the rest of the template is kept as written", () => {
    const text = '他说"好"\n第二行\\结束\t</script>';
    const filled = fillJsonTemplate(JSON_TEMPLATE, { mobile, text });
    expect(filled).toBe('{"account": "ots", "mobile": "13800000000", "content": "他说\\"好\\"\\n第二行\\\\结束\\t</script>", "sign": 3}');
    expect(JSON.parse(filled)).toEqual({ account: "ots", mobile, content: text, sign: 3 });
  });
});

describe("what is wrong with a template", () => {
  it("both placeholders are required", () => {
    expect(smsTemplateProblem("account=ots&mobile={mobile}", "form")).toBe("参数模板须包含 {mobile} 和 {text} 两个占位符");
    expect(smsTemplateProblem("content={text}", "form")).toBe("参数模板须包含 {mobile} 和 {text} 两个占位符");
    expect(smsTemplateProblem(FORM, "form")).toBeNull();
  });

  it("a JSON template is a JSON object with the placeholders inside strings", () => {
    expect(smsTemplateProblem(JSON_TEMPLATE, "json")).toBeNull();
    const problem = 'JSON 模板应为一个 JSON 对象，占位符写在字符串值中，如 {"mobile": "{mobile}", "content": "{text}"}';
    expect(smsTemplateProblem('{"mobile": {mobile}, "content": "{text}"}', "json")).toBe(problem);
    expect(smsTemplateProblem('{"mobile": "{mobile}", "content": {text}}', "json")).toBe(problem);
    expect(smsTemplateProblem('["{mobile}", "{text}"]', "json")).toBe(problem);
    expect(smsTemplateProblem(FORM, "json")).toBe(problem);
  });
});

describe("the request sent to the platform", () => {
  const base: SmsConfig = { kind: "sms", url: "http://10.0.0.5/sms/send", method: "GET", encoding: "form", template: FORM, successText: null };
  const values = { mobile, text: "进展 a&b" };

  it("GET: the parameters after ? (or after & when the address has a query already)", () => {
    expect(smsRequest(base, values)).toEqual({
      method: "GET",
      url: "http://10.0.0.5/sms/send?account=ots&pwd=xyz&mobile=13800000000&content=%E8%BF%9B%E5%B1%95%20a%26b",
    });
    expect(smsRequest({ ...base, url: "http://10.0.0.5/sms?v=2" }, values).url).toBe(
      "http://10.0.0.5/sms?v=2&account=ots&pwd=xyz&mobile=13800000000&content=%E8%BF%9B%E5%B1%95%20a%26b",
    );
  });

  it("POST form: a urlencoded body", () => {
    expect(smsRequest({ ...base, method: "POST" }, values)).toEqual({
      method: "POST",
      url: "http://10.0.0.5/sms/send",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body: "account=ots&pwd=xyz&mobile=13800000000&content=%E8%BF%9B%E5%B1%95%20a%26b",
    });
  });

  it("POST JSON: a JSON body", () => {
    const request = smsRequest({ ...base, method: "POST", encoding: "json", template: JSON_TEMPLATE }, values);
    expect(request.headers).toEqual({ "content-type": "application/json; charset=utf-8" });
    expect(JSON.parse(request.body ?? "")).toEqual({ account: "ots", mobile, content: "进展 a&b", sign: 3 });
  });
});
