import type { Metadata } from "next";
import Link from "next/link";
import { ThresholdsForm } from "@/components/burden/thresholds-form";
import { MonthPicker } from "@/components/burden/month-picker";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { parseMonth } from "@/lib/burden/month";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { type ListLocation, parsePaging } from "@/lib/paging";
import { getBurdenMeter } from "@/lib/services/burden";

export const metadata: Metadata = { title: "基层负担监测" };

const ORDER = { key: "load", descending: true } as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** 基层负担监测 (减负): every unit's load in a month, heaviest first, with the causes; the 提醒线. */
export default async function BurdenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("office.read");
  const params = await searchParams;
  const month = parseMonth(first(params.month));
  const paging = parsePaging(params, ["load"] as const, ORDER);
  const meter = await orNotFound(getBurdenMeter(actor, { month, paging }));
  const { page, thresholds } = meter;
  const at: ListLocation = {
    path: "/supervision/burden",
    filters: month ? [["month", meter.monthParam]] : [],
    paging: { ...paging, page: page.page },
    fallback: ORDER,
  };
  return (
    <div className="space-y-4">
      <PageHeader title="基层负担监测">
        <p className="text-sm text-stone-500">
          {meter.monthLabel}：各单位应报的进展报告和配合进展（按各任务自己的报送频次）、须填写的栏目、收到的催办和消息，负担重的在前。
          依据《整治形式主义为基层减负若干规定》，同类材料只报一次。
        </p>
      </PageHeader>
      <div className="flex flex-wrap items-end gap-4">
        <MonthPicker months={meter.months} value={meter.monthParam} />
        <p className="text-sm text-stone-600" data-testid="burden-summary">
          {page.total} 个单位有负担
          {thresholds.maxOwed !== null || thresholds.maxReminders !== null ? `，其中 ${meter.over} 个超过提醒线` : "；尚未设置负担提醒线"}
        </p>
      </div>
      {meter.canManage && <ThresholdsForm current={thresholds} />}
      <table className="w-full border-collapse bg-white text-sm" data-testid="burden-table">
        <caption className="sr-only">{meter.monthLabel}各单位负担</caption>
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-500">
            <th scope="col" className="px-2 py-1.5">
              单位
            </th>
            <th scope="col" className="px-2 py-1.5 text-right">
              应报事项
            </th>
            <th scope="col" className="px-2 py-1.5 text-right">
              栏目
            </th>
            <th scope="col" className="px-2 py-1.5 text-right">
              催办
            </th>
            <th scope="col" className="px-2 py-1.5 text-right">
              消息
            </th>
            <th scope="col" className="px-2 py-1.5">
              原因
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.unitId} className="border-b border-stone-100 align-top" data-testid="burden-row">
              <th scope="row" className="px-2 py-1.5 text-left font-medium">
                <Link href={`/supervision/burden/${row.unitId}?month=${meter.monthParam}`} className="text-brand-700 hover:underline">
                  {row.unitName}
                </Link>
                {row.breaches.length > 0 && (
                  <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800 ring-1 ring-red-200" data-testid="over-threshold">
                    超过提醒线
                  </span>
                )}
              </th>
              <td className={`px-2 py-1.5 text-right tabular-nums ${row.breaches.includes("owed") ? "font-semibold text-red-700" : ""}`} data-testid="owed">
                {row.owed}
                <span className="block text-xs text-stone-500">
                  报告 {row.reports} · 配合 {row.inputs}
                </span>
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{row.fields}</td>
              <td className={`px-2 py-1.5 text-right tabular-nums ${row.breaches.includes("reminders") ? "font-semibold text-red-700" : ""}`}>
                {row.reminders}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{row.messages}</td>
              <td className="px-2 py-1.5 text-stone-700" data-testid="causes">
                {row.causes.join("；")}
              </td>
            </tr>
          ))}
          {page.rows.length === 0 && (
            <tr>
              <td colSpan={6} className="px-2 py-4 text-center text-stone-500">
                这个月没有单位有应报事项、催办或消息。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager at={at} page={page.page} pages={page.pages} total={page.total} unit="个单位" />
    </div>
  );
}
