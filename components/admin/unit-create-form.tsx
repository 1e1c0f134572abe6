"use client";

import { createUnitAction } from "@/app/(app)/admin/units/actions";
import { RowForm, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUnitSchema } from "@/lib/services/unit-schemas";
import { UnitKindField } from "./unit-kind-field";

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
      <UnitKindField id="new-unit-kind" error={errors.kind?.message} registration={register("kind")} />
    </RowForm>
  );
}
