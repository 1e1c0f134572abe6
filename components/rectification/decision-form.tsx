"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideRectificationAction } from "@/app/(app)/supervision/notices/actions";
import { UNREACHABLE_TEXT } from "@/components/ui/form";

/** The office's decision on a submitted rectification: 通过, or 退回 with a reason the unit sees. */
export function RectificationDecision({ id, unitName }: { id: number; unitName: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (accept: boolean) =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await decideRectificationAction({ id, accept, reason });
        if (!result.ok) return setMessage(result.message);
        router.refresh();
      } catch {
        setMessage(UNREACHABLE_TEXT);
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label={`审核意见（${unitName}）`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={1000}
        placeholder="意见（退回时必填）"
        className="w-64 rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <button type="button" disabled={pending} onClick={() => decide(true)} className="rounded bg-green-700 px-3 py-1 text-sm text-white disabled:opacity-60">
        通过
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(false)}
        className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 disabled:opacity-60"
      >
        退回
      </button>
      {message && (
        <span role="alert" className="text-sm text-red-700">
          {message}
        </span>
      )}
    </div>
  );
}
