/** Small server-rendered pieces shared by the workspace, the input form and the task history. */
import type { DeadlineSignal } from "@/lib/periods";
import { REPORT_STATE_LABEL, type ReportDisplayState } from "@/lib/reporting/workflow";
import { Badge } from "@/components/ui/badge";

/** The colours of a report's or input's state (here and on the report page's head). */
export const STATE_CLASS: Record<ReportDisplayState, string> = {
  missing: "bg-stone-100 text-stone-700",
  draft: "bg-sky-50 text-sky-800",
  pending_approval: "bg-violet-50 text-violet-800",
  submitted: "bg-green-50 text-green-800",
  submitted_late: "bg-orange-50 text-orange-800",
  returned: "bg-red-50 text-red-700",
  accepted: "bg-emerald-100 text-emerald-900",
};

export function StateBadge({ state, testId = "state" }: { state: ReportDisplayState; testId?: string }) {
  return (
    <Badge tone={STATE_CLASS[state]} data-testid={testId} data-state={state}>
      {REPORT_STATE_LABEL[state]}
    </Badge>
  );
}

export const SIGNAL_CLASS: Record<DeadlineSignal, string> = {
  overdue: "bg-red-50 text-red-700 ring-1 ring-red-200",
  due_soon: "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
  open: "text-stone-600",
};

export const SIGNAL_LABEL: Record<DeadlineSignal, string> = { overdue: "已逾期", due_soon: "即将到期", open: "" };

/** Red when overdue, amber within 3 days; nothing once filed. */
export function SignalBadge({ signal, text }: { signal: DeadlineSignal | null; text?: string }) {
  if (!signal || (signal === "open" && !text)) return null;
  return (
    <Badge tone={SIGNAL_CLASS[signal]} plain data-testid="signal" data-signal={signal}>
      {text ?? SIGNAL_LABEL[signal]}
    </Badge>
  );
}

/** The row accent for a signal: a coloured left border. */
export const SIGNAL_ROW_CLASS: Record<DeadlineSignal | "none", string> = {
  overdue: "border-l-4 border-l-red-500 bg-red-50/40",
  due_soon: "border-l-4 border-l-amber-400 bg-amber-50/40",
  open: "border-l-4 border-l-transparent",
  none: "border-l-4 border-l-transparent",
};
