"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changeOwnPasswordAction } from "@/app/(app)/account/password/actions";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { changeOwnPasswordSchema } from "@/lib/services/account-schemas";

type Input = z.input<typeof changeOwnPasswordSchema>;
type Output = z.output<typeof changeOwnPasswordSchema>;

/**
 * Current password + new + confirmation. A successful change ends every session of the account
 * (this one too), so the browser signs in again at once with the new password.
 */
export function ChangePasswordForm({ homePath }: { homePath: string }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(changeOwnPasswordSchema), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await changeOwnPasswordAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset();
      const again = await signIn("credentials", { username: result.data.username, password: values.newPassword, redirect: false });
      if (!again || again.error) {
        setFeedback({ kind: "success", text: "密码已修改。请用新密码重新登录。" });
        window.location.assign("/login");
        return;
      }
      setFeedback({ kind: "success", text: "密码已修改" });
      window.location.assign(homePath);
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="修改密码" className="max-w-sm space-y-4">
      <Field id="current-password" label="当前密码" error={errors.currentPassword?.message}>
        <input id="current-password" type="password" autoComplete="current-password" className={inputClass} aria-invalid={Boolean(errors.currentPassword)} {...register("currentPassword")} />
      </Field>
      <Field id="new-password" label="新密码" error={errors.newPassword?.message} hint="8–64 个字符，不要使用常见密码">
        <input id="new-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.newPassword)} {...register("newPassword")} />
      </Field>
      <Field id="confirm-password" label="再次输入新密码" error={errors.confirmPassword?.message}>
        <input id="confirm-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.confirmPassword)} {...register("confirmPassword")} />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "修改密码"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
