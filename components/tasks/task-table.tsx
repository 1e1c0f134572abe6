import Link from "next/link";
import { SignalBadge, SIGNAL_ROW_CLASS, StateBadge } from "@/components/workspace/badges";
import { PlanLabel } from "@/components/plans/plan-switcher";
import type { TaskListRow } from "@/lib/services/tasks";
import type { CurrentPeriodState } from "@/lib/services/workspace";
import type { DeadlineSignal } from "@/lib/periods";
import { NO_DEADLINE, shortDeadline, taskNumber } from "@/lib/tasks/labels";
import { EmptyRow, HeaderCells } from "@/components/ui/table";
import { ClampedText } from "@/components/ui/clamped-text";
import { SortHeader } from "@/components/ui/sort-header";
import type { ListLocation } from "@/lib/paging";
import type { TaskSort } from "@/lib/search-params";
import { TASK_COLUMNS } from "./task-columns";

/** Red (overdue) or amber (due within 3 days): the signals a row and its state show. */
function warns(signal: DeadlineSignal | null | undefined): signal is "overdue" | "due_soon" {
  return signal === "overdue" || signal === "due_soon";
}

function PeriodState({ state }: { state: CurrentPeriodState | undefined }) {
  if (!state) return <span className="text-stone-400">—</span>;
  if (state.closed) return <span className="text-xs text-stone-500">已销号</span>;
  const badge = <StateBadge state={state.state} testId="period-state" />;
  if (!warns(state.signal)) return badge;
  return (
    <span className="flex flex-col items-start gap-1">
      {badge}
      <SignalBadge signal={state.signal} />
    </span>
  );
}

/** 完成时限 in the plan's year without the year; none set (the plan year's end counts) a dash, explained under the table. */
function Deadline({ task, year }: { task: TaskListRow; year: number | null }) {
  const short = shortDeadline(task, year);
  if (!short) return "—";
  return task.deadlineText ? <span title={task.deadlineText}>{short}</span> : short;
}

/**
 * The look of the body rows and cells, once on the body instead of on every row and cell (a page
 * of 50 tasks is sent twice, as HTML and as RSC data): a line above each row, top-aligned, a
 * highlight under the pointer, the table's padding, and the left border a row with a deadline
 * signal colours (SIGNAL_ROW_CLASS), transparent on the others.
 */
const BODY_CLASS = [
  "[&>tr]:border-t [&>tr]:border-t-stone-100 [&>tr]:align-top [&>tr:hover]:bg-stone-50 [&>tr]:border-l-4 [&>tr:not([data-signal])]:border-l-transparent",
  "[&>tr>td]:px-3 [&>tr>td]:py-2 [&>tr>td:first-child]:tabular-nums [&>tr>td:first-child]:whitespace-nowrap [&>tr>td:nth-child(4)]:whitespace-nowrap",
  "[&_a:hover]:text-brand-700 [&_a:hover]:underline",
].join(" ");

/** A column of TASK_COLUMNS whose header sorts the list by `key`, when the list is sortable. */
function sortable(column: { label: string; className: string }, key: TaskSort, at: ListLocation<TaskSort> | undefined) {
  return at ? { ...column, label: <SortHeader at={at} sortKey={key} label={column.label} /> } : column;
}

/**
 * The task table; with `states`, a 本期状态 column warns amber (due within 3 days) and red (overdue).
 * `year` is the plan's year: a 完成时限 in it is written without the year (6月30日). With `sortAt`
 * (a paged list's location), 序号, 完成时限 and 牵头单位 sort the list.
 */
export function TaskTable({
  tasks,
  caption,
  states,
  year = null,
  sortAt,
  showPlans = true,
}: {
  /** Rows of several plans carry their plan's label and year. */
  tasks: (TaskListRow & { planLabel?: string; planYear?: number })[];
  caption: string;
  states?: ReadonlyMap<number, CurrentPeriodState>;
  year?: number | null;
  sortAt?: ListLocation<TaskSort>;
  /** Label each row with its plan: when the rows are of several plans (one plan is named in the heading). */
  showPlans?: boolean;
}) {
  const columns = [
    sortable(TASK_COLUMNS.number, "seq", sortAt),
    TASK_COLUMNS.text,
    TASK_COLUMNS.leaders,
    sortable(TASK_COLUMNS.deadline, "due", sortAt),
    sortable(TASK_COLUMNS.leadUnit, "lead", sortAt),
    TASK_COLUMNS.units,
    states && { label: "本期状态", className: "w-28" },
  ];
  const undated = tasks.some((task) => !shortDeadline(task, task.planYear ?? year));
  return (
    <div className="space-y-1">
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              <HeaderCells columns={columns} cellClassName="px-3 py-2" />
            </tr>
          </thead>
          <tbody className={BODY_CLASS}>
            {tasks.map((task) => {
              const signal = states?.get(task.id)?.signal;
              return (
                <tr
                  key={task.id}
                  data-testid="task-row"
                  data-signal={warns(signal) ? signal : undefined}
                  className={warns(signal) ? SIGNAL_ROW_CLASS[signal] : undefined}
                >
                  <td>{taskNumber(task)}</td>
                  <td>
                    <ClampedText>
                      <Link href={`/tasks/${task.id}`}>
                        {task.overall && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">全面负责</span>}
                        {task.content}
                      </Link>
                    </ClampedText>
                    {showPlans && task.planLabel && (
                      <div className="mt-1">
                        <PlanLabel label={task.planLabel} />
                      </div>
                    )}
                  </td>
                  <td>{task.leaders.length ? task.leaders.join("、") : <span className="text-amber-800">未指定</span>}</td>
                  <td data-testid="task-deadline">
                    <Deadline task={task} year={task.planYear ?? year} />
                  </td>
                  <td>{task.leadUnits.length ? task.leadUnits.join("、") : "—"}</td>
                  <td>{task.units.length ? task.units.join("、") : "—"}</td>
                  {states && (
                    <td>
                      <PeriodState state={states.get(task.id)} />
                    </td>
                  )}
                </tr>
              );
            })}
            {tasks.length === 0 && <EmptyRow colSpan={states ? 7 : 6}>没有符合条件的任务</EmptyRow>}
          </tbody>
        </table>
      </div>
      {undated && <p className="text-xs text-stone-500">完成时限为「—」：{NO_DEADLINE}</p>}
    </div>
  );
}
