"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { setThresholdsAction } from "@/app/(app)/supervision/burden/actions";
import { failureOf, Field, FeedbackMessage, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import { thresholdsSchema, type ThresholdsInput } from "@/lib/services/burden-schemas";

const asLimit = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** 负担提醒线: two limits per unit per month; empty = no limit. Checked here as typed and again on the server. */
export function ThresholdsForm({ current }: { current: ThresholdsInput }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ThresholdsInput>({ resolver: zodResolver(thresholdsSchema), defaultValues: current });

  async function onSubmit(values: ThresholdsInput) {
    setFeedback(null);
    try {
      const result = await setThresholdsAction(values);
      if (!result.ok) return setFeedback(failureOf(result, setError));
      setFeedback({ kind: "success", text: "负担提醒线已保存" });
      router.refresh();
    } catch {
      setFeedback(UNREACHABLE);
    }
  }

  return (
    <form
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label="负担提醒线"
      className="flex flex-wrap items-end gap-4 rounded border border-stone-200 bg-white p-3"
    >
      <Field id="max-owed" label="每单位每月应报事项不超过" error={errors.maxOwed?.message} hint="进展报告与配合进展合计；留空为不设" className="w-60">
        <input
          id="max-owed"
          type="number"
          min={1}
          inputMode="numeric"
          className={inputClass}
          aria-invalid={errors.maxOwed ? true : undefined}
          {...register("maxOwed", { setValueAs: asLimit })}
        />
      </Field>
      <Field id="max-reminders" label="每单位每月收到催办不超过" error={errors.maxReminders?.message} hint="留空为不设" className="w-60">
        <input
          id="max-reminders"
          type="number"
          min={1}
          inputMode="numeric"
          className={inputClass}
          aria-invalid={errors.maxReminders ? true : undefined}
          {...register("maxReminders", { setValueAs: asLimit })}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在保存…" : "保存提醒线"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
