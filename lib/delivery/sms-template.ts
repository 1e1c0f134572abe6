/**
 * The SMS platform's parameter template: `account=ots&pwd=xyz&mobile={mobile}&content={text}` (a query
 * string or form body) or a JSON object whose string values hold the placeholders. Each placeholder is
 * replaced in one pass, URL-encoded or JSON-escaped, so a text containing `{mobile}` stays as written.
 */

export interface SmsValues {
  mobile: string;
  text: string;
}

const PLACEHOLDER = /\{(mobile|text)\}/g;

function fill(template: string, values: SmsValues, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER, (_, name: keyof SmsValues) => encode(values[name]));
}

/** The template as a query string or form body; the values URL-encoded (UTF-8). */
export function fillFormTemplate(template: string, values: SmsValues): string {
  return fill(template.replace(/^[?&]+/, ""), values, encodeURIComponent);
}

/** The template as JSON text; the values escaped for a JSON string (quotes, backslashes, newlines). */
export function fillJsonTemplate(template: string, values: SmsValues): string {
  return fill(template, values, (value) => JSON.stringify(value).slice(1, -1));
}

/** What is wrong with a template, in the administrator's words, or null. */
export function smsTemplateProblem(template: string, encoding: "form" | "json"): string | null {
  if (!template.includes("{mobile}") || !template.includes("{text}")) return "参数模板须包含 {mobile} 和 {text} 两个占位符";
  if (encoding === "form") return null;
  try {
    // Values that are no JSON outside a string: a placeholder written bare (`"mobile": {mobile}`) fails to parse.
    const parsed: unknown = JSON.parse(fillJsonTemplate(template, { mobile: "mobile number", text: "message text" }));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return null;
  } catch {
    // reported below
  }
  return 'JSON 模板应为一个 JSON 对象，占位符写在字符串值中，如 {"mobile": "{mobile}", "content": "{text}"}';
}
