"use client";
/** 撤回: the filer takes back a report waiting for the unit head, to change it and send it again. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { withdrawReportAction } from "@/app/(app)/reports/actions";
import { type Feedback, FeedbackMessage, secondaryButtonClass, UNREACHABLE_TEXT } from "./parts";

export function WithdrawPanel({ target }: { target: { taskId: number; periodIndex: number } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);

  function withdraw() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await withdrawReportAction(target);
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        setFeedback({ kind: "success", text: "已撤回，可修改后重新提交" });
        router.refresh();
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="withdraw-panel">
      <button type="button" onClick={withdraw} disabled={pending} className={secondaryButtonClass}>
        {pending ? "正在撤回…" : "撤回修改"}
      </button>
      <span className="text-xs text-stone-500">负责人审阅前可撤回，改好后重新提交。</span>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
