/**
 * A plain GET form: the period and the filters live in the URL (bookmarkable, shareable). A new
 * filter starts again at page 1; the order and page size (`keep`) are carried over.
 */
import { FilterActions, FilterForm, FilterSelect, filterControlClass, HiddenFields } from "@/components/ui/filter-form";
import { labelledChoices, namedChoices } from "@/components/ui/options";
import { OVERVIEW_STATE_LABEL, OVERVIEW_STATES, type OverviewFilter } from "@/lib/overview/filters";

interface Option {
  id: number;
  name: string;
}

const selectClass = `${filterControlClass} bg-white`;

export function OverviewFilterForm({
  action,
  filter,
  periods,
  leaders,
  units,
  keep = {},
}: {
  action: string;
  filter: OverviewFilter & { periodIndex: number };
  periods: { index: number; label: string; due: boolean }[];
  leaders: Option[];
  units: Option[];
  /** The paging parameters kept when the filter changes (sort, size). */
  keep?: Record<string, string>;
}) {
  return (
    <FilterForm action={action} search label="筛选">
      <HiddenFields values={{ plan: filter.planId, ...keep }} />
      <FilterSelect
        label="半月期"
        name="period"
        value={filter.periodIndex}
        options={periods.map((p) => ({ value: p.index, label: `${p.label}${p.due ? "" : "（本期，未到截止）"}` }))}
        className={selectClass}
      />
      <FilterSelect label="责任领导" name="leader" value={filter.leaderId ?? ""} all="全部" options={namedChoices(leaders)} className={selectClass} />
      <FilterSelect label="牵头单位" name="unit" value={filter.unitId ?? ""} all="全部" options={namedChoices(units)} className={`${selectClass} max-w-56`} />
      <FilterSelect
        label="状态"
        name="state"
        value={filter.state ?? ""}
        all="全部"
        options={labelledChoices(OVERVIEW_STATES, OVERVIEW_STATE_LABEL)}
        className={selectClass}
      />
      <FilterActions primary clear={{ href: action }} />
    </FilterForm>
  );
}
