/** The small forms' and the filters' field: a label around its control, the label's text above it, the field's error below. */
import type { ReactNode } from "react";

/**
 * One labelled control (`children`, inside the label); `error`, when set, is said under it (`errorClassName`: its look).
 * `className` adds to the label (sm:col-span-2); `htmlFor` names the control when it has an id.
 */
export function StackedField({
  label,
  error,
  className,
  htmlFor,
  errorClassName = "mt-1 text-red-600",
  children,
}: {
  label: ReactNode;
  error?: string;
  className?: string;
  htmlFor?: string;
  errorClassName?: string;
  children: ReactNode;
}) {
  return (
    <label className={className ? `flex flex-col text-sm ${className}` : "flex flex-col text-sm"} htmlFor={htmlFor}>
      <span className="text-stone-600">{label}</span>
      {children}
      {error && <span className={errorClassName}>{error}</span>}
    </label>
  );
}
