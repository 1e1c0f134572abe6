/** The report page's head: the task, the period, its due time and time left, the report's state. */
import type { DeadlineSignal } from "@/lib/periods";
import { REPORT_STATE_LABEL, type ReportDisplayState } from "@/lib/reporting/workflow";
import { SIGNAL_CLASS, STATE_CLASS } from "@/components/workspace/badges";

export function StateBadge({ state }: { state: ReportDisplayState }) {
  return (
    <span data-testid="report-state" className={`rounded px-2 py-0.5 text-sm font-medium ${STATE_CLASS[state]}`}>
      {REPORT_STATE_LABEL[state]}
    </span>
  );
}

export function ReportHeader({
  task,
  period,
  state,
  owed,
}: {
  task: { seq: number; content: string };
  period: { label: string; dueLabel: string; timeLeft: string; signal: DeadlineSignal };
  state: ReportDisplayState;
  /** Still owed (nothing submitted that counts): the deadline warning applies. */
  owed: boolean;
}) {
  const signal: DeadlineSignal = owed ? period.signal : "open";
  return (
    <header className="space-y-2">
      <p className="text-sm text-stone-500">进展报告 · 第 {task.seq} 项</p>
      <h1 className="text-xl font-semibold leading-relaxed">{task.content}</h1>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span className="font-medium">{period.label}</span>
        <span className="text-stone-600">截止时间：{period.dueLabel}</span>
        <span data-testid="time-left" data-signal={signal} className={`rounded px-2 py-0.5 ${SIGNAL_CLASS[signal]}`}>
          {owed ? period.timeLeft : "本期已报送"}
        </span>
        <StateBadge state={state} />
      </div>
    </header>
  );
}
