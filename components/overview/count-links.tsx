/** The counts at the top of the overview: each one a link that filters the table to that state. */
import Link from "next/link";
import { overviewQuery, type OverviewFilter, type OverviewState } from "@/lib/overview/filters";
import type { ComplianceCounts } from "@/lib/reporting/compliance";

const ITEMS: { key: OverviewState | "tasks"; label: string; tone: string }[] = [
  { key: "tasks", label: "任务数", tone: "text-stone-900" },
  { key: "on_time", label: "按时", tone: "text-green-700" },
  { key: "late", label: "逾期", tone: "text-amber-700" },
  { key: "missing", label: "未报", tone: "text-red-700" },
  { key: "returned", label: "被退回", tone: "text-purple-700" },
  { key: "open", label: "未到截止", tone: "text-stone-600" },
  { key: "lagging", label: "滞后", tone: "text-orange-700" },
  { key: "blocked", label: "受阻", tone: "text-red-800" },
  { key: "copied", label: "疑似照抄", tone: "text-rose-700" },
  { key: "closed", label: "已销号", tone: "text-stone-500" },
];

export function CountLinks({ counts, filter, basePath }: { counts: ComplianceCounts & { copied: number }; filter: OverviewFilter; basePath: string }) {
  const items = ITEMS.filter((item) => item.key !== "closed" || counts.closed > 0);
  return (
    <nav aria-label="按状态筛选" className="grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-9">
      {items.map((item) => {
        const state = item.key === "tasks" ? undefined : item.key;
        const active = filter.state === state;
        const href = `${basePath}?${overviewQuery({ ...filter, state })}`;
        return (
          <Link
            key={item.key}
            href={href}
            data-testid={`count-${item.key}`}
            aria-current={active ? "true" : undefined}
            className={`rounded border bg-white px-3 py-2 hover:border-brand-600 ${active ? "border-brand-600 ring-1 ring-brand-600" : "border-stone-200"}`}
          >
            <span className="block text-xs text-stone-500">{item.label}</span>
            <span data-testid="count-value" className={`block text-2xl font-semibold tabular-nums ${item.tone}`}>
              {item.key === "tasks" ? counts.tasks : counts[item.key as keyof typeof counts]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
