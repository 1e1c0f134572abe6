"use client";

import { StackedField } from "@/components/ui/stacked-field";
import { type InlineMessage, SubmitLine } from "@/components/ui/form";

import { Options } from "@/components/ui/options";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { requestClosureAction } from "@/app/(app)/requests/actions";
import { closureRequestSchema } from "@/lib/reporting/request-schemas";

type Values = z.infer<typeof closureRequestSchema>;

export function ClosureForm({ tasks }: { tasks: { id: number; seq: number; content: string }[] }) {
  const [message, setMessage] = useState<InlineMessage>(null);
  const { register, handleSubmit, reset, formState } = useForm<Values>({
    resolver: zodResolver(closureRequestSchema),
    defaultValues: { taskId: tasks[0]?.id ?? 0, evidence: "" },
  });
  async function onSubmit(values: Values) {
    const result = await requestClosureAction(values);
    setMessage(result.ok ? { ok: true, text: "已提交销号申请，等待督查室核验" } : { ok: false, text: result.message });
    if (result.ok) reset({ ...values, evidence: "" });
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label="办结销号申请" className="space-y-3">
      <StackedField label="已完成的任务">
        <select {...register("taskId", { valueAsNumber: true })} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          <Options choices={tasks.map((t) => ({ value: t.id, label: `${t.seq}. ${t.content.slice(0, 40)}` }))} />
        </select>
      </StackedField>
      <StackedField label="完成情况及佐证材料" error={formState.errors.evidence?.message}>
        <textarea rows={4} {...register("evidence")} className="mt-1 rounded border border-stone-300 p-2" />
      </StackedField>
      <SubmitLine label="申请销号" disabled={formState.isSubmitting || tasks.length === 0} message={message} />
    </form>
  );
}
