/** 往期欠报: past periods whose report or input was never submitted, grouped by task, each period a link. */
import Link from "next/link";
import type { OwedTask } from "@/lib/services/workspace";

const CHIP: Record<string, string> = {
  overdue: "border-red-300 bg-red-50 text-red-800 hover:bg-red-100",
  due_soon: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  open: "border-stone-300 bg-white text-stone-700 hover:bg-stone-50",
};

export function PastOwed({ tasks }: { tasks: OwedTask[] }) {
  if (tasks.length === 0) return <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">往期没有欠报的报告或配合进展。</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white" data-testid="past-owed">
      {tasks.map((task) => (
        <li
          key={`${task.kind}-${task.taskId}`}
          className="space-y-2 p-3 text-sm"
          data-testid="owed-task"
          data-kind={task.kind}
          data-seq={task.seq}
          data-plan={task.planId}
        >
          <p>
            <span className="mr-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 ring-1 ring-indigo-200" data-testid="plan-label">
              {task.planLabel}
            </span>
            <span className="mr-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700">{task.kind === "report" ? "进展报告" : "配合进展"}</span>
            <span className="tabular-nums text-stone-500">第 {task.seq} 项</span>{" "}
            <Link href={`/tasks/${task.taskId}`} className="hover:text-brand-700 hover:underline">
              {task.content}
            </Link>
          </p>
          <div className="flex flex-wrap gap-1.5">
            {task.periods.map((p) => (
              <Link
                key={p.index}
                href={p.href}
                data-testid="owed-period"
                data-period={p.index}
                data-state={p.state}
                className={`rounded border px-2 py-0.5 text-xs ${CHIP[p.signal ?? "open"]}`}
                title={`截止 ${p.dueLabel} · ${p.stateLabel}`}
              >
                {p.label}
                {p.state !== "missing" && <span className="ml-1 opacity-75">（{p.stateLabel}）</span>}
              </Link>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
