"use client";

import { useRouter } from "next/navigation";
import { remindOverdueAcknowledgementsAction } from "@/app/(app)/items/actions";
import { secondaryButtonClass } from "@/components/ui/form";
import { RunButton } from "@/components/ui/run-button";

/** 提醒超期未签收: one 签收提醒 to the lead units of every item 超期未签收 (once a day per item). */
export function RemindAcknowledgeButton({ overdue }: { overdue: number }) {
  const router = useRouter();
  return (
    <RunButton
      label={`提醒超期未签收${overdue ? `（${overdue}）` : ""}`}
      pendingLabel="正在提醒…"
      action={() => remindOverdueAcknowledgementsAction({})}
      succeeded={({ reminded, alreadyToday, units }) => {
        const text =
          reminded > 0
            ? `已向 ${units} 个牵头单位发出 ${reminded} 条签收提醒${alreadyToday ? `；另有 ${alreadyToday} 项今天已提醒过` : ""}`
            : alreadyToday > 0
              ? `超期未签收的 ${alreadyToday} 项今天都已提醒过，每项每天只提醒一次`
              : "没有超期未签收的事项";
        router.refresh();
        return { kind: "success", text };
      }}
      outcome="message"
      className="flex flex-wrap items-center gap-3"
      buttonClassName={secondaryButtonClass}
    />
  );
}
