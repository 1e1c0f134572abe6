import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { CoordinationRequestCard } from "@/components/coordination/request-card";
import type { CoordinationStatus } from "@/db/schema";
import { AGE_AMBER_AFTER_DAYS, AGE_RED_AFTER_DAYS, COORDINATION_STATUS_LABEL } from "@/lib/coordination/age";
import { orNotFound, requirePageFor } from "@/lib/page-guard";
import { getCoordinationInbox } from "@/lib/services/coordination";

export const metadata: Metadata = { title: "需协调事项" };

const STATUSES: CoordinationStatus[] = ["open", "answered", "resolved"];

/** The leader's inbox of coordination requests: their tasks' (王国泉 and the administrator: all; the office reads). */
export default async function LeaderCoordinationPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageFor("leader.read");
  const raw = (await searchParams).status;
  const status = STATUSES.find((s) => s === raw);
  const inbox = await orNotFound(getCoordinationInbox(actor, { status }));
  const tab = (value: CoordinationStatus | undefined, label: string) => (
    <Link
      href={value ? `/leader/coordination?status=${value}` : "/leader/coordination"}
      aria-current={status === value ? "page" : undefined}
      className={`rounded px-2 py-1 ${status === value ? "bg-brand-700 text-white" : "text-stone-700 hover:bg-stone-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader title="需协调事项">
        <p className="text-sm text-stone-500">
          各牵头单位在半月报告中提请协调的事项，报告报送后送达责任领导。
          {inbox.readOnly ? "此处仅供查阅，由责任领导批示。" : "请批示或标记已解决；未解决的事项等待超过 7 天显示为黄色、超过 14 天显示为红色。"}
        </p>
      </PageHeader>
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-2 text-sm" data-testid="coordination-counts">
        {tab(undefined, `全部 ${inbox.counts.open + inbox.counts.answered + inbox.counts.resolved}`)}
        {STATUSES.map((s) => tab(s, `${COORDINATION_STATUS_LABEL[s]} ${inbox.counts[s]}`))}
      </nav>
      <p className="text-xs text-stone-500">
        等待时间按自然日计算：超过 {AGE_AMBER_AFTER_DAYS} 天 <span className="rounded bg-amber-50 px-1 text-amber-800 ring-1 ring-amber-300">黄色</span>，超过{" "}
        {AGE_RED_AFTER_DAYS} 天 <span className="rounded bg-red-50 px-1 text-red-700 ring-1 ring-red-300">红色</span>。
      </p>
      {inbox.items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">暂无需协调事项。</p>
      ) : (
        <ul className="space-y-3" data-testid="coordination-inbox">
          {inbox.items.map((item) => (
            <CoordinationRequestCard key={item.id} item={item} showTask />
          ))}
        </ul>
      )}
    </div>
  );
}
