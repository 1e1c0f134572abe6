"use client";

import { StackedField } from "@/components/ui/stacked-field";
import { type InlineMessage, SubmitLine } from "@/components/ui/form";

import { Options, namedChoices } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createFindingAction } from "@/app/(app)/supervision/findings/actions";
import { RATING_LABEL } from "@/lib/escalation/labels";
import { findingSchema } from "@/lib/escalation/schemas";

type Values = z.input<typeof findingSchema>;

const emptyToNull = (v: unknown) => (v === "" || v === null || v === undefined || Number.isNaN(v) ? null : Number(v));

/** Records a finding (督查发现) for a task or a unit in a period. */
export function FindingForm({
  periods,
  defaultPeriod,
  tasks,
  units,
}: {
  periods: { index: number; label: string }[];
  defaultPeriod: number;
  tasks: { id: number; seq: number; content: string; planId?: number; planLabel?: string }[];
  units: { id: number; name: string }[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState<InlineMessage>(null);
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(findingSchema),
    defaultValues: { periodIndex: defaultPeriod, taskId: null, unitId: null, rating: "fair", text: "" },
  });
  async function onSubmit(values: Values) {
    const result = await createFindingAction(findingSchema.parse(values));
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage({ ok: true, text: "已记录" });
    reset({ ...values, text: "" });
    router.refresh();
  }
  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="记录督查发现" className="grid gap-3 sm:grid-cols-4">
      <StackedField label="半月期">
        <select {...register("periodIndex", { valueAsNumber: true })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          <Options choices={[...periods].reverse().map((p) => ({ value: p.index, label: p.label }))} />
        </select>
      </StackedField>
      <StackedField label="任务" error={errors.taskId?.message} className="sm:col-span-2">
        <select {...register("taskId", { setValueAs: emptyToNull })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          <option value="">（不针对具体任务）</option>
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.planLabel && tasks.some((o) => o.planId !== t.planId) ? `${t.planLabel} ` : ""}
              {t.seq}. {t.content.slice(0, 36)}
            </option>
          ))}
        </select>
      </StackedField>
      <StackedField label="单位">
        <select {...register("unitId", { setValueAs: emptyToNull })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          <Options choices={namedChoices(units)} empty="（不针对具体单位）" />
        </select>
      </StackedField>
      <fieldset className="flex items-center gap-4 text-sm sm:col-span-4">
        <legend className="sr-only">评价</legend>
        <span className="text-stone-600">评价</span>
        {(["good", "fair", "poor"] as const).map((r) => (
          <label key={r} className="flex items-center gap-1">
            <input type="radio" value={r} {...register("rating")} />
            {RATING_LABEL[r]}
          </label>
        ))}
        {errors.rating && <span className="text-red-600">{errors.rating.message}</span>}
      </fieldset>
      <StackedField label="督查发现" error={errors.text?.message} className="sm:col-span-4">
        <textarea rows={3} maxLength={2000} {...register("text")} className="mt-1 rounded border border-stone-300 p-2" />
      </StackedField>
      <SubmitLine label="记录" disabled={formState.isSubmitting} message={message} className="sm:col-span-4" />
    </form>
  );
}
