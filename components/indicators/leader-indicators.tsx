import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { trackingQuery, type TrackingFilter } from "@/lib/indicators/filters";
import { getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { IndicatorTable } from "./indicator-table";
import { IndicatorSummaryView } from "./indicator-summary";

const SHOWN = 8;

/**
 * The 量化指标 of a leader's tasks on their dashboard: the counts, and the indicators needing
 * attention first (滞后序时, 未填报), a few of them, with a link to all of them in 目标跟踪.
 */
export async function LeaderIndicators({ actor, filter = {} }: { actor: Actor; filter?: Pick<TrackingFilter, "leader" | "unit"> }) {
  const { counts, rows } = await getIndicatorTracking(actor, filter);
  if (counts.tracked === 0) return null;
  const rank = { behind: 0, no_value: 1, on_pace: 2, ahead: 3, met: 4 } as const;
  const first = [...rows].sort((a, b) => rank[a.pace] - rank[b.pace] || a.task.seq - b.task.seq).slice(0, SHOWN);
  return (
    <section aria-labelledby="leader-indicators-heading" className="space-y-2" data-testid="leader-indicators">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="leader-indicators-heading" className="font-semibold">
          量化指标 <span className="text-sm font-normal text-stone-500">（完成率对照序时进度，滞后的在前）</span>
        </h2>
        <Link href={`/indicators${trackingQuery(filter)}`} className="text-sm text-brand-700 hover:underline">
          全部 {counts.tracked} 项 →
        </Link>
      </div>
      <IndicatorSummaryView counts={counts} filter={filter} />
      <IndicatorTable rows={first} caption="我负责任务的量化指标" />
    </section>
  );
}
