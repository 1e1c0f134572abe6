"use client";

import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { createLeaderAction, updateLeaderAction } from "@/app/(app)/admin/leaders/actions";
import { ActionForm, RowForm, TextField } from "@/components/ui/form";
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
      <TextField id={`${prefix}-name`} label="姓名" className="w-48" error={errors.name?.message} registration={name} />
      <TextField id={`${prefix}-title`} label="职务（可不填）" className="w-56" placeholder="如：副旗长" error={errors.title?.message} registration={title} />
    </div>
  );
}

export function LeaderCreateForm() {
  const state = useActionForm({
    schema: createLeaderSchema,
    defaultValues: { name: "", title: "" },
    action: createLeaderAction,
    onSuccess: (_data, values, form) => {
      form.reset({ name: "", title: "" });
      return { kind: "success", text: `已新建责任领导「${values.name}」` };
    },
  });

  const { register, errors } = state;
  return (
    <RowForm state={state} label="新建责任领导" submit="新建责任领导" pendingLabel="正在新建…" boxed>
      <NameAndTitle prefix="new-leader" errors={errors} name={register("name")} title={register("title")} />
    </RowForm>
  );
}

export function LeaderEditForm({ leader }: { leader: { id: number; name: string; title: string | null } }) {
  const state = useActionForm({
    schema: updateLeaderSchema,
    defaultValues: { leaderId: leader.id, name: leader.name, title: leader.title ?? "" },
    action: updateLeaderAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      return { kind: "success", text: data.changed ? "已保存" : "没有需要保存的修改" };
    },
  });

  const { register, errors } = state;
  return (
    <ActionForm state={state} label="责任领导信息">
      <NameAndTitle prefix="leader" errors={errors} name={register("name")} title={register("title")} />
      <p className="text-xs text-stone-500">改名后，今后导入的分解表需使用新姓名才能对应到这位领导。</p>
    </ActionForm>
  );
}
