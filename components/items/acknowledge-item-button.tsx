"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acknowledgeItemAction } from "@/app/(app)/items/actions";
import { FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";

/** 签收: the lead unit confirms it has received the item. */
export function AcknowledgeItemButton({ taskId }: { taskId: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  function acknowledge() {
    setFeedback(null);
    start(async () => {
      try {
        const result = await acknowledgeItemAction({ taskId });
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setFeedback({ kind: "success", text: "已签收" });
        router.refresh();
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={acknowledge} disabled={pending} className={primaryButtonClass}>
        {pending ? "正在签收…" : "签收"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
