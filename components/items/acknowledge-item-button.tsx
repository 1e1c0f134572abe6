"use client";

import { useRouter } from "next/navigation";
import { acknowledgeItemAction } from "@/app/(app)/items/actions";
import { FeedbackMessage, primaryButtonClass } from "@/components/ui/form";
import { useActionRun } from "@/components/ui/use-action-run";

/** 签收: the lead unit confirms it has received the item. */
export function AcknowledgeItemButton({ taskId }: { taskId: number }) {
  const router = useRouter();
  const { pending, feedback, run } = useActionRun();
  const acknowledge = () =>
    run(
      () => acknowledgeItemAction({ taskId }),
      () => {
        router.refresh();
        return { kind: "success", text: "已签收" };
      },
    );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={acknowledge} disabled={pending} className={primaryButtonClass}>
        {pending ? "正在签收…" : "签收"}
      </button>
      <FeedbackMessage feedback={feedback} />
    </div>
  );
}
