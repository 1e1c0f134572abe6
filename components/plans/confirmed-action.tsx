"use client";

import { useState, type ReactNode } from "react";
import { dangerButtonClass, FeedbackMessage, primaryButtonClass } from "@/components/ui/form";
import { useActionRun } from "@/components/ui/use-action-run";
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
  const { pending, feedback, run: runAction } = useActionRun();
  const buttonClass = danger ? dangerButtonClass : primaryButtonClass;

  const confirm = () =>
    runAction(run, () => {
      setConfirming(false);
      return { kind: "success", text: successText };
    });

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
