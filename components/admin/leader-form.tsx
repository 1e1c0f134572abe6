"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createLeaderAction, updateLeaderAction } from "@/app/(app)/admin/leaders/actions";
import { createLeaderSchema, updateLeaderSchema } from "@/lib/services/leader-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type CreateInput = z.input<typeof createLeaderSchema>;
type UpdateInput = z.input<typeof updateLeaderSchema>;

function NameAndTitle({ prefix, errors, register }: { prefix: string; errors: { name?: { message?: string }; title?: { message?: string } }; register: (name: "name" | "title") => object }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="w-48">
        <Field id={`${prefix}-name`} label="姓名" error={errors.name?.message}>
          <input id={`${prefix}-name`} className={inputClass} aria-invalid={Boolean(errors.name)} {...register("name")} />
        </Field>
      </div>
      <div className="w-56">
        <Field id={`${prefix}-title`} label="职务（可不填）" error={errors.title?.message}>
          <input id={`${prefix}-title`} className={inputClass} placeholder="如：副旗长" aria-invalid={Boolean(errors.title)} {...register("title")} />
        </Field>
      </div>
    </div>
  );
}

export function LeaderCreateForm() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInput, unknown, z.output<typeof createLeaderSchema>>({ resolver: zodResolver(createLeaderSchema), defaultValues: { name: "", title: "" } });

  async function onSubmit(values: z.output<typeof createLeaderSchema>) {
    setFeedback(null);
    try {
      const result = await createLeaderAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset({ name: "", title: "" });
      setFeedback({ kind: "success", text: `已新建责任领导「${values.name}」` });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="新建责任领导" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <NameAndTitle prefix="new-leader" errors={errors} register={register} />
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? "正在新建…" : "新建责任领导"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

export function LeaderEditForm({ leader }: { leader: { id: number; name: string; title: string | null } }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateInput, unknown, z.output<typeof updateLeaderSchema>>({
    resolver: zodResolver(updateLeaderSchema),
    defaultValues: { leaderId: leader.id, name: leader.name, title: leader.title ?? "" },
  });

  async function onSubmit(values: z.output<typeof updateLeaderSchema>) {
    setFeedback(null);
    try {
      const result = await updateLeaderAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset(values);
      setFeedback({ kind: "success", text: result.data.changed ? "已保存" : "没有需要保存的修改" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="责任领导信息" className="space-y-3">
      <NameAndTitle prefix="leader" errors={errors} register={register} />
      <p className="text-xs text-stone-500">改名后，今后导入的分解表需使用新姓名才能对应到这位领导。</p>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
