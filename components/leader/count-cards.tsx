/** The counts at the top of a dashboard: each one a link to the tasks behind it. */
import Link from "next/link";
import type { BoardCounts } from "@/lib/leader/board";
import { PACE_LABEL, type PaceStatus } from "@/lib/leader/pace";
import { SIGNAL_LABEL, type Signal } from "@/lib/leader/signal";
import { SIGNAL_DOT } from "./badges";

const PACE_ORDER: PaceStatus[] = ["ahead", "on_pace", "behind", "completed", "unreported"];
const PACE_NUMBER: Record<PaceStatus, string> = {
  ahead: "text-sky-700",
  on_pace: "text-green-700",
  behind: "text-red-700",
  completed: "text-emerald-800",
  unreported: "text-stone-600",
};
const SIGNAL_ORDER: Signal[] = ["red", "amber", "green"];

function Card({
  href,
  label,
  value,
  testId,
  active,
  numberClass,
  dot,
}: {
  href: string;
  label: string;
  value: number;
  testId: string;
  active: boolean;
  numberClass: string;
  dot?: string;
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      aria-current={active ? "true" : undefined}
      className={`block rounded border bg-white p-2 hover:bg-stone-50 sm:p-3 ${active ? "border-brand-600 ring-1 ring-brand-600" : "border-stone-200"}`}
    >
      <span className="flex items-center gap-1 text-xs text-stone-500">
        {dot && <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${dot}`} />}
        {label}
      </span>
      <span data-testid="count-value" className={`text-2xl font-semibold tabular-nums ${numberClass}`}>
        {value}
      </span>
    </Link>
  );
}

/** `hrefFor` builds the drill-down link of a count. */
export function CountCards({
  counts,
  hrefFor,
  active,
}: {
  counts: BoardCounts;
  hrefFor: (change: { pace?: PaceStatus; signal?: Signal; stale?: boolean; requests?: boolean }) => string;
  active: { pace?: PaceStatus; signal?: Signal; stale?: boolean; requests?: boolean };
}) {
  return (
    <div className="space-y-2">
      <nav aria-label="按进度状态查看" className="grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid="pace-counts">
        <Card
          href={hrefFor({})}
          label="全部任务"
          value={counts.tasks}
          testId="count-all"
          active={!active.pace && !active.signal && !active.stale && !active.requests}
          numberClass="text-stone-900"
        />
        {PACE_ORDER.map((pace) => (
          <Card
            key={pace}
            href={hrefFor({ pace })}
            label={PACE_LABEL[pace]}
            value={counts.pace[pace]}
            testId={`count-${pace}`}
            active={active.pace === pace}
            numberClass={PACE_NUMBER[pace]}
          />
        ))}
      </nav>
      <nav aria-label="按红黄绿灯查看" className="grid grid-cols-3 gap-2 sm:grid-cols-5" data-testid="signal-counts">
        {SIGNAL_ORDER.map((signal) => (
          <Card
            key={signal}
            href={hrefFor({ signal })}
            label={SIGNAL_LABEL[signal]}
            value={counts.signal[signal]}
            testId={`count-${signal}`}
            active={active.signal === signal}
            numberClass="text-stone-900"
            dot={SIGNAL_DOT[signal]}
          />
        ))}
        <Card
          href={hrefFor({ stale: true })}
          label="超过两周未调度"
          value={counts.staleDispatch}
          testId="count-stale"
          active={active.stale === true}
          numberClass="text-orange-700"
        />
        <Card
          href={hrefFor({ requests: true })}
          label="未解决需协调事项"
          value={counts.openCoordinationRequests}
          testId="count-requests"
          active={active.requests === true}
          numberClass="text-violet-700"
        />
      </nav>
    </div>
  );
}
