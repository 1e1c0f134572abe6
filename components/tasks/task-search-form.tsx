import { FilterActions, FilterField, FilterForm, FilterSelect, filterControlClass, HiddenFields } from "@/components/ui/filter-form";
import { namedChoices } from "@/components/ui/options";

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
  keep = {},
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
  /** The list's order and page size, kept by a new search (which starts at page 1). */
  keep?: Record<string, string>;
  leaders: Option[];
  units: Option[];
}) {
  return (
    <FilterForm action={action} search>
      <HiddenFields values={{ year, plan: planId, ...keep }} />
      <FilterField label="关键词或序号">
        <input name="q" defaultValue={text} maxLength={100} className={`${filterControlClass} w-64`} placeholder="如：招商、24" />
      </FilterField>
      {leaders.length > 1 && <FilterSelect label="责任领导" name="leader" value={leaderId ?? ""} all="全部" options={namedChoices(leaders)} />}
      <FilterSelect label="单位" name="unit" value={unitId ?? ""} all="全部" options={namedChoices(units)} className={`${filterControlClass} max-w-56`} />
      <FilterActions submit="搜索" primary />
    </FilterForm>
  );
}
