"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { sendRemindersAction } from "@/app/(app)/supervision/reminders/actions";

/** 一键催办: one click reminds every unit listed; a second click within 10 minutes is refused by the server. */
export function RemindButton({ periodIndex, periodLabel, units, items, disabled }: { periodIndex: number; periodLabel: string; units: number; items: number; disabled?: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const remind = () =>
    startTransition(async () => {
      const result = await sendRemindersAction({ periodIndex });
      if (!result.ok) return setMessage({ ok: false, text: result.message });
      setMessage({ ok: true, text: `已向 ${result.data.units} 个单位发出催办（${result.data.items} 项）` });
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
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
