/**
 * The dashboard's task list: one card per task (readable on a phone), needing attention first —
 * light and reasons, 进度状态, the latest percent against 序时进度, last dispatch, open requests.
 */
import Link from "next/link";
import { PlanLabel } from "@/components/plans/plan-switcher";
import { ClampedText } from "@/components/ui/clamped-text";
import type { BoardTask } from "@/lib/leader/board";
import { periodOf } from "@/lib/periods";
import { PaceBadge, SignalLight } from "./badges";

const BORDER = { red: "border-l-red-600", amber: "border-l-amber-400", green: "border-l-green-600" } as const;

/** One track: the reported percent filled, 序时进度 a mark on it (the numbers beside it say the same in words). */
function Bar({ task }: { task: BoardTask }) {
  return (
    <span className="relative mt-2 block h-2 rounded bg-stone-100" aria-hidden>
      <span className="absolute inset-y-0 left-0 rounded bg-sky-600" style={{ width: `${task.latest?.percent ?? 0}%` }} />
      <span className="absolute -inset-y-0.5 w-0.5 bg-stone-700" style={{ left: `${task.pace.expected}%` }} />
    </span>
  );
}

export function DashboardTaskList({
  tasks,
  year,
  empty = "没有符合条件的任务。",
}: {
  tasks: readonly (BoardTask & { planLabel?: string; planYear?: number })[];
  year: number;
  empty?: string;
}) {
  if (tasks.length === 0)
    return (
      <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500" data-testid="no-tasks">
        {empty}
      </p>
    );
  return (
    <ol className="grid gap-3 lg:grid-cols-2" data-testid="dashboard-tasks">
      {tasks.map((t) => (
        <li
          key={t.id}
          data-testid="dashboard-task"
          data-task={t.id}
          data-signal={t.signal.signal}
          data-pace={t.pace.status}
          className={`min-w-0 rounded border border-l-4 border-stone-200 bg-white p-3 ${BORDER[t.signal.signal]}`}
        >
          <div className="flex flex-wrap items-center gap-2">
            <SignalLight signal={t.signal.signal} />
            <PaceBadge status={t.pace.status} />
            <span className="text-xs text-stone-500">{`序号 ${t.seq}`}</span>
            {t.planLabel && <PlanLabel label={t.planLabel} />}
          </div>
          <p className="mt-1 break-words text-sm font-medium">
            <ClampedText>
              <Link href={`/tasks/${t.id}`} className="text-stone-900 hover:text-brand-700 hover:underline" data-testid="task-link">
                {t.content}
              </Link>
            </ClampedText>
          </p>
          <p className="mt-1 text-sm">
            {t.latest ? (
              <>
                {"已报 "}
                <strong className="tabular-nums" data-testid="latest-percent">{`${t.latest.percent}%`}</strong>
                <Link href={`/tasks/${t.id}/reports/${t.latest.periodIndex}`} className="ml-1 text-xs text-brand-700 hover:underline">
                  {`（${periodOf(t.planYear ?? year, t.latest.periodIndex).shortLabel}报告）`}
                </Link>
              </>
            ) : (
              <span className="text-stone-500">尚无已报送的进度</span>
            )}
            {" | 序时进度 "}
            <strong className="tabular-nums" data-testid="expected">{`${t.pace.expected}%`}</strong>
            {t.pace.gap !== null && (
              <span className={`ml-1 text-xs ${t.pace.gap < 0 ? "text-red-700" : "text-stone-500"}`}>{`（${t.pace.gap >= 0 ? "+" : ""}${t.pace.gap}）`}</span>
            )}
          </p>
          <Bar task={t} />
          {t.signal.reasons.length > 0 && (
            <ul className="mt-2 space-y-0.5 text-xs" data-testid="signal-reasons">
              {t.signal.reasons.map((r) => (
                <li key={r.text} className={r.level === "red" ? "text-red-700" : "text-amber-800"}>
                  {`· ${r.text}`}
                </li>
              ))}
            </ul>
          )}
          <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
            <div className="flex gap-1">
              <dt>牵头单位</dt>
              <dd className="text-stone-800">{t.leadUnits.map((u) => u.name).join("、") || "—"}</dd>
            </div>
            <div className="flex gap-1">
              <dt>完成时限</dt>
              <dd className="text-stone-800" data-testid="due-on">
                {t.dueOn ?? "—"}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt>最近调度</dt>
              <dd className="text-stone-800" data-testid="last-dispatch">
                {t.dispatch.lastOn ?? "从未调度"}
                {t.dispatch.stale && !t.closed && (
                  <span className="ml-1 text-orange-800" data-testid="stale-dispatch">
                    超过两周未调度
                  </span>
                )}
              </dd>
            </div>
            {t.requests.unresolved > 0 && (
              <div className="flex gap-1">
                <dt>需协调事项</dt>
                <dd>
                  <Link href="/leader/coordination" className="text-violet-700 hover:underline" data-testid="open-requests">
                    {t.requests.unresolved} 项未解决
                  </Link>
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
