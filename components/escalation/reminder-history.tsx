import { formatShanghai } from "@/lib/periods";
import type { ReminderHistoryEntry } from "@/lib/services/reminders";

/** Who was reminded when: each reminder with its units. */
export function ReminderHistory({ entries }: { entries: ReminderHistoryEntry[] }) {
  if (entries.length === 0) return <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">尚未催办过。</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded border border-stone-200 bg-white p-3 text-sm" data-testid="reminder-entry">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{formatShanghai(entry.createdAt)}</span>
              <span className="ml-2 text-stone-600">
                {entry.createdBy} 催办 {entry.periodLabel}：{entry.unitCount} 个单位、{entry.itemCount} 项
              </span>
            </summary>
            <ul className="mt-2 flex flex-wrap gap-1.5">
              {entry.units.map((u) => (
                <li key={u.unitId} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">
                  {u.unitName}
                  <span className="ml-1 text-stone-500">
                    {[u.reports > 0 ? `报告 ${u.reports}` : null, u.contributions > 0 ? `配合 ${u.contributions}` : null].filter(Boolean).join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
