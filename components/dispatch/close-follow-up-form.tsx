"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { closeFollowUpAction } from "@/app/(app)/unit/follow-ups/actions";
import { FeedbackMessage, inputClass, primaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";

/** 办结: the responsible unit closes its follow-up with a note (办结说明); the text stays if it fails. */
export function CloseFollowUpForm({ id }: { id: number }) {
  const router = useRouter();
  const fieldId = useId();
  const [note, setNote] = useState("");
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      setFeedback(null);
      if (!note.trim()) return setFeedback({ kind: "error", text: "请填写办结说明" });
      try {
        const result = await closeFollowUpAction({ id, note });
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setNote("");
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  return (
    <div className="space-y-2" data-testid="close-follow-up">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-700">
        办结说明
      </label>
      <textarea id={fieldId} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
      <button type="button" disabled={pending} onClick={submit} className={primaryButtonClass}>
        办结
      </button>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
