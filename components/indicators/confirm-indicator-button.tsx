"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmIndicatorAction } from "@/app/(app)/tasks/[id]/indicators/actions";

/** 确认 a proposed indicator as it stands. */
export function ConfirmIndicatorButton({ id, version, name }: { id: number; version: number; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        aria-label={`确认指标：${name}`}
        onClick={() =>
          start(async () => {
            const result = await confirmIndicatorAction({ id, version });
            if (!result.ok) return setError(result.message);
            setError(null);
            router.refresh();
          })
        }
        className="rounded bg-brand-700 px-2 py-0.5 text-xs text-white hover:bg-brand-800 disabled:opacity-60"
      >
        确认
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
