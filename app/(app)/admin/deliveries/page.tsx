import type { Metadata } from "next";
import Link from "next/link";
import { ResendButton } from "@/components/admin/resend-button";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { CHANNEL_KINDS, CHANNEL_LABELS } from "@/lib/delivery/channels";
import { channelLabel, OUTBOX_STATE_LABELS, OUTBOX_STATES, parseDeliveryLogFilter } from "@/lib/delivery/log-labels";
import { requirePageFor } from "@/lib/page-guard";
import { type ListLocation, parsePaging } from "@/lib/paging";
import { formatShanghai } from "@/lib/periods";
import { getDeliveryLog, RESENDABLE } from "@/lib/services/delivery-log";

export const metadata: Metadata = { title: "发送记录" };

const ORDER = { key: "time", descending: true } as const;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("admin.manage");
  const params = await searchParams;
  const filter = parseDeliveryLogFilter(params);
  const paging = parsePaging(params, ["time"] as const, ORDER);
  const log = await getDeliveryLog(actor, { filter, page: paging.page, size: paging.size });
  const filters: [string, string][] = [
    ...(filter.state ? [["state", filter.state] as [string, string]] : []),
    ...(filter.channel ? [["channel", filter.channel] as [string, string]] : []),
  ];
  const at: ListLocation<"time"> = { path: "/admin/deliveries", filters, paging: { ...paging, page: log.page }, fallback: ORDER };
  return (
    <div className="space-y-4">
      <PageHeader title="发送记录">
        <p className="text-sm text-stone-500" data-testid="delivery-total">
          共 {log.total} 条，按时间从新到旧排列。
          <Link href="/admin/channels" className="text-brand-700 hover:underline">
            消息渠道设置
          </Link>
        </p>
      </PageHeader>
      <form role="search" action="/admin/deliveries" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          状态
          <select name="state" defaultValue={filter.state ?? ""} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
            <option value="">全部</option>
            {OUTBOX_STATES.map((s) => (
              <option key={s} value={s}>
                {OUTBOX_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          渠道
          <select name="channel" defaultValue={filter.channel ?? ""} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
            <option value="">全部</option>
            {CHANNEL_KINDS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800">
          筛选
        </button>
      </form>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">发送记录</caption>
          <thead className="bg-stone-50 text-left whitespace-nowrap text-stone-600">
            <tr>
              <th className="px-3 py-2">时间</th>
              <th className="px-3 py-2">消息</th>
              <th className="px-3 py-2">渠道</th>
              <th className="px-3 py-2">收件人</th>
              <th className="px-3 py-2">状态</th>
              <th className="px-3 py-2">尝试</th>
              <th className="px-3 py-2">网关回答</th>
              <th className="px-3 py-2">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody className="[&>tr]:border-t [&>tr]:border-stone-100 [&>tr]:align-top [&>tr>td]:px-3 [&>tr>td]:py-2">
            {log.rows.map((row) => (
              <tr key={row.id} data-testid="delivery-row" data-state={row.state}>
                <td className="whitespace-nowrap tabular-nums">{formatShanghai(row.createdAt)}</td>
                <td>{row.title}</td>
                <td className="whitespace-nowrap">{channelLabel(row.channel)}</td>
                <td className="whitespace-nowrap">{row.recipient}</td>
                <td className="whitespace-nowrap" data-testid="delivery-state">
                  {OUTBOX_STATE_LABELS[row.state]}
                  {row.state === "pending" && row.dueAt > row.createdAt && (
                    <span className="block text-xs text-stone-500">{formatShanghai(row.dueAt)} 发出</span>
                  )}
                </td>
                <td className="tabular-nums">{row.attempts}</td>
                <td className="max-w-xs break-all text-xs text-stone-600">{row.lastAnswer ?? ""}</td>
                <td>{row.channel && (RESENDABLE as readonly string[]).includes(row.state) && <ResendButton id={row.id} title={row.title} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {log.rows.length === 0 && <p className="p-4 text-sm text-stone-500">没有发送记录</p>}
      </div>
      <Pager at={at} page={log.page} pages={log.pages} total={log.total} />
    </div>
  );
}
