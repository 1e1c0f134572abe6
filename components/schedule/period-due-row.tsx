"use client";

import { useState, useTransition } from "react";
import { Cell, Row } from "@/components/ui/table";
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
    <Row data-testid="period-row">
      <Cell className="whitespace-nowrap">{props.label}</Cell>
      <Cell className="whitespace-nowrap text-stone-600">{props.ruleDue}</Cell>
      <Cell>
        <input
          type="datetime-local"
          aria-label={`${props.label}截止时间`}
          value={dueAt}
          onChange={(e) => setDueAt(e.target.value)}
          className="rounded border border-stone-300 px-2 py-1"
        />
      </Cell>
      <Cell>
        <input
          aria-label={`${props.label}调整说明`}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          placeholder="如：端午节顺延"
          className="w-48 rounded border border-stone-300 px-2 py-1"
        />
      </Cell>
      <Cell className="whitespace-nowrap text-sm">
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
      </Cell>
    </Row>
  );
}
