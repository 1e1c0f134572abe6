/**
 * The dashboard's task list: one card per task (readable on a phone), needing attention first —
 * light and reasons, 进度状态, the latest percent against 序时进度, last dispatch, open requests.
 */
import Link from "next/link";
import { ClampedText } from "@/components/ui/clamped-text";
import type { BoardTask } from "@/lib/leader/board";
import { periodOf } from "@/lib/periods";
import { PACE_LABEL } from "@/lib/leader/pace";
import { SIGNAL_LABEL } from "@/lib/leader/signal";
import { PACE_CLASS, SIGNAL_DOT, SIGNAL_TEXT } from "./badges";

const BORDER = { red: "border-l-red-600", amber: "border-l-amber-400", green: "border-l-green-600" } as const;

/**
 * What every card and its parts share, said once on the list rather than on each of 50 cards (a
 * card's own classes are most of its bytes): the card box, its header row, its two lines, the facts.
 */
const LIST = [
  "grid gap-3 lg:grid-cols-2",
  "[&>li]:min-w-0 [&>li]:rounded [&>li]:border [&>li]:border-l-4 [&>li]:border-y-stone-200 [&>li]:border-r-stone-200 [&>li]:bg-white [&>li]:p-3",
  "[&>li>div]:flex [&>li>div]:flex-wrap [&>li>div]:items-center [&>li>div]:gap-2",
  "[&>li>p]:mt-1 [&>li>p]:text-sm [&_strong]:tabular-nums [&_a]:hover:underline [&_ul]:mt-2 [&_ul]:text-xs",
  "[&_dl]:mt-2 [&_dl]:flex [&_dl]:flex-wrap [&_dl]:gap-x-4 [&_dl]:gap-y-1 [&_dl]:text-xs [&_dl]:text-stone-600 [&_dl>div]:flex [&_dl>div]:gap-1 [&_dd]:text-stone-800",
  // The light, the pace and plan badges, the progress track (marker classes, styled here only).
  "[&_.light]:inline-flex [&_.light]:items-center [&_.light]:gap-1 [&_.light]:whitespace-nowrap [&_.light]:text-xs [&_.light]:font-medium",
  "[&_.dot]:inline-block [&_.dot]:h-2.5 [&_.dot]:w-2.5 [&_.dot]:rounded-full",
  "[&_.badge]:inline-block [&_.badge]:whitespace-nowrap [&_.badge]:rounded [&_.badge]:px-1.5 [&_.badge]:py-0.5 [&_.badge]:text-xs [&_.badge]:ring-1",
  "[&_.bar]:relative [&_.bar]:mt-2 [&_.bar]:block [&_.bar]:h-2 [&_.bar]:rounded [&_.bar]:bg-stone-100 [&_.bar>span]:absolute",
  "[&_.bar>span:first-child]:inset-y-0 [&_.bar>span:first-child]:left-0 [&_.bar>span:first-child]:rounded [&_.bar>span:first-child]:bg-sky-600",
  "[&_.bar>span:last-child]:-inset-y-0.5 [&_.bar>span:last-child]:w-0.5 [&_.bar>span:last-child]:bg-stone-700",
].join(" ");

/** One track: the reported percent filled, 序时进度 a mark on it (the numbers beside it say the same in words). */
function Bar({ task }: { task: BoardTask }) {
  return (
    <span className="bar" aria-hidden>
      <span style={{ width: `${task.latest?.percent ?? 0}%` }} />
      <span style={{ left: `${task.pace.expected}%` }} />
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
            {/* SignalLight, PaceBadge and PlanLabel as the list styles them (their classes said once above). */}
            <span className={`light ${SIGNAL_TEXT[t.signal.signal]}`} data-testid="signal-light" data-signal={t.signal.signal}>
              <span aria-hidden className={`dot ${SIGNAL_DOT[t.signal.signal]}`} />
              {SIGNAL_LABEL[t.signal.signal]}
            </span>
            <span className={`badge font-medium ${PACE_CLASS[t.pace.status]}`} data-testid="pace" data-pace={t.pace.status}>
              {PACE_LABEL[t.pace.status]}
            </span>
            <span className="text-xs text-stone-500">{`序号 ${t.seq}`}</span>
            {t.planLabel && (
              <span className="badge bg-sky-50 text-sky-800 ring-sky-200" data-testid="plan-label">
                {t.planLabel}
              </span>
            )}
          </div>
          <p className="break-words font-medium">
            <ClampedText>
              <Link href={`/tasks/${t.id}`} className="text-stone-900 hover:text-brand-700" data-testid="task-link">
                {t.content}
              </Link>
            </ClampedText>
          </p>
          <p>
            {t.latest ? (
              <>
                {"已报 "}
                <strong data-testid="latest-percent">{`${t.latest.percent}%`}</strong>
                <Link href={`/tasks/${t.id}/reports/${t.latest.periodIndex}`} className="ml-1 text-xs text-brand-700">
                  {`（${periodOf(t.planYear ?? year, t.latest.periodIndex).shortLabel}报告）`}
                </Link>
              </>
            ) : (
              <span className="text-stone-500">尚无已报送的进度</span>
            )}
            {" | 序时进度 "}
            <strong data-testid="expected">{`${t.pace.expected}%`}</strong>
            {t.pace.gap !== null && (
              <span className={`ml-1 text-xs ${t.pace.gap < 0 ? "text-red-700" : "text-stone-500"}`}>{`（${t.pace.gap >= 0 ? "+" : ""}${t.pace.gap}）`}</span>
            )}
          </p>
          <Bar task={t} />
          {t.signal.reasons.length > 0 && (
            <ul data-testid="signal-reasons">
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
                  <Link href="/leader/coordination" className="text-violet-700" data-testid="open-requests">
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
