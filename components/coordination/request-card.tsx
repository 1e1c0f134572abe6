/**
 * One coordination request (需协调事项) with its thread: who raised it, for which task and period,
 * how long it has waited, every instruction (批示) and reply, and the forms the user may use.
 * Text is rendered as text.
 */
import Link from "next/link";
import { formatShanghai } from "@/lib/periods";
import type { CoordinationItem } from "@/lib/services/coordination";
import { AgeBadge, CoordinationStatusBadge } from "./age-badge";
import { CoordinationReplyForm } from "./reply-form";

export function CoordinationRequestCard({ item, showTask }: { item: CoordinationItem; showTask: boolean }) {
  return (
    <li className="space-y-3 rounded border border-stone-200 bg-white p-4" data-testid="coordination-request" data-id={item.id} data-status={item.status}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <CoordinationStatusBadge status={item.status} />
        <AgeBadge label={item.ageLabel} signal={item.ageSignal} />
        <span className="font-medium" data-testid="coordination-unit">
          {item.unitName}
        </span>
        <span className="text-stone-500">{item.periodLabel}</span>
        <span className="text-xs text-stone-500">{formatShanghai(item.raisedAt)} 提出</span>
      </div>
      {showTask && (
        <p className="text-sm">
          <Link href={`/tasks/${item.taskId}`} className="text-brand-700 hover:underline">
            第 {item.seq} 项
          </Link>
          <span className="ml-2 line-clamp-2 inline text-stone-600">{item.taskContent}</span>
        </p>
      )}
      <p className="whitespace-pre-wrap break-words rounded bg-stone-50 px-3 py-2 text-stone-900" data-testid="coordination-content">
        {item.content}
      </p>
      {item.replies.length > 0 && (
        <ol className="space-y-2 border-l-2 border-stone-200 pl-3 text-sm" aria-label="批示与反馈">
          {item.replies.map((r) => (
            <li key={r.id} data-testid="coordination-reply" data-kind={r.leaderName ? "instruction" : "feedback"}>
              <div className="text-xs text-stone-500">
                <span className="font-medium text-stone-700">{r.leaderName ? `${r.leaderName}批示` : `${r.authorUnitName ?? r.authorName}反馈`}</span>
                <span className="ml-2">{formatShanghai(r.createdAt)}</span>
                {r.resolves && <span className="ml-2 rounded bg-green-50 px-1 text-green-800">标记已解决</span>}
              </div>
              <p className="whitespace-pre-wrap break-words text-stone-900">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      <CoordinationReplyForm id={item.id} can={item.can} />
    </li>
  );
}
