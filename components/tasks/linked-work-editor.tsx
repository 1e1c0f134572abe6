"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { linkTasksAction, searchLinkCandidatesAction, unlinkTaskAction } from "@/app/(app)/tasks/[id]/linked-work-actions";
import { FeedbackMessage, inputClass, secondaryButtonClass, UNREACHABLE, type Feedback } from "@/components/ui/form";
import type { LinkCandidate } from "@/lib/services/linked-work";
import { MAX_LINK_SEARCH } from "@/lib/services/linked-work-schemas";

/** The office's part of the panel: find a task of any 执行中 plan, 关联 it; 取消关联 this task. */
export function LinkedWorkEditor({ taskId, linked }: { taskId: number; linked: boolean }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [found, setFound] = useState<LinkCandidate[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function run<T>(step: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, then: (data: T) => void) {
    setBusy(true);
    setFeedback(null);
    try {
      const result = await step();
      if (!result.ok) setFeedback({ kind: "error", text: result.message });
      else then(result.data);
    } catch {
      setFeedback(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  function search(event: FormEvent) {
    event.preventDefault();
    void run(() => searchLinkCandidatesAction({ taskId, text }), setFound);
  }

  return (
    <div className="space-y-3 border-t border-stone-100 pt-3">
      <form onSubmit={search} className="flex flex-wrap items-end gap-2" role="search" aria-label="查找要关联的任务">
        <label className="min-w-64 flex-1 text-sm">
          <span className="text-stone-600">查找同一事项的任务（任何执行中的分解表或督办事项）</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_LINK_SEARCH}
            placeholder="任务内容中的字词，或序号"
            className={inputClass}
          />
        </label>
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          查找
        </button>
        {linked && (
          <button
            type="button"
            disabled={busy}
            className={secondaryButtonClass}
            onClick={() =>
              void run(
                () => unlinkTaskAction({ taskId }),
                () => {
                  setFeedback({ kind: "success", text: "已取消关联，已报送的报告保留在各项任务上" });
                  router.refresh();
                },
              )
            }
          >
            取消关联
          </button>
        )}
      </form>
      <FeedbackMessage feedback={feedback} />
      {found && found.length === 0 && <p className="text-sm text-stone-500">没有找到符合的任务。</p>}
      {found && found.length > 0 && (
        <ul className="divide-y divide-stone-100 rounded border border-stone-200" aria-label="查找结果">
          {found.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm" data-testid="link-candidate">
              <span className="font-medium">{c.label}</span>
              <span className="flex-1 text-stone-700">{c.content}</span>
              <span className="text-stone-500">牵头：{c.leadUnits.join("、") || "—"}</span>
              {c.sharesLeadUnit ? (
                <button
                  type="button"
                  disabled={busy}
                  className={secondaryButtonClass}
                  aria-label={`关联 ${c.label}`}
                  onClick={() =>
                    void run(
                      () => linkTasksAction({ taskId, otherTaskId: c.id }),
                      () => {
                        setFound(null);
                        setText("");
                        setFeedback({ kind: "success", text: `已关联 ${c.label}` });
                        router.refresh();
                      },
                    )
                  }
                >
                  关联
                </button>
              ) : (
                <span className="text-xs text-amber-700">无共同牵头单位，不能关联</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
