import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { InboxList, MarkAllReadButton } from "@/components/inbox/inbox-list";
import { requirePageActor } from "@/lib/auth/session";
import { notificationKindLabel } from "@/lib/escalation/kinds";
import { formatShanghai } from "@/lib/periods";
import { getInbox } from "@/lib/services/inbox";

export const metadata: Metadata = { title: "消息" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const unreadOnly = first(params.filter) === "unread";
  const pageNumber = Math.min(1000, Math.max(1, Number(first(params.page)) || 1));
  const inbox = await getInbox(actor, { page: pageNumber, unreadOnly });
  const href = (page: number, unread = unreadOnly) =>
    `/inbox?${new URLSearchParams({ ...(unread ? { filter: "unread" } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
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
            <Link
              href={href(1, false)}
              aria-current={!unreadOnly ? "page" : undefined}
              className={!unreadOnly ? "font-semibold text-brand-700" : "text-stone-600 hover:underline"}
            >
              全部
            </Link>
            <Link
              href={href(1, true)}
              aria-current={unreadOnly ? "page" : undefined}
              className={unreadOnly ? "font-semibold text-brand-700" : "text-stone-600 hover:underline"}
            >
              未读
            </Link>
          </nav>
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
      {inbox.pages > 1 && (
        <nav aria-label="分页" className="flex justify-center gap-4 text-sm">
          {inbox.page > 1 && (
            <Link href={href(inbox.page - 1)} className="hover:underline">
              上一页
            </Link>
          )}
          <span className="text-stone-500">
            第 {inbox.page} / {inbox.pages} 页
          </span>
          {inbox.page < inbox.pages && (
            <Link href={href(inbox.page + 1)} className="hover:underline">
              下一页
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
