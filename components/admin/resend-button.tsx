"use client";

import { resendDeliveryAction } from "@/app/(app)/admin/deliveries/actions";
import { secondaryButtonClass } from "@/components/ui/form";
import { ActionButton } from "./action-button";

/** 重新发送 one logged message: a new row, due at once. */
export function ResendButton({ id, title }: { id: number; title: string }) {
  return (
    <ActionButton
      label="重新发送"
      ariaLabel={`重新发送「${title}」`}
      pendingLabel="正在加入发送队列…"
      successText="已加入发送队列"
      className={secondaryButtonClass}
      run={() => resendDeliveryAction({ id })}
      refresh
    />
  );
}
