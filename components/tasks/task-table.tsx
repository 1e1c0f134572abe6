import Link from "next/link";
import { SignalBadge, SIGNAL_ROW_CLASS, StateBadge } from "@/components/workspace/badges";
import { PlanLabel } from "@/components/plans/plan-switcher";
import type { TaskListRow } from "@/lib/services/tasks";
import type { CurrentPeriodState } from "@/lib/services/workspace";
import { NO_DEADLINE, shortDeadline, taskNumber } from "@/lib/tasks/labels";
import { Cell, DataTable, NamesCell, Row } from "@/components/ui/table";
import { ClampedText } from "@/components/ui/clamped-text";
import { SortHeader } from "@/components/ui/sort-header";
import type { ListLocation } from "@/lib/paging";
import type { TaskSort } from "@/lib/search-params";
import { TASK_COLUMNS } from "./task-columns";

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
  if (!short)
    return (
      <span className="text-stone-400" title={NO_DEADLINE}>
        —
      </span>
    );
  return <span title={task.deadlineText ?? undefined}>{short}</span>;
}

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
}: {
  /** Rows of several plans carry their plan's label and year. */
  tasks: (TaskListRow & { planLabel?: string; planYear?: number })[];
  caption: string;
  states?: ReadonlyMap<number, CurrentPeriodState>;
  year?: number | null;
  sortAt?: ListLocation<TaskSort>;
}) {
  return (
    <DataTable
      columns={[
        sortable(TASK_COLUMNS.number, "seq", sortAt),
        TASK_COLUMNS.text,
        TASK_COLUMNS.leaders,
        sortable(TASK_COLUMNS.deadline, "due", sortAt),
        sortable(TASK_COLUMNS.leadUnit, "lead", sortAt),
        TASK_COLUMNS.units,
        states && { label: "本期状态", className: "w-28" },
      ]}
      caption={caption}
      empty={tasks.length === 0 && "没有符合条件的任务"}
    >
      {tasks.map((task) => (
        <Row
          key={task.id}
          className={`align-top hover:bg-stone-50 ${states ? SIGNAL_ROW_CLASS[states.get(task.id)?.signal ?? "none"] : ""}`}
          data-testid="task-row"
        >
          <Cell className="tabular-nums whitespace-nowrap">{taskNumber(task)}</Cell>
          <Cell>
            <ClampedText>
              <Link href={`/tasks/${task.id}`} className="hover:text-brand-700 hover:underline">
                {task.overall && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">全面负责</span>}
                {task.content}
              </Link>
            </ClampedText>
            {task.planLabel && (
              <div className="mt-1">
                <PlanLabel label={task.planLabel} />
              </div>
            )}
          </Cell>
          <Cell>{task.leaders.length ? task.leaders.join("、") : <span className="text-amber-800">未指定</span>}</Cell>
          <Cell className="whitespace-nowrap" data-testid="task-deadline">
            <Deadline task={task} year={task.planYear ?? year} />
          </Cell>
          <NamesCell names={task.leadUnits} />
          <NamesCell names={task.units} />
          {states && (
            <Cell>
              <PeriodState state={states.get(task.id)} />
            </Cell>
          )}
        </Row>
      ))}
    </DataTable>
  );
}
