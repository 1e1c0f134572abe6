"use client";

import { useState, useTransition, type ReactNode } from "react";
import { dangerButtonClass, FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import type { ActionResult } from "@/lib/server/pipeline/define-action";

/**
 * A consequential step taken in two clicks: the button opens what it will do (the children), and
 * only 确认… runs the action. Says how it went.
 */
export function ConfirmedAction({
  label,
  confirmLabel,
  dialogLabel,
  danger = false,
  successText,
  run,
  children,
}: {
  label: string;
  confirmLabel: string;
  dialogLabel: string;
  danger?: boolean;
  successText: string;
  run: () => Promise<ActionResult<unknown>>;
  children: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const buttonClass = danger ? dangerButtonClass : primaryButtonClass;

  function confirm() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await run();
        setFeedback(result.ok ? { kind: "success", text: successText } : { kind: "error", text: result.message });
        if (result.ok) setConfirming(false);
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-2 text-sm">
      {confirming ? (
        <div
          role="alertdialog"
          aria-label={dialogLabel}
          className={`space-y-2 rounded border p-3 ${danger ? "border-red-200 bg-red-50" : "border-amber-300 bg-amber-50"}`}
        >
          {children}
          <div className="flex gap-3">
            <button type="button" onClick={confirm} disabled={pending} className={buttonClass}>
              {pending ? "处理中…" : confirmLabel}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="text-stone-600 hover:underline">
              取消
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={buttonClass}>
          {label}
        </button>
      )}
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
