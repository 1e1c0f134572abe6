"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { explainEscalationAction } from "@/app/(app)/escalations/actions";
import { explanationSchema } from "@/lib/escalation/schemas";
import { type InlineMessage, SubmitLine } from "@/components/ui/form";
import { StackedField } from "@/components/ui/stacked-field";

type Values = z.infer<typeof explanationSchema>;

/** The unit's 情况说明 for one step of its ledger (once; the office is told). */
export function ExplanationForm({ id, stepLabel }: { id: number; stepLabel: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<InlineMessage>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(explanationSchema), defaultValues: { id, explanation: "" } });
  async function onSubmit(values: Values) {
    const result = await explainEscalationAction(values);
    if (!result.ok) return setMessage({ ok: false, text: result.message });
    setMessage(null);
    router.refresh();
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} aria-label={`${stepLabel}情况说明`} className="space-y-2">
      <StackedField label="情况说明（报送后不能修改）" error={formState.errors.explanation?.message}>
        <textarea rows={3} maxLength={5000} {...register("explanation")} className="mt-1 rounded border border-stone-300 p-2" />
      </StackedField>
      <SubmitLine
        label="报送情况说明"
        disabled={formState.isSubmitting}
        message={message}
        buttonClassName="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      />
    </form>
  );
}
