/** Small pieces of the report page: labelled fields, buttons, messages, read-only field values. */
import type { ReactNode } from "react";
import { formatShanghai } from "@/lib/periods";
import { PROGRESS_STATE_LABEL, REPORT_FIELD_LABEL, type ReportFields } from "@/lib/reporting/schemas";

export const inputClass =
  "mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";
export const primaryButtonClass = "rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButtonClass = "rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

export function Field({ id, label, required, error, hint, warning, children }: { id: string; label: string; required?: boolean; error?: string; hint?: string; warning?: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-medium text-stone-700">
        {label}
        {required && (
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      )}
      {warning && !error && (
        <p id={`${id}-warning`} className="mt-1 text-amber-700">
          {warning}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

export type Feedback = { kind: "error" | "success" | "info"; text: string } | null;

export function FeedbackMessage({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  if (feedback.kind === "error")
    return (
      <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
        {feedback.text}
      </p>
    );
  return (
    <p role="status" className={`rounded px-3 py-2 text-sm ${feedback.kind === "success" ? "bg-green-50 text-green-800" : "bg-stone-100 text-stone-700"}`}>
      {feedback.text}
    </p>
  );
}

export const UNREACHABLE_TEXT = "无法连接服务器，您填写的内容已保留，请稍后重试";

/** `2022-06-20 10:00` (Shanghai). Accepts what a server component passed (a Date). */
export function formatTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  return formatShanghai(new Date(at));
}

const FIELD_ROWS = (Object.keys(REPORT_FIELD_LABEL) as (keyof ReportFields)[]).map((key) => ({ key, label: REPORT_FIELD_LABEL[key] }));

function valueText(fields: ReportFields, key: keyof ReportFields): string {
  if (key === "percent") return fields.percent === null || fields.percent === undefined ? "" : `${fields.percent}%`;
  if (key === "progressState") return fields.progressState ? PROGRESS_STATE_LABEL[fields.progressState] : "";
  return fields[key];
}

/** A report's fields, read-only. Text is rendered as text (never as HTML), line breaks kept. */
export function ReportFieldsView({ fields, compact = false, testId }: { fields: ReportFields; compact?: boolean; testId?: string }) {
  return (
    <dl className={compact ? "space-y-2 text-sm" : "space-y-3 text-sm"} data-testid={testId}>
      {FIELD_ROWS.map(({ key, label }) => {
        const text = valueText(fields, key);
        return (
          <div key={key}>
            <dt className="text-stone-500">{label}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap break-words text-stone-900">{text || <span className="text-stone-400">（未填写）</span>}</dd>
          </div>
        );
      })}
    </dl>
  );
}
