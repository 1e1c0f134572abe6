/**
 * The filter kit: a plain GET form whose choices live in the URL (bookmarkable, shareable, works
 * without JavaScript). Labelled selects and inputs, the 筛选 button, the link that clears the filters.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { type Choice, Options } from "./options";
import { StackedField } from "./stacked-field";

export const filterControlClass = "mt-1 rounded border border-stone-300 px-2 py-1.5";
const boxedFormClass = "flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm";
const primaryClass = "rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800";
const secondaryClass = "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50";

/** The GET form around the filters (by default in a white box); `search` marks it as the page's search. */
export function FilterForm({
  action,
  label,
  search = false,
  className = boxedFormClass,
  children,
}: {
  action?: string;
  label?: string;
  search?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={action} method="get" role={search ? "search" : undefined} aria-label={label} className={className}>
      {children}
    </form>
  );
}

/** What the form carries along unchanged (the plan or year being looked at); empty values are left out. */
export function HiddenFields({ values }: { values: Record<string, string | number | undefined> }) {
  return Object.entries(values).map(([name, value]) =>
    value === undefined || value === "" ? null : <input key={name} type="hidden" name={name} value={value} />,
  );
}

/** One labelled control: the label's text above it. */
export function FilterField({ label, children }: { label: string; children: ReactNode }) {
  return <StackedField label={label}>{children}</StackedField>;
}

/** A select of the filter; `all` labels the empty choice (no filter), left out where every choice is a value. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  all,
  className = filterControlClass,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  options: readonly Choice[];
  all?: string;
  className?: string;
}) {
  return (
    <FilterField label={label}>
      <select name={name} defaultValue={value} className={className}>
        <Options choices={options} empty={all} />
      </select>
    </FilterField>
  );
}

/** The submit button (筛选 unless said otherwise; `primary` for the page's main search) and, when given, the link that clears the filters. */
export function FilterActions({
  submit = "筛选",
  primary = false,
  clear,
}: {
  submit?: string;
  primary?: boolean;
  clear?: { href: string; label?: string } | null;
}) {
  return (
    <>
      <button type="submit" className={primary ? primaryClass : secondaryClass}>
        {submit}
      </button>
      {clear && (
        <Link href={clear.href} className="py-1.5 text-sm text-stone-600 hover:underline">
          {clear.label ?? "清除筛选"}
        </Link>
      )}
    </>
  );
}
