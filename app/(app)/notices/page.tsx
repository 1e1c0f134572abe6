import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { AcknowledgeButton } from "@/components/notices/notice-buttons";
import { NoticeListFilter } from "@/components/notices/notice-list-filter";
import { KindBadge, PublishedTable } from "@/components/notices/notice-tables";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { requirePageActor } from "@/lib/auth/session";
import { NOTICE_ORDER, noticeFilterParams, parseNoticeListSearch } from "@/lib/notices/list-query";
import { formatShanghai } from "@/lib/periods";
import { can } from "@/lib/policies";
import { listInbox } from "@/lib/services/notices";

export const metadata: Metadata = { title: "通报" };

export default async function NoticeInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = parseNoticeListSearch(await searchParams);
  const inbox = await listInbox(actor, search);
  const all = inbox.mode === "all";
  // The office's list has no 签收 state of its own: that filter is a recipient's.
  const filter = all ? { ...search.filter, state: undefined } : search.filter;
  const at = { path: "/notices", filters: noticeFilterParams(filter), paging: { ...search.paging, page: inbox.page }, fallback: NOTICE_ORDER };
  const pager = <Pager at={at} page={inbox.page} pages={inbox.pages} total={inbox.total} unit="份" />;
  if (all) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">通报</h1>
        <NoticeListFilter path="/notices" search={{ ...search, filter }} years={inbox.years} />
        <PublishedTable
          rows={inbox.rows}
          hrefOf={(id) => `/notices/${id}`}
          dateHeader={<SortHeader at={at} sortKey="date" label="发布时间" startDescending />}
        />
        {pager}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeader title="通报">
        <p className="text-sm text-stone-500" data-testid="notice-pending">
          督查室发给本{can(actor, "leader.act") ? "人" : "单位"}的工作进展通报和通报批评。阅读后请签收
          {inbox.pending > 0 ? `（未签收 ${inbox.pending} 份）` : ""}。
        </p>
      </PageHeader>
      <NoticeListFilter path="/notices" search={search} years={inbox.years} withState />
      <DataTable
        columns={["编号", "标题", { label: <SortHeader at={at} sortKey="date" label="发布时间" startDescending /> }, "签收"]}
        empty={inbox.rows.length === 0 && "暂无通报"}
      >
        {inbox.rows.map((n) => (
          <Row key={n.id} data-testid="inbox-row" className={n.acknowledgedAt ? "" : "bg-amber-50/60"}>
            <Cell className="whitespace-nowrap">
              <KindBadge kind={n.kind} /> <span className="ml-1">{n.numberText}</span>
            </Cell>
            <Cell>
              <Link href={`/notices/${n.id}`} className={`hover:text-brand-700 hover:underline ${n.acknowledgedAt ? "" : "font-semibold"}`}>
                {n.title}
              </Link>
              {n.correctsNoticeId !== null && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">更正</span>}
            </Cell>
            <Cell className="whitespace-nowrap">{n.publishedAt ? formatShanghai(n.publishedAt) : "—"}</Cell>
            <Cell className="whitespace-nowrap">
              {n.acknowledgedAt ? (
                <span className="text-green-800">已签收 {formatShanghai(n.acknowledgedAt)}</span>
              ) : (
                <AcknowledgeButton noticeId={n.id} label={n.numberText} />
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
      {pager}
    </div>
  );
}
