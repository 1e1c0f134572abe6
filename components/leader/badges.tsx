/** 进度状态 and 红黄绿灯 badges: server-rendered, colour AND words (never colour alone). */
import { PACE_LABEL, type PaceStatus } from "@/lib/leader/pace";
import { SIGNAL_LABEL, type Signal } from "@/lib/leader/signal";
import { Badge } from "@/components/ui/badge";

export const PACE_CLASS: Record<PaceStatus, string> = {
  ahead: "bg-sky-50 text-sky-800 ring-sky-200",
  on_pace: "bg-green-50 text-green-800 ring-green-200",
  behind: "bg-red-50 text-red-700 ring-red-200",
  completed: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  unreported: "bg-stone-100 text-stone-600 ring-stone-300",
};

export function PaceBadge({ status }: { status: PaceStatus }) {
  return (
    <Badge tone={`ring-1 ${PACE_CLASS[status]}`} data-testid="pace" data-pace={status}>
      {PACE_LABEL[status]}
    </Badge>
  );
}

export const SIGNAL_DOT: Record<Signal, string> = { red: "bg-red-600", amber: "bg-amber-400", green: "bg-green-600" };
export const SIGNAL_TEXT: Record<Signal, string> = { red: "text-red-700", amber: "text-amber-700", green: "text-green-700" };

export function SignalLight({ signal }: { signal: Signal }) {
  return (
    <span
      data-testid="signal-light"
      data-signal={signal}
      className={`inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium ${SIGNAL_TEXT[signal]}`}
    >
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${SIGNAL_DOT[signal]}`} />
      {SIGNAL_LABEL[signal]}
    </span>
  );
}
