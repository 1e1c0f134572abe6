"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acknowledgeNoticeAction } from "@/app/(app)/notices/actions";
import { startCorrectionAction } from "@/app/(app)/supervision/notices/actions";
import { secondaryButtonClass, UNREACHABLE_TEXT } from "@/components/ui/form";

function useAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<string | null>) =>
    startTransition(async () => {
      setError(null);
      try {
        setError(await work());
      } catch {
        setError(UNREACHABLE_TEXT);
      }
    });
  return { pending, error, run };
}

/** 签收: the signed-in user's unit (or the leader) acknowledges the notice. */
export function AcknowledgeButton({ noticeId, label }: { noticeId: number; label?: string }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-label={label ? `签收 ${label}` : "签收"}
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await acknowledgeNoticeAction({ noticeId });
            if (!result.ok) return result.message;
            router.refresh();
            return null;
          })
        }
        className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "签收中…" : "签收"}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

/** 发布更正: a new draft that names this published notice. */
export function CorrectionButton({ noticeId }: { noticeId: number }) {
  const router = useRouter();
  const { pending, error, run } = useAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const result = await startCorrectionAction({ id: noticeId });
            if (!result.ok) return result.message;
            router.push(`/supervision/notices/${result.data.id}`);
            return null;
          })
        }
        className={secondaryButtonClass}
      >
        发布更正
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={secondaryButtonClass}>
      打印
    </button>
  );
}
