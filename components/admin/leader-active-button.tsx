"use client";

import { setLeaderActiveAction } from "@/app/(app)/admin/leaders/actions";
import { ActiveToggleButton } from "./active-toggle-button";

export function LeaderActiveButton({ leaderId, active }: { leaderId: number; active: boolean }) {
  return (
    <ActiveToggleButton
      active={active}
      deactivateLabel="停用责任领导"
      activateLabel="重新启用责任领导"
      setActive={(next) => setLeaderActiveAction({ leaderId, active: next })}
    />
  );
}
