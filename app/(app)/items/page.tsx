import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { FilterForm, FilterSelect } from "@/components/ui/filter-form";
import Link from "next/link";
import { ITEM_STATE_CLASS } from "@/components/items/item-panel";
import { RemindAcknowledgeButton } from "@/components/items/remind-acknowledge-button";
import { requirePageActor } from "@/lib/auth/session";
import { ITEM_STATE_LABEL, ITEM_STATES } from "@/lib/items/item-state";
import { parseItemSearch } from "@/lib/items/search";
import { WORK_SOURCE_LABEL, WORK_SOURCES } from "@/lib/plans/sources";
import { taskScopeOf } from "@/lib/policies";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";
import { listItemsFor } from "@/lib/services/items";
import { scopeNote, shortDeadline, taskNumber } from "@/lib/tasks/labels";

export const metadata: Metadata = { title: "督办事项" };

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = parseItemSearch(await searchParams);
  const page = await listItemsFor(actor, search);
  const selectClass = "mt-1 rounded border border-stone-300 px-2 py-1 text-sm";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={<>{page.year}年督办事项</>}>
          <p className="text-sm text-stone-500">
            会议议定事项、领导批示、上级交办等单项督办事项，逐项立项编号；牵头单位应在立项后 2 个工作日内签收。共 {page.rows.length} 项
            {scopeNote(taskScopeOf(actor), "事项")}
          </p>
        </PageHeader>
        {page.canRegister && (
          <Link href="/items/new" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
            登记督办事项
          </Link>
        )}
      </div>
      <FilterForm label="筛选督办事项">
        {page.years.length > 1 && (
          <FilterSelect
            label="年度"
            name="year"
            value={String(page.year)}
            options={page.years.map((y) => ({ value: y, label: `${y}年` }))}
            className={selectClass}
          />
        )}
        <FilterSelect
          label="来源"
          name="source"
          value={search.source ?? ""}
          all="全部来源"
          options={WORK_SOURCES.map((s) => ({ value: s, label: WORK_SOURCE_LABEL[s] }))}
          className={selectClass}
        />
        <FilterSelect
          label="状态"
          name="state"
          value={search.state ?? ""}
          all="全部状态"
          options={ITEM_STATES.map((s) => ({ value: s, label: `${ITEM_STATE_LABEL[s]}（${page.counts[s]}）` }))}
          className={selectClass}
        />
        <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">
          筛选
        </button>
        {(search.source || search.state) && (
          <Link href="/items" className="text-brand-700 hover:underline">
            清除筛选
          </Link>
        )}
      </FilterForm>
      {page.canRegister && <RemindAcknowledgeButton overdue={page.counts.overdue} />}
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th className="px-3 py-2 font-medium">立项号</th>
              <th className="px-3 py-2 font-medium">事项内容</th>
              <th className="px-3 py-2 font-medium">来源</th>
              <th className="px-3 py-2 font-medium">文号</th>
              <th className="px-3 py-2 font-medium">牵头单位</th>
              <th className="px-3 py-2 font-medium">责任领导</th>
              <th className="px-3 py-2 font-medium">完成时限</th>
              <th className="px-3 py-2 font-medium">报送频次</th>
              <th className="px-3 py-2 font-medium">签收</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((item) => (
              <tr key={item.id} data-testid="item-row" className="border-t border-stone-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">{taskNumber(item)}</td>
                <td className="px-3 py-2">
                  <Link href={`/tasks/${item.id}`} className="text-brand-700 hover:underline">
                    {item.content}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2">{item.source ? WORK_SOURCE_LABEL[item.source] : ""}</td>
                <td className="px-3 py-2">{item.documentNumber ?? <span className="text-stone-400">—</span>}</td>
                <td className="px-3 py-2">{item.leadUnits.join("、")}</td>
                <td className="px-3 py-2">{item.leaders.join("、")}</td>
                <td className="whitespace-nowrap px-3 py-2">{shortDeadline({ dueOn: item.dueOn, deadlineText: null }, page.year) ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">{CADENCE_LABEL[item.cadence ?? "half_monthly"]}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <span data-testid="item-state" className={`rounded px-1.5 py-0.5 text-xs ring-1 ${ITEM_STATE_CLASS[item.state]}`}>
                    {ITEM_STATE_LABEL[item.state]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {page.rows.length === 0 && <p className="p-4 text-sm text-stone-500">没有符合条件的督办事项。</p>}
      </div>
    </div>
  );
}
