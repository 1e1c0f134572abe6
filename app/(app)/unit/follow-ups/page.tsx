import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { CloseFollowUpForm } from "@/components/dispatch/close-follow-up-form";
import { FollowUpBadge } from "@/components/dispatch/follow-up-badge";
import { requirePageFor } from "@/lib/page-guard";
import { getUnitFollowUps } from "@/lib/services/dispatches";
import { TitledSection } from "@/components/ui/headed-section";

export const metadata: Metadata = { title: "调度事项" };

/** The unit's follow-ups from leaders' dispatch meetings: open ones first, red when overdue. */
export default async function FollowUpsPage() {
  const actor = await requirePageFor("unit.act");
  const items = await getUnitFollowUps(actor);
  const open = items.filter((f) => f.status === "open");
  const closed = items.filter((f) => f.status === "closed");
  return (
    <div className="space-y-4">
      <PageHeader title="调度事项">
        <p className="text-sm text-stone-500">责任领导调度会交办本单位的事项：请在办结时限内办结，并填写办结说明。逾期未办结的显示为红色。</p>
      </PageHeader>
      <TitledSection id="open-follow-ups-heading" title={<>办理中（{open.length}）</>}>
        {open.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-500">没有待办结的调度事项。</p>
        ) : (
          <ul className="space-y-3">
            {open.map((f) => (
              <li
                key={f.id}
                className={`space-y-2 rounded border bg-white p-4 ${f.signal === "overdue" ? "border-red-300 border-l-4 border-l-red-500" : "border-stone-200"}`}
                data-testid="follow-up-item"
                data-id={f.id}
              >
                <Meta item={f} />
                <p className="whitespace-pre-wrap break-words" data-testid="follow-up-content">
                  {f.content}
                </p>
                <CloseFollowUpForm id={f.id} />
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
      {closed.length > 0 && (
        <TitledSection id="closed-follow-ups-heading" title={<>已办结（{closed.length}）</>}>
          <ul className="space-y-2">
            {closed.map((f) => (
              <li key={f.id} className="space-y-1 rounded border border-stone-200 bg-white p-3 text-sm" data-testid="follow-up-item" data-id={f.id}>
                <Meta item={f} />
                <p className="whitespace-pre-wrap break-words">{f.content}</p>
                <p className="whitespace-pre-wrap break-words text-stone-600">
                  办结说明：{f.closingNote}（{f.closedAtLabel}）
                </p>
              </li>
            ))}
          </ul>
        </TitledSection>
      )}
    </div>
  );
}

function Meta({ item }: { item: Awaited<ReturnType<typeof getUnitFollowUps>>[number] }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <FollowUpBadge status={item.status} signal={item.signal} dueText={item.dueText} />
      <span className="tabular-nums">办结时限 {item.dueOn}</span>
      <span className="text-stone-500">
        {item.leaderName} {item.heldOn} 调度
        {item.seq !== null && (
          <>
            {" · "}
            <Link href={`/tasks/${item.taskId}`} className="text-brand-700 hover:underline">
              第 {item.seq} 项
            </Link>
          </>
        )}
      </span>
      <Link href={`/leader/dispatches/${item.dispatchId}`} className="text-xs text-brand-700 hover:underline">
        查看调度纪要
      </Link>
    </div>
  );
}
