"use client";

import { StackedField } from "@/components/ui/stacked-field";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updatePlanScheduleAction } from "@/app/(app)/admin/schedule/actions";
import { planScheduleSchema } from "@/lib/reporting/schedule-schemas";

type Values = z.infer<typeof planScheduleSchema>;

export function PlanScheduleForm({ initial, periodLabels }: { initial: Values; periodLabels: string[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(planScheduleSchema), defaultValues: initial });
  async function onSubmit(values: Values) {
    const result = await updatePlanScheduleAction(values);
    setMessage(result.ok ? { ok: true, text: "已保存" } : { ok: false, text: result.message });
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="报送规则" className="flex flex-wrap items-end gap-4">
      <StackedField label="从哪个半月期开始报送">
        <select {...register("reportingStartPeriod", { valueAsNumber: true })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          {periodLabels.map((label, i) => (
            <option key={label} value={i + 1}>
              {label}
            </option>
          ))}
        </select>
      </StackedField>
      <StackedField label="截止时间：半月最后一天 24:00 之后顺延（天）" error={formState.errors.dueOffsetDays?.message}>
        <input
          type="number"
          min={0}
          max={15}
          {...register("dueOffsetDays", { valueAsNumber: true })}
          className="mt-1 w-28 rounded border border-stone-300 px-2 py-1.5"
        />
      </StackedField>
      <button
        type="submit"
        disabled={formState.isSubmitting}
        className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        保存规则
      </button>
      {message && (
        <span role="status" className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
          {message.text}
        </span>
      )}
    </form>
  );
}
