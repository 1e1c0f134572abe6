"use client";

import { Options } from "@/components/ui/options";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FeedbackMessage, inputClass, primaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import type { CarryOverPage } from "@/lib/services/carry-over";
import { carryOverAction } from "./actions";

/** Tick the unfinished tasks, choose the later plan, 结转. */
export function CarryOverForm({ planId, targets, tasks }: { planId: number; targets: CarryOverPage["targets"]; tasks: CarryOverPage["tasks"] }) {
  const router = useRouter();
  const open = tasks.filter((t) => t.blocker === null).map((t) => t.id);
  const [chosen, setChosen] = useState<Set<number>>(new Set(open));
  const [target, setTarget] = useState<number>(targets[0]!.id);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const toggle = (id: number) =>
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFeedback(null);
    try {
      const result = await carryOverAction({ planId, targetPlanId: target, taskIds: [...chosen] });
      if (!result.ok) return setFeedback({ kind: "error", text: result.message });
      const label = targets.find((t) => t.id === target)?.label ?? "";
      setFeedback({ kind: "success", text: `已结转 ${result.data.carried.length} 项任务到 ${label}` });
      setChosen(new Set());
      router.refresh();
    } catch {
      setFeedback(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="跨年度结转">
      <div className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4">
        <label className="min-w-72 text-sm">
          <span className="text-stone-600">结转到</span>
          <select value={target} onChange={(e) => setTarget(Number(e.target.value))} className={inputClass}>
            <Options choices={targets.map((t) => ({ value: t.id, label: t.label }))} />
          </select>
        </label>
        <span className="text-sm text-stone-500">已选 {chosen.size} 项</span>
        <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setChosen(new Set(open))}>
          全选未完成
        </button>
        <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setChosen(new Set())}>
          全不选
        </button>
        <button type="submit" disabled={busy || chosen.size === 0} className={primaryButtonClass}>
          结转所选任务
        </button>
      </div>
      <FeedbackMessage feedback={feedback} />
      <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white">
        {tasks.map((t) => (
          <li key={t.id} className="flex items-start gap-3 px-4 py-2 text-sm" data-testid="carry-task">
            <input
              type="checkbox"
              className="mt-1"
              aria-label={`结转第${t.number}项`}
              disabled={t.blocker !== null}
              checked={chosen.has(t.id)}
              onChange={() => toggle(t.id)}
            />
            <span className="w-10 shrink-0 text-stone-500">{t.number}</span>
            <span className="flex-1">
              <Link href={`/tasks/${t.id}`} className="hover:underline">
                {t.content}
              </Link>
              {t.leadUnits && <span className="ml-2 text-stone-500">牵头：{t.leadUnits}</span>}
            </span>
            {t.blocker && (
              <span className="shrink-0 rounded bg-stone-100 px-1.5 text-xs text-stone-600">
                {t.carriedTo ? (
                  <Link href={`/tasks/${t.carriedTo.taskId}`} className="hover:underline">
                    已结转至 {t.carriedTo.label}
                  </Link>
                ) : (
                  t.blocker
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
