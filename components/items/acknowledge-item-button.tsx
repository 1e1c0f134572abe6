"use client";

import { useRouter } from "next/navigation";
import { acknowledgeItemAction } from "@/app/(app)/items/actions";
import { primaryButtonClass } from "@/components/ui/form";
import { RunButton } from "@/components/ui/run-button";

/** 签收: the lead unit confirms it has received the item. */
export function AcknowledgeItemButton({ taskId }: { taskId: number }) {
  const router = useRouter();
  return (
    <RunButton
      label="签收"
      pendingLabel="正在签收…"
      action={() => acknowledgeItemAction({ taskId })}
      succeeded={() => {
        router.refresh();
        return { kind: "success", text: "已签收" };
      }}
      outcome="message"
      className="flex flex-wrap items-center gap-3"
      buttonClassName={primaryButtonClass}
    />
  );
}
