import Link from "next/link";
import type { ReactNode } from "react";
import { formatShanghai } from "@/lib/periods";
import type { LedgerStep } from "@/lib/services/escalations";
import { StepBadge } from "./step-badge";

/** A unit's ledger, newest first: each step with its facts, deadline, notice and the unit's 情况说明. */
export function LedgerSteps({ steps, explain }: { steps: LedgerStep[]; explain?: (step: LedgerStep) => ReactNode }) {
  if (steps.length === 0) return <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-500">台账中暂无记录。</p>;
  return (
    <ol className="space-y-3">
      {steps.map((s) => (
        <li key={s.id} className="rounded border border-stone-200 bg-white p-4 text-sm" data-testid="ledger-step" data-step={s.step}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <StepBadge step={s.step} />
            <span className="text-stone-600">{formatShanghai(s.createdAt)}</span>
            {s.createdBy && <span className="text-stone-500">{s.createdBy}</span>}
            {s.deadlineLabel && (
              <span className="text-stone-700">
                {s.step === "interview" ? "约谈时间" : s.step === "criticism" ? "整改期限" : "期限"}：{s.deadlineLabel}
              </span>
            )}
            {s.notice && (
              <Link href={`/notices/${s.notice.id}`} className="text-brand-700 hover:underline" data-testid="notice-link">
                {s.notice.label}
              </Link>
            )}
          </div>
          {(s.measure || s.responsiblePerson) && (
            <p className="mt-2">
              {s.measure && (
                <span className="mr-4">
                  问责方式：<strong>{s.measure}</strong>
                </span>
              )}
              {s.responsiblePerson && (
                <span>
                  责任人：<strong>{s.responsiblePerson}</strong>
                </span>
              )}
            </p>
          )}
          <p className="mt-2 whitespace-pre-wrap break-words text-stone-800">{s.facts}</p>
          <div className="mt-3 border-t border-stone-100 pt-2" data-testid="explanation">
            {s.explanation !== null ? (
              <>
                <div className="text-xs text-stone-500">
                  情况说明 · {s.explainedBy ?? ""} {s.explainedAt ? formatShanghai(s.explainedAt) : ""}
                </div>
                <p className="mt-1 whitespace-pre-wrap break-words text-stone-800" data-testid="explanation-text">
                  {s.explanation}
                </p>
              </>
            ) : explain ? (
              explain(s)
            ) : (
              <span className="text-xs text-stone-500">单位尚未报送情况说明</span>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
