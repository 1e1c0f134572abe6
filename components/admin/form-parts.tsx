/** Small pieces shared by the administration and account forms: labelled fields and result messages. */
import type { ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/server/pipeline/define-action";

export const inputClass = "mt-1 w-full rounded border border-stone-300 px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";
export const primaryButtonClass = "rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50 disabled:opacity-60";
export const dangerButtonClass = "rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60";

/** A label above its control (`id` ties them), a hint or the field's error below. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block text-stone-600">
        {label}
      </label>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-stone-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

export type Feedback = { kind: "error" | "success"; text: string } | null;

/** The outcome of the last submit: an alert when it failed, a status line when it worked. */
export function FeedbackMessage({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return feedback.kind === "error" ? (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
      {feedback.text}
    </p>
  ) : (
    <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
      {feedback.text}
    </p>
  );
}

/** Puts the server's field errors on the form's fields; returns the message to show. */
export function failureOf<T extends FieldValues>(result: Extract<ActionResult<unknown>, { ok: false }>, setError: UseFormSetError<T>): Feedback {
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (message) setError(field as Path<T>, { type: "server", message });
  }
  return { kind: "error", text: result.message };
}

/** When a server action could not be reached at all (network down): what was typed stays in the form. */
export const UNREACHABLE: Feedback = { kind: "error", text: "无法连接服务器，您填写的内容已保留，请稍后重试" };
