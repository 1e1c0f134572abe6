"use client";

import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import { FeedbackMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetPasswordSchema } from "@/lib/services/account-schemas";

/** The administrator types a new password; the user is signed out and must change it at the next sign-in. */
export function ResetPasswordForm({ userId }: { userId: number }) {
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { userId, password: "" },
    action: resetPasswordAction,
    onSuccess: (_data, _values, form) => {
      form.reset({ userId, password: "" });
      return { kind: "success", text: "已重置密码。请把新密码告知用户，用户登录后须修改密码。" };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="重置密码" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <TextField
            id="reset-password"
            label="新密码"
            type="password"
            autoComplete="new-password"
            error={errors.password?.message}
            registration={register("password")}
          />
        </div>
        <SubmitButton pending={isSubmitting} pendingLabel="正在重置…">
          重置密码
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
