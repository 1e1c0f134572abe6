"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { answerCoordinationAction, replyCoordinationAction, resolveCoordinationAction } from "@/app/(app)/coordination/actions";
import { FeedbackMessage, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";
import { MAX_REPLY_CHARS } from "@/lib/coordination/schemas";

/**
 * Under a coordination request: a leader gives an instruction (批示), the lead unit replies (情况反馈);
 * either may mark it resolved, the text then being the (optional) note. The text stays when a
 * submission fails.
 */
export function CoordinationReplyForm({ id, can }: { id: number; can: { answer: boolean; resolve: boolean; reply: boolean } }) {
  const router = useRouter();
  const fieldId = useId();
  const [body, setBody] = useState("");
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  if (!can.answer && !can.reply && !can.resolve) return null;

  const run = (kind: "answer" | "reply" | "resolve") =>
    startTransition(async () => {
      setFeedback(null);
      if (kind !== "resolve" && !body.trim()) return setFeedback({ kind: "error", text: kind === "answer" ? "请填写批示意见" : "请填写情况反馈" });
      try {
        const result =
          kind === "answer"
            ? await answerCoordinationAction({ id, body })
            : kind === "reply"
              ? await replyCoordinationAction({ id, body })
              : await resolveCoordinationAction({ id, note: body });
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setBody("");
        setFeedback({ kind: "success", text: kind === "answer" ? "已批示" : kind === "reply" ? "已反馈" : "已标记为已解决" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });

  const label = can.answer ? "批示意见" : "情况反馈";
  return (
    <div className="space-y-2 print:hidden" data-testid="coordination-reply-form">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-700">
        {label}
        {can.resolve && <span className="ml-1 font-normal text-stone-500">（标记已解决时可作为说明，可不填）</span>}
      </label>
      <textarea id={fieldId} rows={3} maxLength={MAX_REPLY_CHARS} value={body} onChange={(e) => setBody(e.target.value)} className={inputClass} />
      <div className="flex flex-wrap items-center gap-2">
        {can.answer && (
          <button type="button" disabled={pending} onClick={() => run("answer")} className={primaryButtonClass}>
            批示
          </button>
        )}
        {can.reply && (
          <button type="button" disabled={pending} onClick={() => run("reply")} className={primaryButtonClass}>
            提交情况反馈
          </button>
        )}
        {can.resolve && (
          <button type="button" disabled={pending} onClick={() => run("resolve")} className={secondaryButtonClass}>
            标记已解决
          </button>
        )}
      </div>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
