"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createGroupAction } from "@/app/(app)/admin/groups/actions";
import { createGroupSchema, GROUP_SCOPE_LABEL, GROUP_SCOPES } from "@/lib/services/group-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof createGroupSchema>;
type Output = z.output<typeof createGroupSchema>;

/** Creates a collective name, then opens it to choose its members. */
export function GroupCreateForm() {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(createGroupSchema), defaultValues: { name: "", scope: "members" } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await createGroupAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      router.push(`/admin/groups/${result.data.id}`);
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="新建集合单位" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72">
          <Field id="new-group-name" label="集合单位名称" error={errors.name?.message}>
            <input id="new-group-name" className={inputClass} placeholder="如：各苏木镇" aria-invalid={Boolean(errors.name)} {...register("name")} />
          </Field>
        </div>
        <div className="w-44">
          <Field id="new-group-scope" label="范围" error={errors.scope?.message}>
            <select id="new-group-scope" className={inputClass} {...register("scope")}>
              {GROUP_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {GROUP_SCOPE_LABEL[scope]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在新建…" : "新建集合单位"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
