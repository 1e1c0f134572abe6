"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { sendRemindersAction } from "@/app/(app)/supervision/reminders/actions";
import { BurdenWarningBox } from "@/components/burden/burden-warning";
import { InlineOutcome, type InlineMessage } from "@/components/ui/form";
import { burdenWarningOf, type BurdenWarning } from "@/lib/burden/warning";

/**
 * 一键催办: one click reminds every unit listed; a second click within 10 minutes is refused by the server.
 * Only overdue items enter the escalation ledger, unless the office ticks the box to record it all.
 */
export function RemindButton({
  periodIndex,
  periodLabel,
  units,
  items,
  disabled,
}: {
  periodIndex: number;
  periodLabel: string;
  units: number;
  items: number;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<InlineMessage>(null);
  const [recordAll, setRecordAll] = useState(false);
  const [pending, startTransition] = useTransition();
  // 减负: the server names the units past the 提醒线 on reminders; the next click is confirmed only when ticked.
  const [warning, setWarning] = useState<BurdenWarning | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const remind = () =>
    startTransition(async () => {
      const result = await sendRemindersAction({ periodIndex, recordAll, ...(warning && confirmed ? { confirmBurden: true } : {}) });
      if (!result.ok) {
        const found = burdenWarningOf(result.current);
        setWarning(found);
        setConfirmed(false);
        return setMessage(found ? null : { ok: false, text: result.message });
      }
      setWarning(null);
      setConfirmed(false);
      const ledger = result.data.recorded > 0 ? `，${result.data.recorded} 个单位记入问责台账` : "，均未到截止时间，不记入问责台账";
      setMessage({ ok: true, text: `已向 ${result.data.units} 个单位发出催办（${result.data.items} 项）${ledger}` });
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={remind}
        disabled={pending || disabled || units === 0}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50"
        title={`向${periodLabel}仍欠报的 ${units} 个单位发出催办`}
      >
        {pending ? "正在催办…" : "一键催办"}
      </button>
      <span className="text-sm text-stone-600">
        将催办 {units} 个单位、{items} 项
      </span>
      <label className="flex items-center gap-1 text-sm text-stone-600">
        <input type="checkbox" checked={recordAll} onChange={(e) => setRecordAll(e.target.checked)} disabled={pending} />
        未到截止时间的事项也记入问责台账
      </label>
      <InlineOutcome message={message} />
      {warning && (
        <div className="w-full">
          <BurdenWarningBox warning={warning} confirmed={confirmed} onConfirmedChange={setConfirmed} what="催办" />
        </div>
      )}
    </div>
  );
}
