"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/server/pipeline/define-action";
import { RunButton } from "@/components/ui/run-button";

/** One button that runs one server action and says how it went (停用 / 启用 / 删除 …). */
export function ActionButton({
  label,
  ariaLabel,
  pendingLabel,
  successText,
  className,
  run,
  onSuccess,
  refresh = false,
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
  /** Render the page again once it succeeded (a button a server page renders, which cannot pass `onSuccess`). */
  refresh?: boolean;
  /**
   * False once the record no longer offers the action (the second factor is gone, no session is left):
   * the button goes, the message saying what was done stays. Keep the component mounted in both states,
   * or the page's refresh after success unmounts it and the message with it.
   */
  available?: boolean;
}) {
  const router = useRouter();
  return (
    <RunButton
      label={label}
      ariaLabel={ariaLabel}
      pendingLabel={pendingLabel}
      action={run}
      succeeded={() => {
        onSuccess?.();
        if (refresh) router.refresh();
        return { kind: "success", text: successText };
      }}
      outcome="message"
      shown={available}
      className="space-y-2"
      buttonClassName={className}
    />
  );
}
