"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { setUnitGroupsAction } from "@/app/(app)/admin/units/actions";
import { setUnitGroupsSchema } from "@/lib/services/unit-schemas";
import { failureOf, FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof setUnitGroupsSchema>;
type Output = z.output<typeof setUnitGroupsSchema>;

/** The collective names (with listed members) this unit belongs to, as checkboxes. */
export function UnitGroupsForm({ unitId, groups, memberOf }: { unitId: number; groups: { id: number; name: string }[]; memberOf: number[] }) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(setUnitGroupsSchema), defaultValues: { unitId, groupIds: memberOf } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await setUnitGroupsAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset(values);
      setFeedback({ kind: "success", text: result.data.changed ? "已保存所属集合单位" : "没有需要保存的修改" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  if (groups.length === 0) return <p className="text-sm text-stone-500">还没有需要列出成员的集合单位</p>;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="所属集合单位" className="space-y-3">
      <Controller
        control={control}
        name="groupIds"
        render={({ field }) => (
          <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            <legend className="sr-only">所属集合单位</legend>
            {groups.map((g) => (
              <label key={g.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={field.value.includes(g.id)}
                  onChange={(e) => field.onChange(e.target.checked ? [...field.value, g.id] : field.value.filter((id) => id !== g.id))}
                />
                {g.name}
              </label>
            ))}
          </fieldset>
        )}
      />
      {errors.groupIds && <p className="text-sm text-red-600">{errors.groupIds.message}</p>}
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存所属集合单位"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
