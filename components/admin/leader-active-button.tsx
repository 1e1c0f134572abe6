"use client";

import { setLeaderActiveAction } from "@/app/(app)/admin/leaders/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";

export function LeaderActiveButton({ leaderId, active }: { leaderId: number; active: boolean }) {
  return active ? (
    <ActionButton
      label="停用责任领导"
      pendingLabel="正在停用…"
      successText="已停用"
      className={dangerButtonClass}
      run={() => setLeaderActiveAction({ leaderId, active: false })}
    />
  ) : (
    <ActionButton
      label="重新启用责任领导"
      pendingLabel="正在启用…"
      successText="已启用"
      className={secondaryButtonClass}
      run={() => setLeaderActiveAction({ leaderId, active: true })}
    />
  );
}
