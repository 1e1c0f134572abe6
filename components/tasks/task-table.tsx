import Link from "next/link";
import { SignalBadge, SIGNAL_ROW_CLASS, StateBadge } from "@/components/workspace/badges";
import { PlanLabel } from "@/components/plans/plan-switcher";
import type { TaskListRow } from "@/lib/services/tasks";
import type { CurrentPeriodState } from "@/lib/services/workspace";
import { NO_DEADLINE, shortDeadline, taskNumber } from "@/lib/tasks/labels";

function Names({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="text-stone-400">—</span>;
  return <>{names.join("、")}</>;
}

function PeriodState({ state }: { state: CurrentPeriodState | undefined }) {
  if (!state) return <span className="text-stone-400">—</span>;
  if (state.closed) return <span className="text-xs text-stone-500">已销号</span>;
  return (
    <span className="flex flex-col items-start gap-1">
      <StateBadge state={state.state} testId="period-state" />
      <SignalBadge signal={state.signal} />
    </span>
  );
}

function Deadline({ task, year }: { task: TaskListRow; year: number | null }) {
  const short = shortDeadline(task, year);
  if (!short) return <span className="text-stone-400" title={NO_DEADLINE}>—</span>;
  return <span title={task.deadlineText ?? undefined}>{short}</span>;
}

/**
 * The task table; with `states`, a 本期状态 column warns amber (due within 3 days) and red (overdue).
 * `year` is the plan's year: a 完成时限 in it is written without the year (6月30日).
 */
export function TaskTable({
  tasks,
  caption,
  states,
  year = null,
}: {
  /** Rows of several plans carry their plan's label and year. */
  tasks: (TaskListRow & { planLabel?: string; planYear?: number })[];
  caption: string;
  states?: ReadonlyMap<number, CurrentPeriodState>;
  year?: number | null;
}) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="w-14 px-3 py-2">序号</th>
            <th scope="col" className="px-3 py-2">重点工作任务</th>
            <th scope="col" className="w-28 px-3 py-2">责任领导</th>
            <th scope="col" className="w-24 px-3 py-2">完成时限</th>
            <th scope="col" className="w-40 px-3 py-2">牵头单位</th>
            <th scope="col" className="w-56 px-3 py-2">责任单位</th>
            {states && <th scope="col" className="w-28 px-3 py-2">本期状态</th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr
              key={task.id}
              className={`border-t border-stone-100 align-top hover:bg-stone-50 ${states ? SIGNAL_ROW_CLASS[states.get(task.id)?.signal ?? "none"] : ""}`}
              data-testid="task-row"
            >
              <td className="px-3 py-2 tabular-nums whitespace-nowrap">{taskNumber(task)}</td>
              <td className="px-3 py-2">
                <Link href={`/tasks/${task.id}`} className="line-clamp-3 hover:text-brand-700 hover:underline">
                  {task.overall && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">全面负责</span>}
                  {task.content}
                </Link>
                {task.planLabel && <div className="mt-1"><PlanLabel label={task.planLabel} /></div>}
              </td>
              <td className="px-3 py-2">{task.leaders.length ? task.leaders.join("、") : <span className="text-amber-800">未指定</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap" data-testid="task-deadline"><Deadline task={task} year={task.planYear ?? year} /></td>
              <td className="px-3 py-2"><Names names={task.leadUnits} /></td>
              <td className="px-3 py-2"><Names names={task.units} /></td>
              {states && (
                <td className="px-3 py-2">
                  <PeriodState state={states.get(task.id)} />
                </td>
              )}
            </tr>
          ))}
          {tasks.length === 0 && (
            <tr>
              <td colSpan={states ? 7 : 6} className="px-3 py-8 text-center text-stone-500">没有符合条件的任务</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
