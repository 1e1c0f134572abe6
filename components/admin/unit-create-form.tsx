"use client";

import { createUnitAction } from "@/app/(app)/admin/units/actions";
import { RowForm, SelectField, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUnitSchema, UNIT_KINDS } from "@/lib/services/unit-schemas";
import { UNIT_KIND_LABEL } from "@/lib/units";

export function UnitCreateForm() {
  const state = useActionForm({
    schema: createUnitSchema,
    defaultValues: { name: "", kind: "department" },
    action: createUnitAction,
    onSuccess: (_data, values, form) => {
      form.reset({ name: "", kind: values.kind });
      return { kind: "success", text: `已新建单位「${values.name}」` };
    },
  });
  const { register, errors } = state;

  return (
    <RowForm state={state} label="新建单位" submit="新建单位" pendingLabel="正在新建…" boxed>
      <TextField id="new-unit-name" label="单位名称" className="w-64" error={errors.name?.message} registration={register("name")} />
      <SelectField
        id="new-unit-kind"
        label="类别"
        className="w-40"
        error={errors.kind?.message}
        options={UNIT_KINDS}
        labels={UNIT_KIND_LABEL}
        registration={register("kind")}
      />
    </RowForm>
  );
}
