/** The options of a select, each a value and its label, from a list of records or of fixed values. */

export interface Choice {
  value: string | number;
  label: string;
}

/** The `<option>`s of the choices, after an empty one labelled `empty` when given (全部, 请选择). */
export function Options({ choices, empty }: { choices: readonly Choice[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

/** Records with an id and a name as choices. */
export const namedChoices = (records: readonly { id: number; name: string }[]): Choice[] => records.map((r) => ({ value: r.id, label: r.name }));

/** Fixed values as choices, each labelled by `labels`. */
export const labelledChoices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] =>
  values.map((value) => ({ value, label: labels[value] }));
