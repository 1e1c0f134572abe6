"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type { z } from "zod";
import { createAccountAction } from "@/app/(app)/admin/users/actions";
import { createAccountSchema } from "@/lib/services/account-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { RoleFields, type RoleValues } from "./role-fields";

type Input = z.input<typeof createAccountSchema>;
type Output = z.output<typeof createAccountSchema>;

interface Option {
  id: number;
  name: string;
}

/** A new account: the administrator types the first password; the user must change it after signing in. */
export function AccountCreateForm({ leaders, units, initial }: { leaders: Option[]; units: Option[]; initial: RoleValues }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createAccountSchema),
    defaultValues: { username: "", displayName: "", password: "", ...initial },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await createAccountAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      router.push(`/admin/users/${result.data.id}?created=1`);
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <FormProvider {...form}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="新建账号" className="space-y-4 rounded border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-64">
            <Field id="account-username" label="用户名" error={errors.username?.message} hint="登录时使用，创建后不能更改">
              <input id="account-username" autoComplete="off" className={inputClass} aria-invalid={Boolean(errors.username)} {...register("username")} />
            </Field>
          </div>
          <div className="w-64">
            <Field id="account-display-name" label="显示名称" error={errors.displayName?.message}>
              <input id="account-display-name" className={inputClass} aria-invalid={Boolean(errors.displayName)} {...register("displayName")} />
            </Field>
          </div>
        </div>
        <RoleFields prefix="account" leaders={leaders} units={units} />
        <div className="w-64">
          <Field id="account-password" label="初始密码" error={errors.password?.message} hint="8–64 个字符；用户首次登录后须自行修改">
            <input id="account-password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={Boolean(errors.password)} {...register("password")} />
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在创建…" : "创建账号"}
        </button>
        <FeedbackMessage feedback={feedback} />
      </form>
    </FormProvider>
  );
}
