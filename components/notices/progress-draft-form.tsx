"use client";

import { StackedField } from "@/components/ui/stacked-field";
import { Options } from "@/components/ui/options";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { draftProgressCircularAction } from "@/app/(app)/supervision/notices/actions";
import { FeedbackMessage, primaryButtonClass, UNREACHABLE_TEXT, type Feedback } from "@/components/ui/form";

/** 一键起草: the chosen period's progress circular, drafted from its figures. */
export function ProgressDraftForm({ periods, defaultPeriodIndex }: { periods: { index: number; label: string }[]; defaultPeriodIndex: number | null }) {
  const router = useRouter();
  const [periodIndex, setPeriodIndex] = useState(defaultPeriodIndex ?? periods.at(-1)?.index ?? 1);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  function draft() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await draftProgressCircularAction({ periodIndex });
        if (!result.ok) return setFeedback({ kind: "error", text: result.message });
        router.push(`/supervision/notices/${result.data.id}`);
      } catch {
        setFeedback({ kind: "error", text: UNREACHABLE_TEXT });
      }
    });
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <StackedField label="半月期">
          <select
            value={periodIndex}
            onChange={(e) => setPeriodIndex(Number(e.target.value))}
            className="mt-1 rounded border border-stone-300 bg-white px-2 py-1.5"
          >
            <Options choices={periods.map((p) => ({ value: p.index, label: p.label }))} />
          </select>
        </StackedField>
        <button type="button" onClick={draft} disabled={pending || periods.length === 0} className={primaryButtonClass}>
          {pending ? "正在起草…" : "一键起草"}
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
