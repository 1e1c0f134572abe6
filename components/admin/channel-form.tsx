"use client";

import { useState, useTransition } from "react";
import { saveChannelAction, testChannelAction } from "@/app/(app)/admin/channels/actions";
import { FeedbackMessage, type Feedback, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE } from "@/components/ui/form";
import { CHANNEL_LABELS, type ChannelKind } from "@/lib/delivery/channels";

type Value = string | number | boolean | null;

interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "password" | "number" | "checkbox" | "textarea" | "select";
  options?: readonly [string, string][];
  hint?: string;
  secret?: boolean;
}

/** The fields of each channel, in the order an administrator fills them in from the gateway's papers. */
const FIELDS: Record<ChannelKind, readonly FieldSpec[]> = {
  dingtalk: [
    { name: "webhook", label: "Webhook 地址", type: "password", secret: true, hint: "群设置 → 智能群助手 → 自定义机器人，复制 Webhook" },
    { name: "secret", label: "加签密钥（SEC 开头，可不填）", type: "password", secret: true },
  ],
  wecom: [{ name: "webhook", label: "Webhook 地址", type: "password", secret: true, hint: "群聊 → 添加群机器人，复制 Webhook 地址" }],
  sms: [
    { name: "url", label: "短信网关地址", type: "text" },
    {
      name: "method",
      label: "请求方式",
      type: "select",
      options: [
        ["POST", "POST"],
        ["GET", "GET"],
      ],
    },
    {
      name: "encoding",
      label: "参数格式",
      type: "select",
      options: [
        ["form", "表单"],
        ["json", "JSON"],
      ],
    },
    {
      name: "template",
      label: "参数模板",
      type: "textarea",
      secret: true,
      hint: "用 {mobile} 代表手机号、{text} 代表短信内容，例如 account=…&pwd=…&mobile={mobile}&content={text}",
    },
    { name: "successText", label: "成功标志（可不填）", type: "text", hint: "网关回答中包含这段文字才算发送成功；不填则任何 2xx 回答都算成功" },
  ],
  email: [
    { name: "host", label: "SMTP 服务器", type: "text" },
    { name: "port", label: "端口", type: "number" },
    { name: "secure", label: "使用 SSL/TLS 加密连接", type: "checkbox" },
    { name: "username", label: "用户名（可不填）", type: "text" },
    { name: "password", label: "密码（可不填）", type: "password", secret: true },
    { name: "from", label: "发件人", type: "text", hint: "如 县政府督查室 <ducha@example.gov.cn>" },
  ],
};

const START: Record<ChannelKind, Record<string, Value>> = {
  dingtalk: { webhook: "", secret: "" },
  wecom: { webhook: "" },
  sms: { url: "", method: "POST", encoding: "form", template: "", successText: "" },
  email: { host: "", port: 465, secure: true, username: "", password: "", from: "" },
};

/** One channel's settings, saved with one button; then 「发送测试消息」 shows the gateway's answer. */
export function ChannelForm({
  kind,
  enabled: enabledAtFirst,
  fields: stored,
  secretsSet,
  configured,
}: {
  kind: ChannelKind;
  enabled: boolean;
  fields: Record<string, Value>;
  secretsSet: string[];
  configured: boolean;
}) {
  const [values, setValues] = useState<Record<string, Value>>({ ...START[kind], ...stored });
  const [enabled, setEnabled] = useState(enabledAtFirst);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [testTo, setTestTo] = useState("");
  const [testAnswer, setTestAnswer] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const id = (name: string) => `${kind}-${name}`;
  const set = (name: string, value: Value) => setValues((v) => ({ ...v, [name]: value }));

  function save(event: React.FormEvent) {
    event.preventDefault();
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await saveChannelAction({ kind, enabled, fields: values });
        if (result.ok) {
          // Secrets typed once are kept sealed and not shown again.
          setValues((v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, FIELDS[kind].find((f) => f.name === k)?.secret ? "" : x])));
          setFeedback({ kind: "success", text: `已保存：${result.data.summary}` });
        } else setFeedback({ kind: "error", text: result.message });
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  function test() {
    setTestAnswer(null);
    startTransition(async () => {
      try {
        const to = testTo.trim();
        const result = await testChannelAction({ kind, mobile: kind === "email" ? null : to || null, email: kind === "email" ? to || null : null });
        if (!result.ok) setTestAnswer({ kind: "error", text: result.message });
        else
          setTestAnswer({ kind: result.data.ok ? "success" : "error", text: `${result.data.ok ? "发送成功" : "发送失败"}。网关回答：${result.data.answer}` });
      } catch {
        setTestAnswer(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={save} aria-label={`${CHANNEL_LABELS[kind]}设置`} className="grid gap-3 sm:grid-cols-2">
        {FIELDS[kind].map((field) => {
          const placeholder = field.secret && secretsSet.includes(field.name) ? "已设置，留空则不变" : undefined;
          if (field.type === "checkbox")
            return (
              <label key={field.name} className="flex items-center gap-2 text-sm sm:col-span-2">
                <input id={id(field.name)} type="checkbox" checked={values[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} />
                {field.label}
              </label>
            );
          return (
            <div key={field.name} className={field.type === "textarea" ? "sm:col-span-2" : undefined}>
              <label htmlFor={id(field.name)} className="block text-sm font-medium text-stone-700">
                {field.label}
              </label>
              {field.type === "textarea" ? (
                <textarea
                  id={id(field.name)}
                  rows={2}
                  className={inputClass}
                  placeholder={placeholder}
                  value={String(values[field.name] ?? "")}
                  onChange={(e) => set(field.name, e.target.value)}
                />
              ) : field.type === "select" ? (
                <select id={id(field.name)} className={inputClass} value={String(values[field.name] ?? "")} onChange={(e) => set(field.name, e.target.value)}>
                  {field.options!.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id(field.name)}
                  type={field.type}
                  autoComplete="off"
                  className={inputClass}
                  placeholder={placeholder}
                  value={String(values[field.name] ?? "")}
                  onChange={(e) => set(field.name, field.type === "number" ? (e.target.value === "" ? null : Number(e.target.value)) : e.target.value)}
                />
              )}
              {field.hint && <p className="mt-1 text-xs text-stone-500">{field.hint}</p>}
            </div>
          );
        })}
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          启用这个渠道
        </label>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? "正在保存…" : "保存"}
          </button>
          <FeedbackMessage feedback={feedback} />
        </div>
      </form>
      {configured && (
        <div className="flex flex-wrap items-end gap-3 border-t border-stone-100 pt-3">
          <div>
            <label htmlFor={id("test-to")} className="block text-sm font-medium text-stone-700">
              {kind === "email" ? "测试收件邮箱" : kind === "sms" ? "测试手机号" : "@ 提醒的手机号（可不填）"}
            </label>
            <input id={id("test-to")} className={inputClass} value={testTo} onChange={(e) => setTestTo(e.target.value)} />
          </div>
          <button type="button" disabled={pending} className={secondaryButtonClass} onClick={test}>
            发送测试消息
          </button>
          <div className="basis-full" data-testid={`channel-test-answer-${kind}`}>
            <FeedbackMessage feedback={testAnswer} />
          </div>
        </div>
      )}
    </div>
  );
}
