"use client";

import { setAccountDisabledAction } from "@/app/(app)/admin/users/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";

/** Disabling signs the user out at once; enabling lets them sign in again. */
export function AccountDisableButton({ userId, disabled }: { userId: number; disabled: boolean }) {
  return disabled ? (
    <ActionButton
      label="启用账号"
      pendingLabel="正在启用…"
      successText="已启用账号"
      className={secondaryButtonClass}
      run={() => setAccountDisabledAction({ userId, disabled: false })}
    />
  ) : (
    <ActionButton
      label="停用账号"
      pendingLabel="正在停用…"
      successText="已停用账号"
      className={dangerButtonClass}
      run={() => setAccountDisabledAction({ userId, disabled: true })}
    />
  );
}
