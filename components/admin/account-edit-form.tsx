"use client";

import { FormProvider } from "react-hook-form";
import { updateAccountAction } from "@/app/(app)/admin/users/actions";
import { FeedbackMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateAccountSchema } from "@/lib/services/account-schemas";
import { RoleFields, type RoleValues } from "./role-fields";

interface Option {
  id: number;
  name: string;
}

/** Display name, role and links. A new role or link signs the user out everywhere (the service bumps the session version). */
export function AccountEditForm({
  account,
  leaders,
  units,
  isSelf,
}: {
  account: RoleValues & { id: number; displayName: string };
  leaders: Option[];
  units: Option[];
  isSelf: boolean;
}) {
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: updateAccountSchema,
    defaultValues: {
      userId: account.id,
      displayName: account.displayName,
      role: account.role,
      leaderId: account.leaderId,
      unitId: account.unitId,
      unitRole: account.unitRole,
    },
    action: updateAccountAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      return { kind: "success", text: data.changed ? "已保存" : "没有需要保存的修改" };
    },
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="账号信息" className="space-y-4">
        <div className="w-64">
          <TextField id="edit-display-name" label="显示名称" error={errors.displayName?.message} registration={register("displayName")} />
        </div>
        <RoleFields prefix="edit" leaders={leaders} units={units} roleLocked={isSelf ? "不能更改自己的角色" : undefined} />
        {!isSelf && <p className="text-xs text-stone-500">更改角色、领导或单位后，该用户需重新登录。</p>}
        <SubmitButton pending={isSubmitting} pendingLabel="正在保存…">
          保存
        </SubmitButton>
        <FeedbackMessage feedback={feedback} />
      </form>
    </FormProvider>
  );
}
