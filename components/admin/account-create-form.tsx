"use client";

import { useRouter } from "next/navigation";
import { FormProvider } from "react-hook-form";
import { createAccountAction } from "@/app/(app)/admin/users/actions";
import { FeedbackMessage, SubmitButton, TextField } from "@/components/ui/form";
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
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: createAccountSchema,
    defaultValues: { username: "", displayName: "", password: "", ...initial },
    action: createAccountAction,
    onSuccess: (data) => {
      router.push(`/admin/users/${data.id}?created=1`);
      return undefined;
    },
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="新建账号" className="space-y-4 rounded border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-64">
            <TextField
              id="account-username"
              label="用户名"
              autoComplete="off"
              error={errors.username?.message}
              hint="登录时使用，创建后不能更改"
              registration={register("username")}
            />
          </div>
          <div className="w-64">
            <TextField id="account-display-name" label="显示名称" error={errors.displayName?.message} registration={register("displayName")} />
          </div>
        </div>
        <RoleFields prefix="account" leaders={leaders} units={units} />
        <div className="w-64">
          <TextField
            id="account-password"
            label="初始密码"
            type="password"
            autoComplete="new-password"
            error={errors.password?.message}
            hint="8–64 个字符；用户首次登录后须自行修改"
            registration={register("password")}
          />
        </div>
        <SubmitButton pending={isSubmitting} pendingLabel="正在创建…">
          创建账号
        </SubmitButton>
        <FeedbackMessage feedback={feedback} />
      </form>
    </FormProvider>
  );
}
