"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { FeedbackMessage, UNREACHABLE, type Feedback } from "@/components/ui/form";

/** One button that runs one server action and says how it went (停用 / 启用 / 删除 …). */
export function ActionButton({
  label,
  ariaLabel,
  pendingLabel,
  successText,
  className,
  run,
  onSuccess,
  available = true,
}: {
  label: string;
  /** When the visible label alone is ambiguous (several 删除 buttons in a list). */
  ariaLabel?: string;
  pendingLabel: string;
  successText: string;
  className: string;
  run: () => Promise<ActionResult<unknown>>;
  onSuccess?: () => void;
  /**
   * False once the record no longer offers the action (the second factor is gone, no session is left):
   * the button goes, the message saying what was done stays. Keep the component mounted in both states,
   * or the page's refresh after success unmounts it and the message with it.
   */
  available?: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);

  function click() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await run();
        setFeedback(result.ok ? { kind: "success", text: successText } : { kind: "error", text: result.message });
        if (result.ok) onSuccess?.();
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-2">
      {available && (
        <button type="button" onClick={click} disabled={pending} aria-label={ariaLabel} className={className}>
          {pending ? pendingLabel : label}
        </button>
      )}
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
