"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideClosureAction, decideExtensionAction } from "@/app/(app)/requests/actions";

/** The office's answer to a request: 同意, or 不同意 with a reason. */
export function DecisionButtons({ kind, id }: { kind: "extension" | "closure"; id: number }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (approve: boolean) =>
    startTransition(async () => {
      const action = kind === "extension" ? decideExtensionAction : decideClosureAction;
      const result = await action({ id, approve, note });
      if (!result.ok) return setMessage(result.message);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label="审批意见"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={1000}
        placeholder="意见（不同意时必填）"
        className="w-56 rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <button type="button" disabled={pending} onClick={() => decide(true)} className="rounded bg-green-700 px-3 py-1 text-sm text-white disabled:opacity-60">
        同意
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => decide(false)}
        className="rounded border border-red-300 px-3 py-1 text-sm text-red-700 disabled:opacity-60"
      >
        不同意
      </button>
      {message && (
        <span role="alert" className="text-sm text-red-700">
          {message}
        </span>
      )}
    </div>
  );
}
