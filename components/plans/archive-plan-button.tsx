"use client";

import { useState, useTransition } from "react";
import { archivePlanAction } from "@/app/(app)/plans/actions";
import { dangerButtonClass, FeedbackMessage, UNREACHABLE, type Feedback } from "@/components/admin/form-parts";

/** 归档 a plan 执行中, after saying what it means: read-only from then on. */
export function ArchivePlanButton({ planId, title }: { planId: number; title: string }) {
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();

  function archive() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await archivePlanAction({ planId });
        setFeedback(result.ok ? { kind: "success", text: "已归档" } : { kind: "error", text: result.message });
        if (result.ok) setConfirming(false);
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-2 text-sm">
      {confirming ? (
        <div role="alertdialog" aria-label={`归档「${title}」`} className="space-y-2 rounded border border-red-200 bg-red-50 p-3">
          <p>归档后，这份分解表只能查看：各单位不能再填报或修改进展，任务的完成时限、责任领导、量化指标和需协调事项也不能再改。</p>
          <div className="flex gap-3">
            <button type="button" onClick={archive} disabled={pending} className={dangerButtonClass}>
              {pending ? "处理中…" : "确认归档"}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="text-stone-600 hover:underline">
              取消
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={dangerButtonClass}>
          归档
        </button>
      )}
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
