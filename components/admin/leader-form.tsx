"use client";

import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { createLeaderAction, updateLeaderAction } from "@/app/(app)/admin/leaders/actions";
import { FeedbackMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createLeaderSchema, updateLeaderSchema } from "@/lib/services/leader-schemas";

function NameAndTitle({
  prefix,
  errors,
  name,
  title,
}: {
  prefix: string;
  errors: FieldErrors<{ name: string; title: string }>;
  name: UseFormRegisterReturn;
  title: UseFormRegisterReturn;
}) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <div className="w-48">
        <TextField id={`${prefix}-name`} label="姓名" error={errors.name?.message} registration={name} />
      </div>
      <div className="w-56">
        <TextField id={`${prefix}-title`} label="职务（可不填）" placeholder="如：副旗长" error={errors.title?.message} registration={title} />
      </div>
    </div>
  );
}

export function LeaderCreateForm() {
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: createLeaderSchema,
    defaultValues: { name: "", title: "" },
    action: createLeaderAction,
    onSuccess: (_data, values, form) => {
      form.reset({ name: "", title: "" });
      return { kind: "success", text: `已新建责任领导「${values.name}」` };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="新建责任领导" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <NameAndTitle prefix="new-leader" errors={errors} name={register("name")} title={register("title")} />
        <SubmitButton pending={isSubmitting} pendingLabel="正在新建…">
          新建责任领导
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}

export function LeaderEditForm({ leader }: { leader: { id: number; name: string; title: string | null } }) {
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: updateLeaderSchema,
    defaultValues: { leaderId: leader.id, name: leader.name, title: leader.title ?? "" },
    action: updateLeaderAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      return { kind: "success", text: data.changed ? "已保存" : "没有需要保存的修改" };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="责任领导信息" className="space-y-3">
      <NameAndTitle prefix="leader" errors={errors} name={register("name")} title={register("title")} />
      <p className="text-xs text-stone-500">改名后，今后导入的分解表需使用新姓名才能对应到这位领导。</p>
      <SubmitButton pending={isSubmitting} pendingLabel="正在保存…">
        保存
      </SubmitButton>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
