"use client";

import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import { PasswordField, RowForm } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { resetPasswordSchema } from "@/lib/services/account-schemas";

/** The administrator types a new password; the user is signed out and must change it at the next sign-in. */
export function ResetPasswordForm({ userId }: { userId: number }) {
  const state = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { userId, password: "" },
    action: resetPasswordAction,
    onSuccess: (_data, _values, form) => {
      form.reset({ userId, password: "" });
      return { kind: "success", text: "已重置密码。请把新密码告知用户，用户登录后须修改密码。" };
    },
  });

  return (
    <RowForm state={state} label="重置密码" submit="重置密码" pendingLabel="正在重置…">
      <PasswordField id="reset-password" label="新密码" className="w-64" error={state.errors.password?.message} registration={state.register("password")} />
    </RowForm>
  );
}
