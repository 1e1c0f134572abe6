"use client";

import { useRouter } from "next/navigation";
import { raiseObjectionAction } from "@/app/(app)/assessments/actions";
import { Field, FeedbackMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_OBJECTION_CHARS, type RaiseObjectionInput, raiseObjectionSchema } from "@/lib/services/assessment-schemas";

/** 提出异议: on one item or on the whole score, with the reasons. */
export function ObjectionForm({ assessmentId, items }: { assessmentId: number; items: { kind: string; label: string }[] }) {
  const router = useRouter();
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: raiseObjectionSchema,
    defaultValues: { assessmentId, itemKey: null, text: "" } as RaiseObjectionInput,
    action: raiseObjectionAction,
    onSuccess: () => {
      form.reset({ assessmentId, itemKey: null, text: "" });
      router.refresh();
      return { kind: "success", text: "已提出异议，督查室答复后将通知本单位" };
    },
  });
  return (
    <form onSubmit={onSubmit} aria-label="提出异议" className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <Field id="objection-item" label="异议的考核项" error={errors.itemKey?.message} className="max-w-xs">
        <select id="objection-item" className={inputClass} {...register("itemKey", { setValueAs: (v) => (v === "" ? null : v) })}>
          <option value="">总分</option>
          {items.map((i) => (
            <option key={i.kind} value={i.kind}>
              {i.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="objection-text" label="异议内容" required error={errors.text?.message}>
        <textarea
          id="objection-text"
          rows={3}
          maxLength={MAX_OBJECTION_CHARS}
          className={inputClass}
          aria-invalid={Boolean(errors.text)}
          {...register("text")}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在提交…" : "提出异议"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
