"use client";

import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { createAccountAction } from "@/app/(app)/admin/users/actions";
import { ActionForm, PasswordField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAccountSchema } from "@/lib/services/account-schemas";
import { RoleFields, type RoleValues } from "./role-fields";

interface Option {
  id: number;
  name: string;
}

/** A new account: the administrator types the first password; the user must change it after signing in. */
export function AccountCreateForm({ leaders, units, initial }: { leaders: Option[]; units: Option[]; initial: RoleValues }) {
  const router = useRouter();
  const state = useActionForm({
    schema: createAccountSchema,
    defaultValues: { username: "", displayName: "", password: "", ...initial },
    action: createAccountAction,
    onSuccess: (data) => {
      router.push(`/admin/users/${data.id}?created=1`);
      return undefined;
    },
  });

  const { form, register, errors } = state;
  return (
    <FormProvider {...form}>
      <ActionForm state={state} label="新建账号" submit="创建账号" pendingLabel="正在创建…" className="space-y-4 rounded border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-start gap-3">
          <TextField
            id="account-username"
            className="w-64"
            label="用户名"
            autoComplete="off"
            error={errors.username?.message}
            hint="登录时使用，创建后不能更改"
            registration={register("username")}
          />
          <TextField id="account-display-name" label="显示名称" className="w-64" error={errors.displayName?.message} registration={register("displayName")} />
        </div>
        <RoleFields prefix="account" leaders={leaders} units={units} />
        <PasswordField
          id="account-password"
          className="w-64"
          label="初始密码"
          error={errors.password?.message}
          hint="8–64 个字符；用户首次登录后须自行修改"
          registration={register("password")}
        />
      </ActionForm>
    </FormProvider>
  );
}
