"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import { resetPasswordSchema } from "@/lib/services/account-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof resetPasswordSchema>;
type Output = z.output<typeof resetPasswordSchema>;

/** The administrator types a new password; the user is signed out and must change it at the next sign-in. */
export function ResetPasswordForm({ userId }: { userId: number }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { userId, password: "" } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await resetPasswordAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset({ userId, password: "" });
      setFeedback({ kind: "success", text: "已重置密码。请把新密码告知用户，用户登录后须修改密码。" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="重置密码" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field id="reset-password" label="新密码" error={errors.password?.message}>
            <input id="reset-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.password)} {...register("password")} />
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在重置…" : "重置密码"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
