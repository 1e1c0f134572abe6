"use client";

import { updateUnitAction } from "@/app/(app)/admin/units/actions";
import { ActionForm, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { UnitKind } from "@/db/schema";
import { updateUnitSchema } from "@/lib/services/unit-schemas";
import { UnitKindField } from "./unit-kind-field";

/** Name and kind. Renaming keeps the old name as an alias (the service does it). */
export function UnitEditForm({ unit }: { unit: { id: number; name: string; kind: UnitKind } }) {
  const state = useActionForm({
    schema: updateUnitSchema,
    defaultValues: { unitId: unit.id, name: unit.name, kind: unit.kind },
    action: updateUnitAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      const renamed = values.name !== unit.name;
      return { kind: "success", text: !data.changed ? "没有需要保存的修改" : renamed ? `已保存。原名称「${unit.name}」已自动保留为别名` : "已保存" };
    },
  });

  const { register, errors } = state;
  return (
    <ActionForm state={state} label="单位基本信息">
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          id="unit-name"
          label="单位名称"
          className="w-80"
          error={errors.name?.message}
          hint="改名后，原名称自动保留为别名，导入旧文档时仍能识别"
          registration={register("name")}
        />
        <UnitKindField id="unit-kind" error={errors.kind?.message} registration={register("kind")} />
      </div>
    </ActionForm>
  );
}
