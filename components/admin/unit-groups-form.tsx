"use client";

import { Controller } from "react-hook-form";
import { setUnitGroupsAction } from "@/app/(app)/admin/units/actions";
import { CheckboxFieldset } from "@/components/ui/checkboxes";
import { ActionForm } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { setUnitGroupsSchema } from "@/lib/services/unit-schemas";

/** The collective names (with listed members) this unit belongs to, as checkboxes. */
export function UnitGroupsForm({ unitId, groups, memberOf }: { unitId: number; groups: { id: number; name: string }[]; memberOf: number[] }) {
  const state = useActionForm({
    schema: setUnitGroupsSchema,
    defaultValues: { unitId, groupIds: memberOf },
    action: setUnitGroupsAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      return { kind: "success", text: data.changed ? "已保存所属集合单位" : "没有需要保存的修改" };
    },
  });
  const { form, errors } = state;

  if (groups.length === 0) return <p className="text-sm text-stone-500">还没有需要列出成员的集合单位</p>;
  return (
    <ActionForm state={state} label="所属集合单位" submit="保存所属集合单位">
      <Controller
        control={form.control}
        name="groupIds"
        render={({ field }) => (
          <CheckboxFieldset
            legend="所属集合单位"
            legendClassName="sr-only"
            error={errors.groupIds?.message}
            options={groups}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
    </ActionForm>
  );
}
