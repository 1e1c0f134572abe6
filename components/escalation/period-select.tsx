/** A plain GET form choosing the period (works without JavaScript). */
export function PeriodSelect({
  periods,
  value,
  extra,
}: {
  periods: { index: number; label: string }[];
  value: number | null;
  extra?: Record<string, string | undefined>;
}) {
  return (
    <form method="get" className="flex items-end gap-2" aria-label="选择半月期">
      {Object.entries(extra ?? {}).map(([name, v]) => (v ? <input key={name} type="hidden" name={name} value={v} /> : null))}
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">半月期</span>
        <select name="period" defaultValue={value ?? undefined} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
          {[...periods].reverse().map((p) => (
            <option key={p.index} value={p.index}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
        查看
      </button>
    </form>
  );
}
