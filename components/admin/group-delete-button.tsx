"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteGroupAction } from "@/app/(app)/admin/groups/actions";
import { ActionButton } from "./action-button";
import { dangerButtonClass, secondaryButtonClass } from "@/components/ui/form";

/** Deleting takes two clicks: 删除 → 确认删除. The server refuses when a task still names the group. */
export function GroupDeleteButton({ groupId, name }: { groupId: number; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={dangerButtonClass}>
        删除集合单位
      </button>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-700">确定删除「{name}」吗？</p>
      <div className="flex items-start gap-3">
        <ActionButton
          label="确认删除"
          pendingLabel="正在删除…"
          successText="已删除"
          className={dangerButtonClass}
          run={() => deleteGroupAction({ groupId })}
          onSuccess={() => router.push("/admin/groups")}
        />
        <button type="button" onClick={() => setConfirming(false)} className={secondaryButtonClass}>
          取消
        </button>
      </div>
    </div>
  );
}
