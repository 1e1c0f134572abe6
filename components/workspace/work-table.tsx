/**
 * This period's reports or inputs of a unit, one row per task: state, deadline signal, a link to file.
 * Below `md` (a phone) the same rows render as cards: the number, state, deadline and action on one
 * line, the task's text under them over the full width.
 */
import Link from "next/link";
import { HeaderCells } from "@/components/ui/table";
import type { WorkItem } from "@/lib/services/workspace";
import { SIGNAL_ROW_CLASS, SignalBadge, StateBadge } from "./badges";
import { TASK_COLUMNS } from "@/components/tasks/task-columns";

function actionLabel(item: WorkItem): string {
  if (item.closed) return "查看任务";
  switch (item.state) {
    case "missing":
      return "填报";
    case "draft":
      return "继续填写";
    case "returned":
      return "修改后重新报送";
    case "pending_approval":
      return "查看 / 审阅";
    default:
      return item.kind === "contribution" ? "查看 / 修改" : "查看";
  }
}

/** The plan's label on every row, and the row's own period where it is not the page's (a monthly item, a week). */
function RowLabels({ item, periodLabel }: { item: WorkItem; periodLabel: string | null }) {
  return (
    <p className="mb-0.5 flex flex-wrap gap-1 text-xs">
      <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800 ring-1 ring-indigo-200" data-testid="plan-label">
        {item.planLabel}
      </span>
      {item.cadenceLabel && <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700">{item.cadenceLabel}</span>}
      {periodLabel !== item.periodLabel && (
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-stone-700" data-testid="item-period">
          {item.periodLabel}
        </span>
      )}
    </p>
  );
}

export function WorkTable({
  items,
  caption,
  empty,
  testId,
  periodLabel = null,
}: {
  items: WorkItem[];
  caption: string;
  empty: string;
  testId: string;
  periodLabel?: string | null;
}) {
  return (
    <div className="rounded border border-stone-200 bg-white md:overflow-x-auto">
      <table className="block min-w-full text-sm md:table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-stone-100 text-left text-stone-600 md:table-header-group">
          <tr>
            <HeaderCells
              columns={[
                TASK_COLUMNS.number,
                TASK_COLUMNS.text,
                { label: "本期状态", className: "w-32" },
                { label: "期限", className: "w-44" },
                { label: "操作", className: "w-32" },
              ]}
              cellClassName="px-3 py-2"
            />
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {items.map((item) => (
            <tr
              key={`${item.taskId}-${item.periodIndex}`}
              className={`flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-stone-100 p-3 first:border-t-0 md:table-row md:p-0 md:align-top md:first:border-t ${SIGNAL_ROW_CLASS[item.signal ?? "none"]}`}
              data-testid="work-item"
              data-kind={item.kind}
              data-seq={item.seq}
              data-plan={item.planId}
              data-period={item.periodIndex}
              data-state={item.state}
              data-signal={item.signal ?? "none"}
            >
              <td className="text-xs tabular-nums text-stone-500 md:table-cell md:px-3 md:py-2 md:text-sm md:text-[inherit]">
                <span className="md:hidden">第 </span>
                {item.seq}
                <span className="md:hidden"> 项</span>
              </td>
              <td className="order-last w-full min-w-0 md:table-cell md:w-auto md:px-3 md:py-2" data-testid="work-item-task">
                <RowLabels item={item} periodLabel={periodLabel} />
                <Link href={`/tasks/${item.taskId}`} className="line-clamp-3 break-words hover:text-brand-700 md:line-clamp-2 hover:underline">
                  {item.content}
                </Link>
                {item.inputs && item.inputs.owed > 0 && (
                  <p className="mt-1 text-xs text-stone-500" data-testid="inputs">
                    责任单位配合进展：已报送 {item.inputs.filed}/{item.inputs.owed}
                  </p>
                )}
                {item.returnReason && (
                  <p className="mt-1 whitespace-pre-wrap break-words rounded bg-red-50 px-2 py-1 text-xs text-red-800" data-testid="item-return-reason">
                    退回理由：{item.returnReason}
                  </p>
                )}
              </td>
              <td className="md:table-cell md:px-3 md:py-2">
                {item.closed ? (
                  <span
                    data-testid="state"
                    data-state="closed"
                    className="inline-block whitespace-nowrap rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700"
                  >
                    {item.stateLabel}
                  </span>
                ) : (
                  <StateBadge state={item.state} />
                )}
              </td>
              <td className="text-xs text-stone-600 md:table-cell md:px-3 md:py-2" data-testid="work-item-deadline">
                {item.signal ? <SignalBadge signal={item.signal} text={item.timeLeft} /> : <span>{item.closed ? "无需报送" : "已报送"}</span>}
              </td>
              <td className="ml-auto md:ml-0 md:table-cell md:px-3 md:py-2">
                <Link href={item.href} className="whitespace-nowrap text-brand-700 hover:underline" aria-label={`${actionLabel(item)}：第 ${item.seq} 项`}>
                  {actionLabel(item)}
                </Link>
              </td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr className="block md:table-row">
              <td colSpan={5} className="block px-3 py-6 text-center text-stone-500 md:table-cell">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
