/** A plain GET form: the period and the filters live in the URL (bookmarkable, shareable). */
import Link from "next/link";
import { OVERVIEW_STATE_LABEL, OVERVIEW_STATES, type OverviewFilter } from "@/lib/overview/filters";

interface Option {
  id: number;
  name: string;
}

const selectClass = "mt-1 rounded border border-stone-300 bg-white px-2 py-1.5";

export function OverviewFilterForm({
  action,
  filter,
  periods,
  leaders,
  units,
}: {
  action: string;
  filter: OverviewFilter & { periodIndex: number };
  periods: { index: number; label: string; due: boolean }[];
  leaders: Option[];
  units: Option[];
}) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-label="筛选"
      className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3 text-sm"
    >
      {filter.planId !== undefined && <input type="hidden" name="plan" value={filter.planId} />}
      <label className="flex flex-col">
        <span className="text-stone-600">半月期</span>
        <select name="period" defaultValue={filter.periodIndex} className={selectClass}>
          {periods.map((p) => (
            <option key={p.index} value={p.index}>
              {p.label}
              {p.due ? "" : "（本期，未到截止）"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-stone-600">责任领导</span>
        <select name="leader" defaultValue={filter.leaderId ?? ""} className={selectClass}>
          <option value="">全部</option>
          {leaders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-stone-600">牵头单位</span>
        <select name="unit" defaultValue={filter.unitId ?? ""} className={`${selectClass} max-w-56`}>
          <option value="">全部</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-stone-600">状态</span>
        <select name="state" defaultValue={filter.state ?? ""} className={selectClass}>
          <option value="">全部</option>
          {OVERVIEW_STATES.map((s) => (
            <option key={s} value={s}>
              {OVERVIEW_STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800">
        筛选
      </button>
      <Link href={action} className="py-1.5 text-stone-600 hover:underline">
        清除筛选
      </Link>
    </form>
  );
}
