"use client";

import { resetSecondFactorAction } from "@/app/(app)/admin/users/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass } from "@/components/ui/form";

/** For a user who lost the phone and the recovery codes: the second factor goes, the user is signed out. */
export function ResetSecondFactorButton({ userId, available }: { userId: number; available: boolean }) {
  return (
    <ActionButton
      label="重置动态验证码"
      pendingLabel="正在重置…"
      successText="已重置动态验证码，该用户已退出登录，下次登录后需重新设置"
      className={dangerButtonClass}
      available={available}
      run={() => resetSecondFactorAction({ userId })}
    />
  );
}
