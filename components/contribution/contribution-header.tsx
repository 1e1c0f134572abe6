/** The input page's head: the task, the period, its due time and time left, the input's state. */
import { SignalBadge, StateBadge } from "@/components/workspace/badges";
import type { ContributionForm } from "@/lib/services/contributions";

export function ContributionHeader({ form }: { form: ContributionForm }) {
  const state = form.contribution?.state ?? "missing";
  const owed = state === "missing" || state === "draft";
  return (
    <header className="space-y-2">
      <p className="text-sm text-stone-500">
        配合进展 · 第 {form.task.seq} 项 · {form.unitName}
        {form.leadUnits.length > 0 && ` → 牵头单位 ${form.leadUnits.join("、")}`}
      </p>
      <h1 className="text-xl font-semibold leading-relaxed">{form.task.content}</h1>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span className="font-medium">{form.period.label}</span>
        <span className="text-stone-600">截止时间：{form.period.dueLabel}</span>
        {owed ? (
          <span data-testid="time-left" data-signal={form.period.signal}>
            <SignalBadge signal={form.period.signal} text={form.period.timeLeft} />
          </span>
        ) : null}
        <StateBadge state={state} testId="contribution-state" />
      </div>
    </header>
  );
}
