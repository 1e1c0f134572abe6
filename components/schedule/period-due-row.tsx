"use client";

import { useState, useTransition } from "react";
import { setPeriodDueAction } from "@/app/(app)/admin/schedule/actions";

/** One period: its due time by the rule, and a moved due time with a reason (e.g. a holiday). */
export function PeriodDueRow(props: {
  planId: number;
  periodIndex: number;
  label: string;
  ruleDue: string;
  overrideLocal: string | null;
  reason: string | null;
}) {
  const [dueAt, setDueAt] = useState(props.overrideLocal ?? "");
  const [reason, setReason] = useState(props.reason ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = (value: string | null) =>
    startTransition(async () => {
      const result = await setPeriodDueAction({ planId: props.planId, periodIndex: props.periodIndex, dueAt: value, reason: value ? reason : "" });
      setMessage(result.ok ? (value ? "已调整" : "已恢复") : result.message);
      if (result.ok && !value) {
        setDueAt("");
        setReason("");
      }
    });
  return (
    <tr className="border-t border-stone-100" data-testid="period-row">
      <td className="whitespace-nowrap px-3 py-2">{props.label}</td>
      <td className="whitespace-nowrap px-3 py-2 text-stone-600">{props.ruleDue}</td>
      <td className="px-3 py-2">
        <input
          type="datetime-local"
          aria-label={`${props.label}截止时间`}
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          className="rounded border border-stone-300 px-2 py-1"
        />
      </td>
      <td className="px-3 py-2">
        <input
          aria-label={`${props.label}调整说明`}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          placeholder="如：端午节顺延"
          className="w-48 rounded border border-stone-300 px-2 py-1"
        />
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-sm">
        <button type="button" disabled={pending || !dueAt} onClick={() => save(dueAt)} className="text-brand-700 hover:underline disabled:opacity-40">
          保存
        </button>
        {props.overrideLocal && (
          <button type="button" disabled={pending} onClick={() => save(null)} className="ml-3 text-stone-600 hover:underline">
            恢复默认
          </button>
        )}
        {message && (
          <span role="status" className="ml-2 text-xs text-stone-600">
            {message}
          </span>
        )}
      </td>
    </tr>
  );
}
