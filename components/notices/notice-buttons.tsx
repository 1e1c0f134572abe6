"use client";

import { useRouter } from "next/navigation";
import { acknowledgeNoticeAction } from "@/app/(app)/notices/actions";
import { startCorrectionAction } from "@/app/(app)/supervision/notices/actions";
import { secondaryButtonClass } from "@/components/ui/form";
import { RunButton } from "@/components/ui/run-button";

/** 签收: the signed-in user's unit (or the leader) acknowledges the notice. */
export function AcknowledgeButton({ noticeId, label }: { noticeId: number; label?: string }) {
  const router = useRouter();
  return (
    <RunButton
      label="签收"
      pendingLabel="签收中…"
      ariaLabel={label ? `签收 ${label}` : "签收"}
      action={() => acknowledgeNoticeAction({ noticeId })}
      succeeded={() => router.refresh()}
      className="inline-flex flex-wrap items-center gap-2"
      buttonClassName="rounded bg-brand-700 px-3 py-1 text-sm text-white hover:bg-brand-800 disabled:opacity-60"
    />
  );
}

/** 发布更正: a new draft that names this published notice. */
export function CorrectionButton({ noticeId }: { noticeId: number }) {
  const router = useRouter();
  return (
    <RunButton
      label="发布更正"
      action={() => startCorrectionAction({ id: noticeId })}
      succeeded={(draft) => router.push(`/supervision/notices/${draft.id}`)}
      className="inline-flex flex-wrap items-center gap-2"
      buttonClassName={secondaryButtonClass}
    />
  );
}
