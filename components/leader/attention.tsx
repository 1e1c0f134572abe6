/**
 * 需要您关注: the first screen of a leader's dashboard — the red tasks (a few; all of them one click
 * away), the coordination requests waiting for an instruction, the dispatch follow-ups due.
 */
import Link from "next/link";
import { AgeBadge } from "@/components/coordination/age-badge";
import type { LeaderAttention } from "@/lib/services/leader-dashboard";

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded border border-dashed border-stone-300 p-3 text-stone-500">{children}</p>;
}

export function AttentionBlock({ attention, allRedHref }: { attention: LeaderAttention; allRedHref: string }) {
  const { redTasks, redCount, openCoordinationRequests, dueFollowUps } = attention;
  return (
    <section aria-labelledby="attention-heading" className="space-y-3" data-testid="attention">
      <h2 id="attention-heading" className="text-lg font-semibold">
        需要您关注
      </h2>
      <div className="grid gap-4 lg:grid-cols-5">
        <section aria-labelledby="attention-red" className="min-w-0 space-y-2 lg:col-span-3" data-testid="attention-red">
          <h3 id="attention-red" className="font-semibold text-red-700">
            红灯任务 {redCount} 项
          </h3>
          {redTasks.length === 0 ? (
            <Empty>没有红灯任务。</Empty>
          ) : (
            <ol className="space-y-2">
              {redTasks.map((t) => (
                <li
                  key={t.id}
                  data-testid="attention-task"
                  data-task={t.id}
                  className="rounded border border-l-4 border-stone-200 border-l-red-600 bg-white p-3"
                >
                  <Link href={`/tasks/${t.id}`} className="block font-medium text-stone-900 hover:text-brand-700 hover:underline">
                    <span className="mr-2 text-stone-500">序号 {t.seq}</span>
                    <span className="line-clamp-2">{t.content}</span>
                  </Link>
                  {t.signal.reasons[0] && (
                    <p className="mt-1 text-red-700">
                      {t.signal.reasons
                        .filter((r) => r.level === "red")
                        .map((r) => r.text)
                        .join("；")}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {redCount > redTasks.length && (
            <Link href={allRedHref} className="inline-block text-brand-700 hover:underline" data-testid="attention-all-red">
              查看全部 {redCount} 项红灯任务 →
            </Link>
          )}
        </section>
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <section aria-labelledby="attention-requests" className="space-y-2" data-testid="attention-requests">
            <h3 id="attention-requests" className="font-semibold text-violet-800">
              待批示的需协调事项 {openCoordinationRequests.length} 项
            </h3>
            {openCoordinationRequests.length === 0 ? (
              <Empty>没有等待批示的事项。</Empty>
            ) : (
              <ul className="space-y-2">
                {openCoordinationRequests.map((r) => (
                  <li key={r.id} data-testid="attention-request" className="rounded border border-stone-200 bg-white p-3">
                    <p className="line-clamp-2">{r.content}</p>
                    <p className="mt-1 text-stone-600">
                      序号 {r.seq} · {r.unitName} · <AgeBadge label={r.ageLabel} signal={r.ageSignal} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Link href="/leader/coordination?status=open" className="inline-block text-brand-700 hover:underline">
              去批示 →
            </Link>
          </section>
          <section aria-labelledby="attention-follow-ups" className="space-y-2" data-testid="attention-follow-ups">
            <h3 id="attention-follow-ups" className="font-semibold text-orange-800">
              到期的调度事项 {dueFollowUps.length} 项
            </h3>
            {dueFollowUps.length === 0 ? (
              <Empty>没有逾期或三天内到期的调度事项。</Empty>
            ) : (
              <ul className="space-y-2">
                {dueFollowUps.map((f) => (
                  <li key={f.id} data-testid="attention-follow-up" className="rounded border border-stone-200 bg-white p-3">
                    <Link href={`/leader/dispatches/${f.dispatchId}`} className="line-clamp-2 hover:text-brand-700 hover:underline">
                      {f.content}
                    </Link>
                    <p className="mt-1 text-stone-600">
                      {f.seq !== null && <>序号 {f.seq} · </>}
                      {f.unitName} · <span className={f.overdue ? "text-red-700" : "text-amber-800"}>{f.dueText}</span>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
