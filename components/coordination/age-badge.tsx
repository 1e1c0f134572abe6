/** The age of a coordination request, amber after 7 days and red after 14 while it is not resolved. */
import type { CoordinationStatus } from "@/db/schema";
import { COORDINATION_STATUS_LABEL, type AgeSignal } from "@/lib/coordination/age";
import { Badge } from "@/components/ui/badge";

const AGE_CLASS: Record<AgeSignal, string> = {
  none: "bg-stone-100 text-stone-700",
  amber: "bg-amber-50 text-amber-800 ring-1 ring-amber-300",
  red: "bg-red-50 text-red-700 ring-1 ring-red-300",
};

export function AgeBadge({ label, signal }: { label: string; signal: AgeSignal }) {
  return (
    <Badge tone={AGE_CLASS[signal]} data-testid="coordination-age" data-signal={signal}>
      {label}
    </Badge>
  );
}

const STATUS_CLASS: Record<CoordinationStatus, string> = {
  open: "bg-violet-50 text-violet-800",
  answered: "bg-sky-50 text-sky-800",
  resolved: "bg-green-50 text-green-800",
};

export function CoordinationStatusBadge({ status }: { status: CoordinationStatus }) {
  return (
    <Badge tone={STATUS_CLASS[status]} data-testid="coordination-status" data-status={status}>
      {COORDINATION_STATUS_LABEL[status]}
    </Badge>
  );
}
