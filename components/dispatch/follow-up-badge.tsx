/** A follow-up's state: 已办结, or 办理中 with the time left — red when overdue, amber within 3 days. */
import type { FollowUpStatus } from "@/db/schema";
import type { DeadlineSignal } from "@/lib/periods";

const CLASS: Record<DeadlineSignal, string> = {
  overdue: "bg-red-50 text-red-700 ring-1 ring-red-300",
  due_soon: "bg-amber-50 text-amber-800 ring-1 ring-amber-300",
  open: "bg-sky-50 text-sky-800",
};

export function FollowUpBadge({ status, signal, dueText }: { status: FollowUpStatus; signal: DeadlineSignal | null; dueText: string | null }) {
  if (status === "closed" || !signal)
    return (
      <span
        data-testid="follow-up-status"
        data-status="closed"
        className="inline-block whitespace-nowrap rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800"
      >
        已办结
      </span>
    );
  return (
    <span
      data-testid="follow-up-status"
      data-status="open"
      data-signal={signal}
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${CLASS[signal]}`}
    >
      办理中 · {dueText}
    </span>
  );
}
