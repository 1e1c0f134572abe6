"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { updateAccountAction } from "@/app/(app)/admin/users/actions";
import { updateAccountSchema } from "@/lib/services/account-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { RoleFields, type RoleValues } from "./role-fields";

type Input = z.input<typeof updateAccountSchema>;
type Output = z.output<typeof updateAccountSchema>;

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
  const [feedback, setFeedback] = useState<Feedback>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updateAccountSchema),
    defaultValues: { userId: account.id, displayName: account.displayName, role: account.role, leaderId: account.leaderId, unitId: account.unitId, unitRole: account.unitRole },
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await updateAccountAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset(values);
      setFeedback({ kind: "success", text: result.data.changed ? "已保存" : "没有需要保存的修改" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="账号信息" className="space-y-4">
        <div className="w-64">
          <Field id="edit-display-name" label="显示名称" error={errors.displayName?.message}>
            <input id="edit-display-name" className={inputClass} aria-invalid={Boolean(errors.displayName)} {...register("displayName")} />
          </Field>
        </div>
        <RoleFields prefix="edit" leaders={leaders} units={units} roleLocked={isSelf ? "不能更改自己的角色" : undefined} />
        {!isSelf && <p className="text-xs text-stone-500">更改角色、领导或单位后，该用户需重新登录。</p>}
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在保存…" : "保存"}
        </button>
        <FeedbackMessage feedback={feedback} />
      </form>
    </FormProvider>
  );
}
