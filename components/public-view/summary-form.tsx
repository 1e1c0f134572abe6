"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { submitPublicSummaryAction } from "@/app/(app)/tasks/[id]/public-summary-actions";
import { type Feedback, FeedbackMessage, inputClass, primaryButtonClass, UNREACHABLE_TEXT } from "@/components/ui/form";
import { MAX_PUBLIC_SUMMARY_CHARS } from "@/lib/services/public-view-schemas";

/** The lead unit's public summary: plain text, short, sent to the office for review. What was typed stays when a submission fails. */
export function PublicSummaryForm({ taskId, initial }: { taskId: number; initial: string }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(initial);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      setFeedback(null);
      try {
        const result = await submitPublicSummaryAction({ taskId, text });
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setFeedback({ kind: "success", text: "已提交督查室审核，审核通过后才会公开" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  return (
    <form
      aria-label="公开摘要"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">
        公开摘要
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        maxLength={MAX_PUBLIC_SUMMARY_CHARS}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hint`}
        className={inputClass}
      />
      <p id={`${id}-hint`} className="text-xs text-stone-500">
        面向公众，{text.length}/{MAX_PUBLIC_SUMMARY_CHARS} 字。只写已公开的工作进展，不写人名、内部问题和未公开的数据。
      </p>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "提交中…" : "提交审核"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
