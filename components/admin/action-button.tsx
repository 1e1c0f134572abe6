"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { FeedbackMessage, UNREACHABLE, type Feedback } from "./form-parts";

/** One button that runs one server action and says how it went (停用 / 启用 / 删除 …). */
export function ActionButton({
  label,
  ariaLabel,
  pendingLabel,
  successText,
  className,
  run,
  onSuccess,
}: {
  label: string;
  /** When the visible label alone is ambiguous (several 删除 buttons in a list). */
  ariaLabel?: string;
  pendingLabel: string;
  successText: string;
  className: string;
  run: () => Promise<ActionResult<unknown>>;
  onSuccess?: () => void;
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
      <button type="button" onClick={click} disabled={pending} aria-label={ariaLabel} className={className}>
        {pending ? pendingLabel : label}
      </button>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
