import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";

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
    <FilterForm label="选择半月期" className="flex items-end gap-2">
      <HiddenFields values={extra ?? {}} />
      <FilterSelect label="半月期" name="period" value={value ?? undefined} options={[...periods].reverse().map((p) => ({ value: p.index, label: p.label }))} />
      <FilterActions submit="查看" />
    </FilterForm>
  );
}
