/** A checkbox a record, ticked when its id is among the chosen ones (a form's list of ids). */

export interface CheckboxOption {
  id: number;
  name: string;
  /** No longer in use: kept only because the record names it; said after its name. */
  inactive?: boolean;
}

/**
 * The options' checkboxes, each labelled with its name (and 已停用 after an inactive one, `inactiveClassName` its look):
 * ticking one adds its id to `value`, unticking removes it, and `onChange` gets the new list.
 */
export function IdCheckboxes({
  options,
  value,
  onChange,
  inactiveClassName = "text-xs text-stone-500",
}: {
  options: readonly CheckboxOption[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
  inactiveClassName?: string;
}) {
  return options.map((o) => (
    <label key={o.id} className="flex items-center gap-1.5">
      <input
        type="checkbox"
        checked={value.includes(o.id)}
        onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((id) => id !== o.id))}
      />
      {o.name}
      {o.inactive && <span className={inactiveClassName}>（已停用）</span>}
    </label>
  ));
}

/** The checkboxes in a row under their legend (`legendClassName`: sr-only when the form's name says it), the field's error below. */
export function CheckboxFieldset({
  legend,
  legendClassName,
  error,
  ...checkboxes
}: { legend: string; legendClassName: string; error?: string } & Parameters<typeof IdCheckboxes>[0]) {
  return (
    <>
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <legend className={legendClassName}>{legend}</legend>
        <IdCheckboxes {...checkboxes} />
      </fieldset>
      {error && <p className="text-sm text-red-600">{error}</p>}
    </>
  );
}
