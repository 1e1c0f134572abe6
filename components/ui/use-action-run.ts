"use client";

/** The flow every button that runs a server action shares (no form): pending while it runs, then how it went. */
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { type Feedback, UNREACHABLE } from "./form";

/**
 * `run(call, succeeded)` clears the last message and calls the action in a transition: a refusal becomes an error
 * message, success runs `succeeded` (refresh or leave the page) and shows the message it returns, if any; when the
 * server cannot be reached the button says so.
 */
export function useActionRun() {
  const [pending, startTransition] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);

  // biome-ignore lint/suspicious/noConfusingVoidType: `succeeded` may only refresh or leave the page and return nothing
  function run<T>(call: () => Promise<ActionResult<T>>, succeeded?: (data: T) => Feedback | undefined | void) {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await call();
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        const message = succeeded?.(result.data);
        if (message) setFeedback(message);
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return { pending, feedback, run };
}
