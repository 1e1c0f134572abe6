import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { InboxList, MarkAllReadButton } from "@/components/inbox/inbox-list";
import { Pager } from "@/components/ui/pager";
import { SortHeader } from "@/components/ui/sort-header";
import { requirePageActor } from "@/lib/auth/session";
import { notificationKindLabel } from "@/lib/escalation/kinds";
import { INBOX_ORDER, INBOX_STATES, inboxFilterParams, parseInboxSearch, type InboxState } from "@/lib/inbox/query";
import { listHref } from "@/lib/paging";
import { formatShanghai } from "@/lib/periods";
import { getInbox } from "@/lib/services/inbox";

export const metadata: Metadata = { title: "消息" };

const STATE_LABEL: Record<InboxState, string> = { all: "全部", unread: "未读", read: "已读" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const search = parseInboxSearch(await searchParams);
  const inbox = await getInbox(actor, search);
  const at = { path: "/inbox", filters: inboxFilterParams(search.state), paging: { ...search.paging, page: inbox.page }, fallback: INBOX_ORDER };
  // Another state starts on page 1 and keeps the size and the order.
  const stateHref = (state: InboxState) => listHref({ ...at, filters: inboxFilterParams(state) }, { page: 1 });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="消息">
          <p className="text-sm text-stone-500" data-testid="inbox-counts">
            共 {inbox.total} 条，未读 {inbox.unread} 条
          </p>
        </PageHeader>
        <div className="flex items-center gap-3 text-sm">
          <nav aria-label="筛选" className="flex gap-2">
            {INBOX_STATES.map((state) => (
              <Link
                key={state}
                href={stateHref(state)}
                aria-current={search.state === state ? "page" : undefined}
                className={search.state === state ? "font-semibold text-brand-700" : "text-stone-600 hover:underline"}
              >
                {STATE_LABEL[state]}
              </Link>
            ))}
          </nav>
          <SortHeader at={at} sortKey="date" label="时间" startDescending />
          <MarkAllReadButton disabled={inbox.unread === 0} />
        </div>
      </div>
      <InboxList
        entries={inbox.items.map((i) => ({
          id: i.id,
          kindLabel: notificationKindLabel(i.kind),
          title: i.title,
          body: i.body,
          link: i.link,
          at: formatShanghai(i.createdAt),
          read: i.read,
        }))}
      />
      <Pager at={at} page={inbox.page} pages={inbox.pages} total={inbox.selected} />
    </div>
  );
}
