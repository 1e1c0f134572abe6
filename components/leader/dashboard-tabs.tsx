/** The leader dashboard's views as links (server-rendered, no script): the current one marked. */
import Link from "next/link";
import { LEADER_VIEWS, LEADER_VIEW_LABEL, type LeaderView } from "@/lib/leader/views";

export function DashboardTabs({
  current,
  hrefFor,
  counts,
}: {
  current: LeaderView;
  hrefFor: (view: LeaderView) => string;
  counts: Partial<Record<LeaderView, number>>;
}) {
  return (
    <nav aria-label="驾驶舱视图" className="flex flex-wrap gap-2 border-b border-stone-200" data-testid="dashboard-tabs">
      {LEADER_VIEWS.map((view) => (
        <Link
          key={view}
          href={hrefFor(view)}
          aria-current={view === current ? "page" : undefined}
          className={`-mb-px rounded-t border px-4 py-2 ${view === current ? "border-stone-200 border-b-white bg-white font-semibold text-brand-700" : "border-transparent text-stone-700 hover:bg-stone-100"}`}
        >
          {LEADER_VIEW_LABEL[view]}
          {counts[view] !== undefined && <span className="ml-1 tabular-nums">（{counts[view]}）</span>}
        </Link>
      ))}
    </nav>
  );
}
