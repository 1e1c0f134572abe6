"use client";

import { useRouter } from "next/navigation";
import { acknowledgeNoticeAction } from "@/app/(app)/notices/actions";
import { startCorrectionAction } from "@/app/(app)/supervision/notices/actions";
import { InlineError, secondaryButtonClass } from "@/components/ui/form";
import { useActionRun } from "@/components/ui/use-action-run";

/** 签收: the signed-in user's unit (or the leader) acknowledges the notice. */
export function AcknowledgeButton({ noticeId, label }: { noticeId: number; label?: string }) {
  const router = useRouter();
  const { pending, feedback, run } = useActionRun();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-label={label ? `签收 ${label}` : "签收"}
        disabled={pending}
        onClick={() =>
          run(
            () => acknowledgeNoticeAction({ noticeId }),
            () => router.refresh(),
          )
        }
        className="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "签收中…" : "签收"}
      </button>
      <InlineError feedback={feedback} />
    </span>
  );
}

/** 发布更正: a new draft that names this published notice. */
export function CorrectionButton({ noticeId }: { noticeId: number }) {
  const router = useRouter();
  const { pending, feedback, run } = useActionRun();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(
            () => startCorrectionAction({ id: noticeId }),
            (draft) => router.push(`/supervision/notices/${draft.id}`),
          )
        }
        className={secondaryButtonClass}
      >
        发布更正
      </button>
      <InlineError feedback={feedback} />
    </span>
  );
}
