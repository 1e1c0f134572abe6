"use client";

import { Controller } from "react-hook-form";
import { setUnitSupervisingLeaderAction } from "@/app/(app)/admin/units/actions";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { setUnitSupervisingLeaderSchema } from "@/lib/services/unit-schemas";

/** The unit's 分管领导: a leader in office, or none. */
export function UnitSupervisingLeaderForm({
  unitId,
  leaderId,
  leaders,
}: {
  unitId: number;
  leaderId: number | null;
  /** Leaders in office, plus the current one when no longer in office. */
  leaders: { id: number; name: string; inactive?: boolean }[];
}) {
  const state = useActionForm({
    schema: setUnitSupervisingLeaderSchema,
    defaultValues: { unitId, leaderId },
    action: setUnitSupervisingLeaderAction,
    onSuccess: (data, values, form) => {
      form.reset(values);
      const name = leaders.find((l) => l.id === values.leaderId)?.name;
      return { kind: "success", text: !data.changed ? "没有需要保存的修改" : name ? `已将「${name}」设为分管领导` : "已取消分管领导" };
    },
  });
  const { form, errors } = state;

  return (
    <ActionForm state={state} label="分管领导" submit="保存分管领导">
      <div className="w-56">
        <Field id="unit-supervising-leader" label="分管领导" error={errors.leaderId?.message}>
          <Controller
            control={form.control}
            name="leaderId"
            render={({ field }) => (
              <select
                id="unit-supervising-leader"
                className={inputClass}
                value={field.value === null ? "" : String(field.value)}
                onChange={(e) => field.onChange(e.target.value === "" ? null : Number(e.target.value))}
                onBlur={field.onBlur}
              >
                <option value="">（不设分管领导）</option>
                {leaders.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                    {l.inactive ? "（已停用）" : ""}
                  </option>
                ))}
              </select>
            )}
          />
        </Field>
      </div>
    </ActionForm>
  );
}
