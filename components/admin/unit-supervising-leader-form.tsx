"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { setUnitSupervisingLeaderAction } from "@/app/(app)/admin/units/actions";
import { setUnitSupervisingLeaderSchema } from "@/lib/services/unit-schemas";
import { failureOf, FeedbackMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

type Input = z.input<typeof setUnitSupervisingLeaderSchema>;
type Output = z.output<typeof setUnitSupervisingLeaderSchema>;

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
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Input, unknown, Output>({ resolver: zodResolver(setUnitSupervisingLeaderSchema), defaultValues: { unitId, leaderId } });

  async function onSubmit(values: Output) {
    setFeedback(null);
    try {
      const result = await setUnitSupervisingLeaderAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      reset(values);
      const name = leaders.find((l) => l.id === values.leaderId)?.name;
      setFeedback({ kind: "success", text: !result.data.changed ? "没有需要保存的修改" : name ? `已将「${name}」设为分管领导` : "已取消分管领导" });
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-label="分管领导" className="space-y-3">
      <div className="w-56">
        <Field id="unit-supervising-leader" label="分管领导" error={errors.leaderId?.message}>
          <Controller
            control={control}
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
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存分管领导"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
