/** The notice lists' filters: 类别, 年度 and (a recipient's list) 签收 — a GET form; the page size and order are kept. */
import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";
import { NOTICE_KIND_LABEL } from "@/lib/notices/format";
import type { NoticeListSearch } from "@/lib/notices/list-query";
import { DEFAULT_PAGE_SIZE, sortParam } from "@/lib/paging";

export function NoticeListFilter({
  path,
  search,
  years,
  withState = false,
}: {
  path: string;
  search: NoticeListSearch;
  years: readonly number[];
  withState?: boolean;
}) {
  const { filter, paging } = search;
  const filtered = filter.kind !== undefined || filter.year !== undefined || filter.state !== undefined;
  return (
    <FilterForm action={path} label="筛选通报">
      <FilterSelect
        label="类别"
        name="kind"
        value={filter.kind ?? ""}
        all="全部"
        options={Object.entries(NOTICE_KIND_LABEL).map(([value, label]) => ({ value, label }))}
      />
      <FilterSelect label="年度" name="year" value={filter.year ?? ""} all="全部" options={years.map((y) => ({ value: y, label: `${y}年` }))} />
      {withState && (
        <FilterSelect
          label="签收"
          name="state"
          value={filter.state ?? ""}
          all="全部"
          options={[
            { value: "pending", label: "未签收" },
            { value: "acknowledged", label: "已签收" },
          ]}
        />
      )}
      <HiddenFields
        values={{ size: paging.size === DEFAULT_PAGE_SIZE ? undefined : paging.size, sort: paging.sort.descending ? undefined : sortParam(paging.sort) }}
      />
      <FilterActions clear={filtered ? { href: path } : null} />
    </FilterForm>
  );
}
