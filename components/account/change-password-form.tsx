"use client";

import { signIn } from "next-auth/react";
import { changeOwnPasswordAction } from "@/app/(app)/account/password/actions";
import { ActionForm, PasswordField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeOwnPasswordSchema } from "@/lib/services/account-schemas";

/**
 * Current password + new + confirmation. A successful change ends every session of the account
 * (this one too), so the browser signs in again at once with the new password.
 */
export function ChangePasswordForm({ homePath }: { homePath: string }) {
  const state = useActionForm({
    schema: changeOwnPasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changeOwnPasswordAction,
    onSuccess: async (data, values, form) => {
      form.reset();
      const again = await signIn("credentials", { username: data.username, password: values.newPassword, redirect: false });
      if (!again || again.error) {
        window.location.assign("/login");
        return { kind: "success", text: "密码已修改。请用新密码重新登录。" };
      }
      window.location.assign(homePath);
      return { kind: "success", text: "密码已修改" };
    },
  });

  const { register, errors } = state;
  return (
    <ActionForm state={state} label="修改密码" submit="修改密码" className="max-w-sm space-y-4">
      <PasswordField
        id="current-password"
        label="当前密码"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        registration={register("currentPassword")}
      />
      <PasswordField
        id="new-password"
        label="新密码"
        error={errors.newPassword?.message}
        hint="8–64 个字符，不要使用常见密码"
        registration={register("newPassword")}
      />
      <PasswordField id="confirm-password" label="再次输入新密码" error={errors.confirmPassword?.message} registration={register("confirmPassword")} />
    </ActionForm>
  );
}
