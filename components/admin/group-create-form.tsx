"use client";

import { useRouter } from "next/navigation";
import { createGroupAction } from "@/app/(app)/admin/groups/actions";
import { FeedbackMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createGroupSchema, GROUP_SCOPE_LABEL, GROUP_SCOPES } from "@/lib/services/group-schemas";

/** Creates a collective name, then opens it to choose its members. */
export function GroupCreateForm() {
  const router = useRouter();
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: createGroupSchema,
    defaultValues: { name: "", scope: "members" },
    action: createGroupAction,
    onSuccess: (data) => {
      router.push(`/admin/groups/${data.id}`);
      return undefined;
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="新建集合单位" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-72">
          <TextField id="new-group-name" label="集合单位名称" placeholder="如：各苏木镇" error={errors.name?.message} registration={register("name")} />
        </div>
        <div className="w-44">
          <SelectField
            id="new-group-scope"
            label="范围"
            error={errors.scope?.message}
            options={GROUP_SCOPES}
            labels={GROUP_SCOPE_LABEL}
            registration={register("scope")}
          />
        </div>
        <SubmitButton pending={isSubmitting} pendingLabel="正在新建…">
          新建集合单位
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
