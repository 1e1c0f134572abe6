/** The one form kit: labelled fields, button looks, the submit button, the outcome message, server field errors. */
import { labelledChoices, Options } from "./options";
import type { BaseSyntheticEvent, InputHTMLAttributes, ReactNode } from "react";
import type { FieldValues, Path, RefCallBack, UseFormRegisterReturn, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/server/pipeline/define-action";

export const inputClass =
  "mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";
export const primaryButtonClass = "rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButtonClass =
  "rounded border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";

/** A label above its control (`id` ties them); below it a hint or a warning, or the field's error instead. `className` sizes it (w-64). */
export function Field({
  id,
  label,
  required,
  error,
  hint,
  warning,
  className,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  warning?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `${className} text-sm` : "text-sm"}>
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

/** A `Field` around a text-like input registered with react-hook-form (`registration` is what `register(name)` returned). */
export function TextField({
  id,
  label,
  error,
  hint,
  className,
  registration,
  ...input
}: { id: string; label: string; error?: string; hint?: string; className?: string; registration: UseFormRegisterReturn } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "className" | "aria-invalid"
>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className={inputClass} aria-invalid={Boolean(error)} {...input} {...registration} />
    </Field>
  );
}

/** What a react-hook-form `Controller` gives a text control to render (its `field`). */
export interface ControlledText {
  name: string;
  ref: RefCallBack;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** A `Field` around a textarea bound by a `Controller` (`field`), described by its error or else by its hint. */
export function ControlledTextArea({
  id,
  label,
  required,
  error,
  hint,
  rows,
  field,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  rows: number;
  field: ControlledText;
}) {
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      <textarea
        id={id}
        rows={rows}
        className={inputClass}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        name={field.name}
        ref={field.ref}
        value={field.value}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
      />
    </Field>
  );
}

/** A `TextField` for a password (a new one unless `autoComplete` says otherwise). */
export function PasswordField({ autoComplete = "new-password", ...field }: Parameters<typeof TextField>[0]) {
  return <TextField type="password" autoComplete={autoComplete} {...field} />;
}

/** A `Field` around a select of fixed choices (`labels` names each), registered with react-hook-form. */
export function SelectField<T extends string>({
  id,
  label,
  error,
  options,
  labels,
  className,
  registration,
}: {
  id: string;
  label: string;
  error?: string;
  options: readonly T[];
  labels: Record<T, string>;
  className?: string;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label={label} error={error} className={className}>
      <select id={id} className={inputClass} {...registration}>
        <Options choices={labelledChoices(options, labels)} />
      </select>
    </Field>
  );
}

/** The primary submit button: disabled while the form is being sent, saying so (`pendingLabel`). */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  className = primaryButtonClass,
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? pendingLabel : children}
    </button>
  );
}

export type Feedback = { kind: "error" | "success" | "info"; text: string } | null;

/** What a form needs of `useActionForm`: the submit handler, whether it is sending, the outcome. */
export interface FormState {
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  isSubmitting: boolean;
  feedback: Feedback;
}

/** A server-action form: its fields (`children`), then the submit button (保存 unless said otherwise) and the outcome. */
export function ActionForm({
  state,
  label,
  submit = "保存",
  pendingLabel = "正在保存…",
  className = "space-y-3",
  children,
}: {
  state: FormState;
  label: string;
  submit?: string;
  pendingLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={state.onSubmit} noValidate aria-label={label} className={className}>
      {children}
      <SubmitButton pending={state.isSubmitting} pendingLabel={pendingLabel}>
        {submit}
      </SubmitButton>
      <FeedbackMessage feedback={state.feedback} />
    </form>
  );
}

/** A short form in one row, the submit button at the end of the fields and the outcome below (`boxed`: in a white box, as a page's 新建 form). */
export function RowForm({
  state,
  label,
  submit,
  pendingLabel,
  boxed = false,
  children,
}: {
  state: FormState;
  label: string;
  submit: string;
  pendingLabel: string;
  boxed?: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={state.onSubmit} noValidate aria-label={label} className={boxed ? "space-y-3 rounded border border-stone-200 bg-white p-3" : "space-y-3"}>
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <SubmitButton pending={state.isSubmitting} pendingLabel={pendingLabel}>
          {submit}
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={state.feedback} />
    </form>
  );
}

/** The outcome of the last submit: an alert when it failed, a status line otherwise. */
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

/** The last submit's outcome of a small form, in a line: a status when it worked, an alert when it did not. */
export type InlineMessage = { ok: boolean; text: string } | null;

export function InlineOutcome({ message }: { message: InlineMessage }) {
  if (!message) return null;
  return (
    <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
      {message.text}
    </span>
  );
}

/**
 * A small form's submit button with its outcome beside it; further buttons (`children`) stand between. `className` places the
 * line (sm:col-span-2); `buttonClassName` is the button's look when not the usual one (a red one for a grave step).
 */
export function SubmitLine({
  label,
  disabled,
  message,
  className,
  buttonClassName = "rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800 disabled:opacity-60",
  children,
}: {
  label: ReactNode;
  disabled: boolean;
  message: InlineMessage;
  className?: string;
  buttonClassName?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className ? `flex items-center gap-3 ${className}` : "flex items-center gap-3"}>
      <button type="submit" disabled={disabled} className={buttonClassName}>
        {label}
      </button>
      {children}
      <InlineOutcome message={message} />
    </div>
  );
}

/** A refusal shown inline next to a small control (a row's button); nothing otherwise. `className` sizes it (text-xs beside a small button). */
export function InlineError({ feedback, className = "text-sm text-red-700" }: { feedback: Feedback; className?: string }) {
  if (feedback?.kind !== "error") return null;
  return (
    <span role="alert" className={className}>
      {feedback.text}
    </span>
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
export const UNREACHABLE_TEXT = "无法连接服务器，您填写的内容已保留，请稍后重试";
export const UNREACHABLE: Feedback = { kind: "error", text: UNREACHABLE_TEXT };
