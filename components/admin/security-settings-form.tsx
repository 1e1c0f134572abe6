"use client";

import { useState, useTransition } from "react";
import { updateSecuritySettingsAction } from "@/app/(app)/admin/security/actions";
import { FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

/** 督查室和管理员必须使用动态验证码: one checkbox, saved with one button. */
export function SecuritySettingsForm({ secondFactorRequired }: { secondFactorRequired: boolean }) {
  const [required, setRequired] = useState(secondFactorRequired);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await updateSecuritySettingsAction({ secondFactorRequired: required });
        setFeedback(result.ok ? { kind: "success", text: result.data.changed ? "已保存安全设置" : "设置未改变" } : { kind: "error", text: result.message });
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <form onSubmit={save} aria-label="安全设置" className="space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        <span>
          督查室和管理员必须使用动态验证码
          <span className="block text-xs text-stone-500">
            开启后，尚未设置动态验证码的督查室和管理员账号登录后须先完成设置，才能使用其他功能；他们也不能关闭动态验证码。
          </span>
        </span>
      </label>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "正在保存…" : "保存"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
