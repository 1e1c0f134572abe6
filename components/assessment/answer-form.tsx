"use client";

import { useRouter } from "next/navigation";
import { answerObjectionAction } from "@/app/(app)/supervision/assessments/actions";
import { Field, FeedbackMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { type AnswerObjectionInput, answerObjectionSchema, MAX_OBJECTION_CHARS } from "@/lib/services/assessment-schemas";

/** 答复异议: 采纳 or 不予采纳, with the answer the unit reads. */
export function AnswerForm({ objectionId, unitName }: { objectionId: number; unitName: string }) {
  const router = useRouter();
  const { form, register, errors, isSubmitting, feedback, onSubmit } = useActionForm({
    schema: answerObjectionSchema,
    defaultValues: { id: objectionId, upheld: undefined, answer: "" } as unknown as AnswerObjectionInput,
    action: answerObjectionAction,
    onSuccess: () => {
      router.refresh();
      return { kind: "success", text: "已答复" };
    },
  });
  const upheld = form.watch("upheld");
  return (
    <form onSubmit={onSubmit} aria-label={`答复${unitName}的异议`} className="mt-2 space-y-2">
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">答复结论</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name={`upheld-${objectionId}`} checked={upheld === true} onChange={() => form.setValue("upheld", true)} />
          采纳
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`upheld-${objectionId}`} checked={upheld === false} onChange={() => form.setValue("upheld", false)} />
          不予采纳
        </label>
      </fieldset>
      {errors.upheld && <p className="text-sm text-red-600">{errors.upheld.message ?? "请选择采纳或不予采纳"}</p>}
      <Field id={`answer-${objectionId}`} label="答复内容" required error={errors.answer?.message}>
        <textarea
          id={`answer-${objectionId}`}
          rows={2}
          maxLength={MAX_OBJECTION_CHARS}
          className={inputClass}
          aria-invalid={Boolean(errors.answer)}
          {...register("answer")}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "正在答复…" : "答复"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
