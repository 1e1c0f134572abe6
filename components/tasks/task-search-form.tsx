interface Option {
  id: number;
  name: string;
}

/** A plain GET form: the search lives in the URL, so it can be bookmarked and shared. */
export function TaskSearchForm({
  action,
  text,
  leaderId,
  unitId,
  year,
  planId,
  leaders,
  units,
}: {
  action: string;
  text?: string;
  leaderId?: number;
  unitId?: number;
  /** Another year's plan being searched (kept in the URL). */
  year?: number;
  /** One plan being searched (kept in the URL). */
  planId?: number;
  leaders: Option[];
  units: Option[];
}) {
  return (
    <form action={action} method="get" role="search" className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3">
      {year !== undefined && <input type="hidden" name="year" value={year} />}
      {planId !== undefined && <input type="hidden" name="plan" value={planId} />}
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">关键词或序号</span>
        <input name="q" defaultValue={text} maxLength={100} className="mt-1 w-64 rounded border border-stone-300 px-2 py-1.5" placeholder="如：招商、24" />
      </label>
      {leaders.length > 1 && (
        <label className="flex flex-col text-sm">
          <span className="text-stone-600">责任领导</span>
          <select name="leader" defaultValue={leaderId ?? ""} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
            <option value="">全部</option>
            {leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">单位</span>
        <select name="unit" defaultValue={unitId ?? ""} className="mt-1 max-w-56 rounded border border-stone-300 px-2 py-1.5">
          <option value="">全部</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
        搜索
      </button>
    </form>
  );
}
