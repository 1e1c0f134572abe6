"use client";

/** A button that runs one server action (no form): disabled while it runs, then how it went beside or below it. */
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { type Feedback, FeedbackMessage, InlineError } from "./form";
import { useActionRun } from "./use-action-run";

/**
 * `action` runs on a click (after `confirm`, when given, is answered yes in the browser's dialog); `succeeded` then refreshes
 * or leaves the page and may return a message. `pendingLabel` replaces the label while it runs; `disabled` keeps it off besides.
 * `outcome`: `inline`, only a refusal, beside the button in a `<span>`; `message`, the outcome (success too) as a message, in a
 * `<div>`. `className` is the span's or div's, `buttonClassName` and `errorClassName` (inline) the button's and refusal's looks.
 * `shown` false once the record no longer offers the action: the button goes, what was said stays (keep the component mounted
 * in both states, or the page's refresh after success unmounts it and the message with it).
 */
export function RunButton<T>({
  action,
  succeeded,
  confirm,
  label,
  pendingLabel,
  ariaLabel,
  disabled = false,
  outcome = "inline",
  shown = true,
  className,
  buttonClassName,
  errorClassName,
}: {
  action: () => Promise<ActionResult<T>>;
  // biome-ignore lint/suspicious/noConfusingVoidType: `succeeded` may only refresh or leave the page and return nothing
  succeeded?: (data: T) => Feedback | undefined | void;
  confirm?: string;
  label: ReactNode;
  pendingLabel?: ReactNode;
  ariaLabel?: string;
  disabled?: boolean;
  outcome?: "inline" | "message";
  shown?: boolean;
  className?: string;
  buttonClassName: string;
  errorClassName?: string;
}) {
  const { pending, feedback, run } = useActionRun();
  const click = () => {
    if (confirm !== undefined && !window.confirm(confirm)) return;
    run(action, succeeded);
  };
  const button = shown && (
    <button type="button" aria-label={ariaLabel} disabled={disabled || pending} onClick={click} className={buttonClassName}>
      {pending && pendingLabel !== undefined ? pendingLabel : label}
    </button>
  );
  if (outcome === "message")
    return (
      <div className={className}>
        {button}
        <FeedbackMessage feedback={feedback} />
      </div>
    );
  return (
    <span className={className}>
      {button}
      <InlineError feedback={feedback} className={errorClassName} />
    </span>
  );
}
