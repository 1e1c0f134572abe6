"use client";

import { useRouter } from "next/navigation";
import { endSessionsOfUserAction } from "@/app/(app)/admin/users/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass } from "@/components/ui/form";

/** The administrator signs an account out of every browser (a lost phone, a colleague who left). */
export function EndSessionsButton({ userId, available }: { userId: number; available: boolean }) {
  const router = useRouter();
  return (
    <ActionButton
      label="结束该用户的所有会话"
      pendingLabel="正在结束…"
      successText="已结束该用户的所有会话，该用户须重新登录"
      className={dangerButtonClass}
      available={available}
      run={() => endSessionsOfUserAction({ userId })}
      onSuccess={() => router.refresh()}
    />
  );
}
