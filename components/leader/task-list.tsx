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

/**
 * What every card and its parts share, said once on the list rather than on each of 50 cards (a
 * card's own classes are most of its bytes): the card box, its header row, its two lines, the facts.
 */
const LIST = [
  "grid gap-3 lg:grid-cols-2",
  "[&>li]:min-w-0 [&>li]:rounded [&>li]:border [&>li]:border-l-4 [&>li]:border-y-stone-200 [&>li]:border-r-stone-200 [&>li]:bg-white [&>li]:p-3",
  "[&>li>div]:flex [&>li>div]:flex-wrap [&>li>div]:items-center [&>li>div]:gap-2",
  "[&>li>p]:mt-1 [&>li>p]:text-sm",
  "[&_dl]:mt-2 [&_dl]:flex [&_dl]:flex-wrap [&_dl]:gap-x-4 [&_dl]:gap-y-1 [&_dl]:text-xs [&_dl]:text-stone-600 [&_dl>div]:flex [&_dl>div]:gap-1 [&_dd]:text-stone-800",
].join(" ");

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
    <ol className={LIST} data-testid="dashboard-tasks">
      {tasks.map((t) => (
        <li
          key={t.id}
          data-testid="dashboard-task"
          data-task={t.id}
          data-signal={t.signal.signal}
          data-pace={t.pace.status}
          className={BORDER[t.signal.signal]}
        >
          <div>
            <SignalLight signal={t.signal.signal} />
            <PaceBadge status={t.pace.status} />
            <span className="text-xs text-stone-500">{`序号 ${t.seq}`}</span>
            {t.planLabel && <PlanLabel label={t.planLabel} />}
          </div>
          <p className="break-words font-medium">
            <ClampedText>
              <Link href={`/tasks/${t.id}`} className="text-stone-900 hover:text-brand-700 hover:underline" data-testid="task-link">
                {t.content}
              </Link>
            </ClampedText>
          </p>
          <p>
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
          <dl>
            <div>
              <dt>牵头单位</dt>
              <dd>{t.leadUnits.map((u) => u.name).join("、") || "—"}</dd>
            </div>
            <div>
              <dt>完成时限</dt>
              <dd data-testid="due-on">{t.dueOn ?? "—"}</dd>
            </div>
            <div>
              <dt>最近调度</dt>
              <dd data-testid="last-dispatch">
                {t.dispatch.lastOn ?? "从未调度"}
                {t.dispatch.stale && !t.closed && (
                  <span className="ml-1 text-orange-800" data-testid="stale-dispatch">
                    超过两周未调度
                  </span>
                )}
              </dd>
            </div>
            {t.requests.unresolved > 0 && (
              <div>
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
