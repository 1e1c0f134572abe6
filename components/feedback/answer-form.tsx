"use client";
/** 答复 one 意见建议 (the office): once; the page then shows the answer. */
import { useRouter } from "next/navigation";
import { answerFeedbackAction } from "@/app/(app)/feedback/actions";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { FEEDBACK_ANSWER_MAX } from "@/lib/feedback/kinds";
import { answerFeedbackSchema } from "@/lib/services/feedback-schemas";

export function AnswerForm({ id }: { id: number }) {
  const router = useRouter();
  const state = useActionForm({
    schema: answerFeedbackSchema,
    defaultValues: { id, answer: "" },
    action: answerFeedbackAction,
    onSuccess: () => {
      router.refresh();
      return { kind: "success", text: "已答复，提交人会收到消息" };
    },
  });
  const { register, errors } = state;
  return (
    <ActionForm state={state} label="答复意见建议" submit="答复" pendingLabel="正在提交…">
      <Field
        id="feedback-answer"
        label="答复内容"
        required
        error={errors.answer?.message}
        hint={`不超过 ${FEEDBACK_ANSWER_MAX} 字。答复只能提交一次，请核实后再提交。`}
      >
        <textarea
          id="feedback-answer"
          rows={6}
          className={inputClass}
          aria-invalid={Boolean(errors.answer)}
          aria-describedby={errors.answer ? "feedback-answer-error" : "feedback-answer-hint"}
          {...register("answer")}
        />
      </Field>
    </ActionForm>
  );
}
