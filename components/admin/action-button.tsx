"use client";

import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { FeedbackMessage } from "@/components/ui/form";
import { useActionRun } from "@/components/ui/use-action-run";

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
  const { pending, feedback, run: runAction } = useActionRun();
  const click = () =>
    runAction(run, () => {
      onSuccess?.();
      return { kind: "success", text: successText };
    });

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
