"use client";

import { createUnitAction } from "@/app/(app)/admin/units/actions";
import { FeedbackMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUnitSchema, UNIT_KINDS } from "@/lib/services/unit-schemas";
import { UNIT_KIND_LABEL } from "@/lib/units";

export function UnitCreateForm() {
  const { register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: createUnitSchema,
    defaultValues: { name: "", kind: "department" },
    action: createUnitAction,
    onSuccess: (_data, values, form) => {
      form.reset({ name: "", kind: values.kind });
      return { kind: "success", text: `已新建单位「${values.name}」` };
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="新建单位" className="space-y-3 rounded border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-64">
          <TextField id="new-unit-name" label="单位名称" error={errors.name?.message} registration={register("name")} />
        </div>
        <div className="w-40">
          <SelectField
            id="new-unit-kind"
            label="类别"
            error={errors.kind?.message}
            options={UNIT_KINDS}
            labels={UNIT_KIND_LABEL}
            registration={register("kind")}
          />
        </div>
        <SubmitButton pending={isSubmitting} pendingLabel="正在新建…">
          新建单位
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
