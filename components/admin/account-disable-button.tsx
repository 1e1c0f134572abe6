"use client";

import { setAccountDisabledAction } from "@/app/(app)/admin/users/actions";
import { ActiveToggleButton } from "./active-toggle-button";

/** Disabling signs the user out at once; enabling lets them sign in again. */
export function AccountDisableButton({ userId, disabled }: { userId: number; disabled: boolean }) {
  return (
    <ActiveToggleButton
      active={!disabled}
      deactivateLabel="停用账号"
      activateLabel="启用账号"
      what="账号"
      setActive={(active) => setAccountDisabledAction({ userId, disabled: !active })}
    />
  );
}
