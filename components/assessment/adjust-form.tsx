"use client";

import { useRouter } from "next/navigation";
import { adjustScoreAction } from "@/app/(app)/supervision/assessments/actions";
import { Field, FeedbackMessage, inputClass, primaryButtonClass, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { type AdjustScoreInput, adjustScoreSchema, MAX_REASON_CHARS } from "@/lib/services/assessment-schemas";

/** 调整得分: a unit, the points (negative to take off) and the written reason the unit will see. */
export function AdjustForm({ assessmentId, units }: { assessmentId: number; units: { unitId: number; unitName: string }[] }) {
  const router = useRouter();
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: adjustScoreSchema,
    defaultValues: { assessmentId, unitId: units[0]?.unitId, points: Number.NaN, reason: "" } as AdjustScoreInput,
    action: adjustScoreAction,
    onSuccess: () => {
      form.reset({ assessmentId, unitId: form.getValues("unitId"), points: Number.NaN, reason: "" });
      router.refresh();
      return { kind: "success", text: "已调整得分" };
    },
  });
  return (
    <form onSubmit={onSubmit} aria-label="调整得分" className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="adjust-unit" label="单位" error={errors.unitId?.message}>
          <select id="adjust-unit" className={inputClass} {...register("unitId", { valueAsNumber: true })}>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.unitName}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          id="adjust-points"
          label="调整分值"
          type="number"
          step="0.01"
          hint="加分填正数，减分填负数"
          error={errors.points?.message}
          registration={register("points", { valueAsNumber: true })}
        />
      </div>
      <Field id="adjust-reason" label="调整理由（单位可见）" required error={errors.reason?.message}>
        <textarea
          id="adjust-reason"
          rows={2}
          maxLength={MAX_REASON_CHARS}
          className={inputClass}
          aria-invalid={Boolean(errors.reason)}
          {...register("reason")}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "调整得分"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
