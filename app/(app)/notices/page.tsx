import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeButton } from "@/components/notices/notice-buttons";
import { KindBadge, PublishedTable } from "@/components/notices/notice-tables";
import { requirePageActor } from "@/lib/auth/session";
import { formatShanghai } from "@/lib/periods";
import { can } from "@/lib/policies";
import { listInbox } from "@/lib/services/notices";

export const metadata: Metadata = { title: "通报" };

export default async function NoticeInboxPage() {
  const actor = await requirePageActor();
  const inbox = await listInbox(actor);
  if (inbox.mode === "all") {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">通报</h1>
        <PublishedTable rows={inbox.rows} hrefOf={(id) => `/notices/${id}`} />
      </div>
    );
  }
  const pending = inbox.rows.filter((r) => !r.acknowledgedAt).length;
  return (
    <div className="space-y-4">
      <PageHeader title="通报">
        <p className="text-sm text-stone-500">
          督查室发给本{can(actor, "leader.act") ? "人" : "单位"}的工作进展通报和通报批评。阅读后请签收{pending > 0 ? `（未签收 ${pending} 份）` : ""}。
        </p>
      </PageHeader>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                编号
              </th>
              <th scope="col" className="px-3 py-2">
                标题
              </th>
              <th scope="col" className="px-3 py-2">
                发布时间
              </th>
              <th scope="col" className="px-3 py-2">
                签收
              </th>
            </tr>
          </thead>
          <tbody>
            {inbox.rows.map((n) => (
              <tr key={n.id} data-testid="inbox-row" className={`border-t border-stone-100 ${n.acknowledgedAt ? "" : "bg-amber-50/60"}`}>
                <td className="whitespace-nowrap px-3 py-2">
                  <KindBadge kind={n.kind} /> <span className="ml-1">{n.numberText}</span>
                </td>
                <td className="px-3 py-2">
                  <Link href={`/notices/${n.id}`} className={`hover:text-brand-700 hover:underline ${n.acknowledgedAt ? "" : "font-semibold"}`}>
                    {n.title}
                  </Link>
                  {n.correctsNoticeId !== null && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">更正</span>}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{n.publishedAt ? formatShanghai(n.publishedAt) : "—"}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {n.acknowledgedAt ? (
                    <span className="text-green-800">已签收 {formatShanghai(n.acknowledgedAt)}</span>
                  ) : (
                    <AcknowledgeButton noticeId={n.id} label={n.numberText} />
                  )}
                </td>
              </tr>
            ))}
            {inbox.rows.length === 0 && (
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-stone-500">
                  暂无通报
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
