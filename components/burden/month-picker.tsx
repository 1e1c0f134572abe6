/** The month the burden meter shows: a plain GET form (works without script), the month kept in the URL. */
export function MonthPicker({ months, value }: { months: { param: string; label: string }[]; value: string }) {
  return (
    <form method="get" className="flex items-end gap-2 text-sm" aria-label="选择月份">
      <label className="block">
        <span className="block font-medium text-stone-700">月份</span>
        <select name="month" defaultValue={value} className="mt-1 rounded border border-stone-300 bg-white px-2 py-1.5">
          {months.map((m) => (
            <option key={m.param} value={m.param}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50">
        查看
      </button>
    </form>
  );
}
