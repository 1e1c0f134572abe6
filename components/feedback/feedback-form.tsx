"use client";
/**
 * 提交意见建议: the kind (意见 / 建议), the text, 匿名提交, and the page it was sent from (hidden). With
 * JavaScript it checks the form first and sends it through the action; without, it posts natively to
 * sendFeedbackFormAction, and a refusal renders the form again with the message and what was typed.
 */
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { sendFeedbackAction, sendFeedbackFormAction } from "@/app/(app)/feedback/actions";
import { Field, FeedbackMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { FEEDBACK_BODY_MAX, FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, type FeedbackKind } from "@/lib/feedback/kinds";
import { sendFeedbackSchema } from "@/lib/services/feedback-schemas";

export function FeedbackForm({ pagePath }: { pagePath: string | null }) {
  const router = useRouter();
  const [posted, formAction] = useActionState(sendFeedbackFormAction, null);
  const start = posted?.fields;
  const defaults = {
    kind: FEEDBACK_KINDS.includes(start?.kind as FeedbackKind) ? (start?.kind as FeedbackKind) : "complaint",
    body: start?.body ?? "",
    anonymous: start?.anonymous ?? false,
    pagePath: start?.pagePath ?? pagePath ?? "",
  };
  const state = useActionForm({
    schema: sendFeedbackSchema,
    defaultValues: defaults,
    action: sendFeedbackAction,
    onSuccess: () => {
      router.push("/feedback?sent=1");
      return undefined;
    },
  });
  const { register, errors } = state;
  // The values are also written into the HTML (default…): without JavaScript react-hook-form never sets them.
  // A refusal of the native post (no JavaScript): its field messages until the form is checked here.
  const serverError = (name: "kind" | "body" | "anonymous" | "pagePath") => posted?.fieldErrors?.[name]?.[0];
  const feedback = state.feedback ?? (posted ? { kind: "error" as const, text: posted.message } : null);
  const bodyError = errors.body?.message ?? serverError("body");
  const kindError = errors.kind?.message ?? serverError("kind");
  const pathError = errors.pagePath?.message ?? serverError("pagePath");

  return (
    <form action={formAction} onSubmit={state.onSubmit} noValidate aria-label="提交意见建议" className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <fieldset className="text-sm" aria-describedby={kindError ? "feedback-kind-error" : undefined}>
        <legend className="font-medium text-stone-700">类别</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {FEEDBACK_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5">
              <input type="radio" value={kind} defaultChecked={defaults.kind === kind} {...register("kind")} />
              {FEEDBACK_KIND_LABELS[kind]}
              <span className="text-xs text-stone-500">{kind === "complaint" ? "（如形式主义、重复填报、加重基层负担）" : "（改进工作或系统的想法）"}</span>
            </label>
          ))}
        </div>
        {kindError && (
          <p id="feedback-kind-error" className="mt-1 text-red-600">
            {kindError}
          </p>
        )}
      </fieldset>
      <Field
        id="feedback-body"
        label="内容"
        required
        error={bodyError}
        hint={`5–${FEEDBACK_BODY_MAX} 字。请写清楚事情、涉及的任务或报表，以及您的意见或建议。`}
      >
        <textarea
          id="feedback-body"
          rows={7}
          className={inputClass}
          aria-invalid={Boolean(bodyError)}
          aria-describedby={bodyError ? "feedback-body-error" : "feedback-body-hint"}
          defaultValue={defaults.body}
          {...register("body")}
        />
      </Field>
      <div className="text-sm">
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" aria-describedby="feedback-anonymous-hint" defaultChecked={defaults.anonymous} {...register("anonymous")} />
          <span className="font-medium text-stone-700">匿名提交</span>
        </label>
        <p id="feedback-anonymous-hint" className="mt-1 ml-6 text-xs text-stone-500">
          匿名提交后，督查室和管理员看不到您的姓名和单位（操作日志中也不记录），只能看到来自系统的哪一部分；答复只通过站内消息告诉您本人。
        </p>
      </div>
      <input type="hidden" defaultValue={defaults.pagePath} {...register("pagePath")} />
      {pathError && <p className="text-sm text-red-600">{pathError}</p>}
      <div className="flex items-center gap-3">
        <SubmitButton pending={state.isSubmitting} pendingLabel="正在提交…">
          提交
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
