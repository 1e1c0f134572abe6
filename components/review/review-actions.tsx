"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptReportAction, returnReportAction } from "@/app/(app)/tasks/[id]/reports/[period]/actions";

/** The supervision office's decision on a submitted report: accept (已审核) or return with a reason. */
export function ReviewActions({ taskId, periodIndex, canAccept, canReturn }: { taskId: number; periodIndex: number; canAccept: boolean; canReturn: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [returning, setReturning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(action: () => Promise<{ ok: boolean; message?: string }>) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setMessage(result.message ?? "操作失败");
      setReturning(false);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <h2 className="font-semibold">审核</h2>
      <div className="flex flex-wrap gap-3">
        {canAccept && (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(() => acceptReportAction({ taskId, periodIndex }))}
            className="rounded bg-green-700 px-4 py-1.5 text-sm text-white hover:bg-green-800 disabled:opacity-60"
          >
            审核通过
          </button>
        )}
        {canReturn && !returning && (
          <button
            type="button"
            disabled={pending}
            onClick={() => setReturning(true)}
            className="rounded border border-red-300 px-4 py-1.5 text-sm text-red-700 hover:bg-red-50"
          >
            退回
          </button>
        )}
      </div>
      {returning && (
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="text-stone-600">退回理由（单位将看到）</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={2000}
              className="mt-1 w-full rounded border border-stone-300 p-2"
            />
          </label>
          <div className="flex gap-3">
            <button
              type="button"
              disabled={pending}
              onClick={() => run(() => returnReportAction({ taskId, periodIndex, reason }))}
              className="rounded bg-red-700 px-4 py-1.5 text-sm text-white hover:bg-red-800 disabled:opacity-60"
            >
              确认退回
            </button>
            <button type="button" onClick={() => setReturning(false)} className="text-sm text-stone-600 hover:underline">
              取消
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
