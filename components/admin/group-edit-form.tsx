"use client";

import { Controller, useWatch } from "react-hook-form";
import type { z } from "zod";
import { updateGroupAction } from "@/app/(app)/admin/groups/actions";
import { IdCheckboxes } from "@/components/ui/checkboxes";
import { ActionForm } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { UnitKind } from "@/db/schema";
import { updateGroupSchema } from "@/lib/services/group-schemas";
import { UNIT_KINDS } from "@/lib/services/unit-schemas";
import { UNIT_KIND_LABEL } from "@/lib/units";
import { GroupNameAndScope } from "./group-fields";

type Input = z.input<typeof updateGroupSchema>;

interface UnitChoice {
  id: number;
  name: string;
  kind: UnitKind;
  active: boolean;
}

/** Name, scope and the member units (checkboxes grouped by kind). */
export function GroupEditForm({ group, units }: { group: { id: number; name: string; scope: Input["scope"]; unitIds: number[] }; units: UnitChoice[] }) {
  const state = useActionForm({
    schema: updateGroupSchema,
    defaultValues: { groupId: group.id, name: group.name, scope: group.scope, unitIds: group.unitIds },
    action: updateGroupAction,
    onSuccess: (data, values, form) => {
      form.reset(values.scope === "all" ? { ...values, unitIds: [] } : values);
      return { kind: "success", text: data.changed ? "已保存" : "没有需要保存的修改" };
    },
  });
  const { register, errors } = state;
  const control = state.form.control;
  const scope = useWatch({ control, name: "scope" });

  return (
    <ActionForm state={state} label="编辑集合单位" className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <GroupNameAndScope idPrefix="group" name={register("name")} scope={register("scope")} errors={errors} />
      </div>
      {scope === "all" ? (
        <p className="text-sm text-stone-600">代表全部单位：任务写这个名称时，每个单位都参与，无需选择成员。</p>
      ) : (
        <Controller
          control={control}
          name="unitIds"
          render={({ field }) => (
            <fieldset className="space-y-3">
              <legend className="text-sm text-stone-600">成员单位（已选 {field.value.length} 个）</legend>
              {UNIT_KINDS.map((kind) => {
                const ofKind = units.filter((u) => u.kind === kind);
                if (ofKind.length === 0) return null;
                return (
                  <div key={kind}>
                    <p className="text-xs font-medium text-stone-500">{UNIT_KIND_LABEL[kind]}</p>
                    <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1.5 text-sm">
                      <IdCheckboxes
                        options={ofKind.map((u) => ({ id: u.id, name: u.name, inactive: !u.active }))}
                        value={field.value}
                        onChange={field.onChange}
                        inactiveClassName="text-xs text-stone-400"
                      />
                    </div>
                  </div>
                );
              })}
            </fieldset>
          )}
        />
      )}
      {errors.unitIds && <p className="text-sm text-red-600">{errors.unitIds.message}</p>}
    </ActionForm>
  );
}
