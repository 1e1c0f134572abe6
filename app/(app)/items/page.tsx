import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { Cell, HeaderCells, Row } from "@/components/ui/table";
import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";
import { ClampedText } from "@/components/ui/clamped-text";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { labelledChoices } from "@/components/ui/options";
import Link from "next/link";
import { ItemStateBadge } from "@/components/items/item-panel";
import { RemindAcknowledgeButton } from "@/components/items/remind-acknowledge-button";
import { requirePageActor } from "@/lib/auth/session";
import { ITEM_STATE_LABEL, ITEM_STATES } from "@/lib/items/item-state";
import { ITEM_ORDER, type ItemSort, itemSearchParams, parseItemPaging, parseItemSearch } from "@/lib/items/search";
import { type ListLocation, pagingParams } from "@/lib/paging";
import { WORK_SOURCE_LABEL, WORK_SOURCES } from "@/lib/plans/sources";
import { taskScopeOf } from "@/lib/policies";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";
import { listItemsFor } from "@/lib/services/items";
import { scopeNote, shortDeadline, taskNumber } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "督办事项" };

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const search = parseItemSearch(params);
  const paging = parseItemPaging(params);
  const page = await listItemsFor(actor, search, paging);
  const at: ListLocation<ItemSort> = { path: "/items", filters: itemSearchParams(search), paging: { ...paging, page: page.page }, fallback: ITEM_ORDER };
  const sortable = (key: ItemSort, label: string) => ({ label: <SortHeader at={at} sortKey={key} label={label} startDescending={key === "seq"} /> });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={<>{page.year}年督办事项</>}>
          <p className="text-sm text-stone-500">
            会议议定事项、领导批示、上级交办等单项督办事项，逐项立项编号；牵头单位应在立项后 2 个工作日内签收。
            <span data-testid="item-total">
              共 {page.total} 项{scopeNote(taskScopeOf(actor), "事项")}
              {page.pages > 1 && `，第 ${page.page} / ${page.pages} 页`}
            </span>
          </p>
        </PageHeader>
        {page.canRegister && (
          <Link href="/items/new" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
            登记督办事项
          </Link>
        )}
      </div>
      <FilterForm label="筛选督办事项">
        <HiddenFields values={Object.fromEntries(pagingParams({ ...paging, page: 1 }, ITEM_ORDER))} />
        {page.years.length > 1 && (
          <FilterSelect label="年度" name="year" value={String(page.year)} options={page.years.map((y) => ({ value: y, label: `${y}年` }))} />
        )}
        <FilterSelect label="来源" name="source" value={search.source ?? ""} all="全部来源" options={labelledChoices(WORK_SOURCES, WORK_SOURCE_LABEL)} />
        <FilterSelect
          label="状态"
          name="state"
          value={search.state ?? ""}
          all="全部状态"
          options={ITEM_STATES.map((s) => ({ value: s, label: `${ITEM_STATE_LABEL[s]}（${page.counts[s]}）` }))}
        />
        <FilterActions clear={search.source || search.state ? { href: "/items" } : null} />
      </FilterForm>
      {page.canRegister && <RemindAcknowledgeButton overdue={page.counts.overdue} />}
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <HeaderCells
                columns={[
                  sortable("seq", "立项号"),
                  "事项内容",
                  "来源",
                  "文号",
                  sortable("lead", "牵头单位"),
                  "责任领导",
                  sortable("due", "完成时限"),
                  "报送频次",
                  "签收",
                ]}
                cellClassName="px-3 py-2 font-medium"
              />
            </tr>
          </thead>
          <tbody>
            {page.rows.map((item) => (
              <Row key={item.id} data-testid="item-row" className="align-top">
                <Cell className="whitespace-nowrap">{taskNumber(item)}</Cell>
                <Cell>
                  <ClampedText>
                    <Link href={`/tasks/${item.id}`} className="text-brand-700 hover:underline">
                      {item.content}
                    </Link>
                  </ClampedText>
                </Cell>
                <Cell className="whitespace-nowrap">{item.source ? WORK_SOURCE_LABEL[item.source] : ""}</Cell>
                <Cell>{item.documentNumber ?? <span className="text-stone-400">—</span>}</Cell>
                <Cell>{item.leadUnits.join("、")}</Cell>
                <Cell>{item.leaders.join("、")}</Cell>
                <Cell className="whitespace-nowrap">{shortDeadline({ dueOn: item.dueOn, deadlineText: null }, page.year) ?? "—"}</Cell>
                <Cell className="whitespace-nowrap">{CADENCE_LABEL[item.cadence ?? "half_monthly"]}</Cell>
                <Cell className="whitespace-nowrap">
                  <ItemStateBadge state={item.state} testId="item-state" />
                </Cell>
              </Row>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 && <p className="p-4 text-sm text-stone-500">没有符合条件的督办事项。</p>}
      </div>
      <Pager at={at} page={page.page} pages={page.pages} total={page.total} unit="项" />
    </div>
  );
}
