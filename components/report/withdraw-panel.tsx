"use client";
/** 撤回: the filer takes back a report waiting for the unit head, to change it and send it again. */
import { useRouter } from "next/navigation";
import { withdrawReportAction } from "@/app/(app)/reports/actions";
import { ActionButton } from "@/components/admin/action-button";
import { secondaryButtonClass } from "@/components/ui/form";

export function WithdrawPanel({ target }: { target: { taskId: number; periodIndex: number } }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="withdraw-panel">
      <ActionButton
        label="撤回修改"
        pendingLabel="正在撤回…"
        successText="已撤回，可修改后重新提交"
        className={secondaryButtonClass}
        run={() => withdrawReportAction(target)}
        onSuccess={() => router.refresh()}
      />
      <span className="pt-2 text-xs text-stone-500">负责人审阅前可撤回，改好后重新提交。</span>
    </div>
  );
}
