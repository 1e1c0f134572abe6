/** A follow-up's state: 已办结, or 办理中 with the time left — red when overdue, amber within 3 days. */
import type { FollowUpStatus } from "@/db/schema";
import type { DeadlineSignal } from "@/lib/periods";
import { Badge } from "@/components/ui/badge";

const CLASS: Record<DeadlineSignal, string> = {
  overdue: "bg-red-50 text-red-700 ring-1 ring-red-300",
  due_soon: "bg-amber-50 text-amber-800 ring-1 ring-amber-300",
  open: "bg-sky-50 text-sky-800",
};

export function FollowUpBadge({ status, signal, dueText }: { status: FollowUpStatus; signal: DeadlineSignal | null; dueText: string | null }) {
  if (status === "closed" || !signal)
    return (
      <Badge tone="bg-green-50 text-green-800" data-testid="follow-up-status" data-status="closed">
        已办结
      </Badge>
    );
  return (
    <Badge tone={CLASS[signal]} data-testid="follow-up-status" data-status="open" data-signal={signal}>
      办理中 · {dueText}
    </Badge>
  );
}
