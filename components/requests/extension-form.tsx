"use client";

import { StackedField } from "@/components/ui/stacked-field";
import { type InlineMessage, SubmitLine } from "@/components/ui/form";

import { Options } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { requestExtensionAction } from "@/app/(app)/requests/actions";
import { extensionRequestSchema } from "@/lib/reporting/request-schemas";

type Values = z.infer<typeof extensionRequestSchema>;
interface Option {
  id: number;
  seq: number;
  content: string;
  /** The task's plan, when the unit has tasks of several. */
  planLabel?: string | null;
}

type PeriodOption = { index: number; label: string };

/** `periodsByTask`: each task's open periods under its own plan and cadence (a monthly item: its months). */
export function ExtensionForm({
  tasks,
  periods,
  periodsByTask = {},
}: {
  tasks: Option[];
  periods: PeriodOption[];
  periodsByTask?: Record<number, PeriodOption[]>;
}) {
  const [message, setMessage] = useState<InlineMessage>(null);
  const firstTask = tasks[0]?.id ?? 0;
  const { register, handleSubmit, reset, formState, watch } = useForm<Values>({
    resolver: zodResolver(extensionRequestSchema),
    defaultValues: { taskId: firstTask, periodIndex: (periodsByTask[firstTask] ?? periods)[0]?.index ?? 1, requestedDueAt: "", reason: "" },
  });
  const taskPeriods = periodsByTask[watch("taskId")] ?? periods;
  async function onSubmit(values: Values) {
    const result = await requestExtensionAction(values);
    setMessage(result.ok ? { ok: true, text: "已提交延期申请，等待督查室审批" } : { ok: false, text: result.message });
    if (result.ok) reset({ ...values, reason: "", requestedDueAt: "" });
  }
  const { errors } = formState;
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="延期申请" className="grid gap-3 sm:grid-cols-2">
      <StackedField label="任务" className="sm:col-span-2">
        <select {...register("taskId", { valueAsNumber: true })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.planLabel ? `${t.planLabel} ` : ""}
              {t.seq}. {t.content.slice(0, 40)}
            </option>
          ))}
        </select>
      </StackedField>
      <StackedField label="半月期">
        <select {...register("periodIndex", { valueAsNumber: true })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          <Options choices={taskPeriods.map((p) => ({ value: p.index, label: p.label }))} />
        </select>
      </StackedField>
      <StackedField label="申请延至" error={errors.requestedDueAt?.message}>
        <input type="datetime-local" {...register("requestedDueAt")} className="mt-1 rounded border border-stone-300 px-2 py-1.5" />
      </StackedField>
      <StackedField label="延期理由" error={errors.reason?.message} className="sm:col-span-2">
        <textarea rows={3} {...register("reason")} className="mt-1 rounded border border-stone-300 p-2" />
      </StackedField>
      <SubmitLine label="提交延期申请" disabled={formState.isSubmitting || tasks.length === 0} message={message} className="sm:col-span-2" />
    </form>
  );
}
