import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { INDICATOR_PACE_LABEL, type IndicatorPace } from "@/lib/indicators/completion";
import { trackingQuery, type TrackingFilter } from "@/lib/indicators/filters";
import type { IndicatorCounts } from "@/lib/indicators/tracking";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";

const SHOWN: { pace: IndicatorPace; style: string }[] = [
  { pace: "behind", style: "text-red-700" },
  { pace: "no_value", style: "text-amber-700" },
  { pace: "met", style: "text-emerald-700" },
];

/**
 * One line on the 量化指标 of the user's tasks (narrowed by leader/unit): how many are tracked, behind
 * 序时进度, never reported and met, each a link into 目标跟踪. Renders nothing when none is tracked.
 */
export async function IndicatorSummary({ actor, filter = {} }: { actor: Actor; filter?: Pick<TrackingFilter, "leader" | "unit"> }) {
  const { counts } = await getIndicatorTracking(actor, filter);
  return <IndicatorSummaryView counts={counts} filter={filter} />;
}

export function IndicatorSummaryView({ counts, filter }: { counts: IndicatorCounts; filter: Pick<TrackingFilter, "leader" | "unit"> }) {
  if (counts.tracked === 0) return null;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-stone-200 bg-white px-4 py-2 text-sm" data-testid="indicator-summary">
      <Link href={`/indicators${trackingQuery(filter)}`} className="font-medium text-stone-800 hover:underline">
        量化指标 {counts.tracked} 项
      </Link>
      {SHOWN.map(({ pace, style }) => (
        <Link key={pace} href={`/indicators${trackingQuery(filter, { pace })}`} className="hover:underline" data-testid={`indicator-summary-${pace}`}>
          {INDICATOR_PACE_LABEL[pace]} <strong className={`tabular-nums ${style}`}>{counts[pace]}</strong>
        </Link>
      ))}
    </p>
  );
}
