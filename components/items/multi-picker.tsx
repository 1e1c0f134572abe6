"use client";

import { useId, useState } from "react";

export interface Option {
  id: number;
  name: string;
}

/** Several units (or leaders) picked from a long list: a filter box, a scrolling checkbox list, the chosen ones as chips. */
export function MultiPicker({
  label,
  options,
  value,
  onChange,
  error,
  disabledIds = [],
}: {
  label: string;
  options: Option[];
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
  disabledIds?: number[];
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const shown = filter.trim() ? options.filter((o) => o.name.includes(filter.trim())) : options;
  const order = (ids: number[]) => options.map((o) => o.id).filter((x) => ids.includes(x));
  const chosen = options.filter((o) => value.includes(o.id));
  return (
    <fieldset className="text-sm" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-stone-600">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-1" data-testid={`chosen-${label}`}>
        {chosen.length === 0 && <span className="text-stone-400">尚未选择</span>}
        {chosen.map((o) => (
          <button
            key={o.id}
            type="button"
            onClick={() => onChange(value.filter((x) => x !== o.id))}
            className="rounded bg-brand-50 px-1.5 py-0.5 text-brand-800 ring-1 ring-red-200"
            title="点击移除"
          >
            {o.name} ×
          </button>
        ))}
      </div>
      {options.length > 8 && (
        <input
          type="search"
          aria-label={`筛选${label}`}
          placeholder="输入名称筛选"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="mt-2 w-full rounded border border-stone-300 px-2 py-1"
        />
      )}
      <div
        className={`mt-1 grid max-h-44 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded border p-2 sm:grid-cols-3 ${error ? "border-red-500" : "border-stone-200"}`}
      >
        {shown.map((o) => (
          <label key={o.id} className={`flex items-center gap-1.5 ${disabledIds.includes(o.id) ? "text-stone-400" : ""}`}>
            <input
              type="checkbox"
              checked={value.includes(o.id)}
              disabled={disabledIds.includes(o.id)}
              onChange={(e) => onChange(order(e.target.checked ? [...value, o.id] : value.filter((x) => x !== o.id)))}
            />
            {o.name}
          </label>
        ))}
        {shown.length === 0 && <span className="text-stone-400">没有匹配的名称</span>}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
