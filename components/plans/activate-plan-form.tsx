"use client";

import { useState, useTransition } from "react";
import { activatePlanAction } from "@/app/(app)/plans/actions";
import { FeedbackMessage, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/admin/form-parts";

/**
 * 开始执行 a draft, after saying what it means: which units will owe reports for how many tasks, from
 * which half month. The half month may be moved later, never into the past.
 */
export function ActivatePlanForm({
  planId,
  title,
  periods,
  firstPeriod,
  leadUnits,
  tasks,
}: {
  planId: number;
  title: string;
  periods: { index: number; label: string; due: string }[];
  firstPeriod: number;
  leadUnits: number;
  tasks: number;
}) {
  const [period, setPeriod] = useState(firstPeriod);
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();
  const chosen = periods.find((p) => p.index === period);

  function activate() {
    setFeedback(null);
    startTransition(async () => {
      try {
        const result = await activatePlanAction({ planId, firstPeriod: period });
        setFeedback(result.ok ? { kind: "success", text: "已开始执行" } : { kind: "error", text: result.message });
        if (result.ok) setConfirming(false);
      } catch {
        setFeedback(UNREACHABLE);
      }
    });
  }

  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="text-stone-600">从哪个半月期起报送</span>
        <select value={period} onChange={(e) => setPeriod(Number(e.target.value))} className="ml-2 rounded border border-stone-300 px-2 py-1" disabled={pending}>
          {periods.map((p) => (
            <option key={p.index} value={p.index}>
              {p.label}（{p.due}截止）
            </option>
          ))}
        </select>
      </label>
      {confirming ? (
        <div role="alertdialog" aria-label={`开始执行「${title}」`} className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
          <p data-testid="activation-consequence">
            开始执行后，{leadUnits} 个牵头单位须从 {chosen?.label}（{chosen?.due}截止）起，按半月报送 {tasks} 项任务的进展；各单位、责任领导即可在首页和任务表中看到这份分解表。
          </p>
          <div className="flex gap-3">
            <button type="button" onClick={activate} disabled={pending} className={primaryButtonClass}>
              {pending ? "处理中…" : "确认开始执行"}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="text-stone-600 hover:underline">
              取消
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={primaryButtonClass}>
          开始执行
        </button>
      )}
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
