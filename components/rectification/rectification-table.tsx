/** A list of rectifications; overdue ones (deadline passed, not submitted or accepted) stand out red. */
import Link from "next/link";
import { RECTIFICATION_STATUS_LABEL, type RectificationStatus } from "@/lib/notices/rectification";
import { formatDue, formatShanghai } from "@/lib/periods";

export interface RectificationRow {
  id: number;
  noticeId: number;
  unitName: string;
  numberText: string;
  notice: { title: string };
  dueAt: Date;
  status: RectificationStatus;
  submittedAt: Date | null;
  overdue: boolean;
}

export function RectificationStatusBadge({ status, overdue }: { status: RectificationStatus; overdue: boolean }) {
  const tone =
    status === "accepted"
      ? "bg-green-100 text-green-800"
      : status === "submitted"
        ? "bg-sky-100 text-sky-800"
        : status === "returned"
          ? "bg-amber-100 text-amber-900"
          : "bg-stone-100 text-stone-700";
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className={`rounded px-1.5 py-0.5 text-xs ${tone}`}>{RECTIFICATION_STATUS_LABEL[status]}</span>
      {overdue && <span className="rounded bg-red-600 px-1.5 py-0.5 text-xs font-medium text-white">已逾期</span>}
    </span>
  );
}

export function RectificationTable({ rows, linkOf, showUnit }: { rows: RectificationRow[]; linkOf: (row: RectificationRow) => string; showUnit: boolean }) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            {showUnit && (
              <th scope="col" className="px-3 py-2">
                被通报单位
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              通报
            </th>
            <th scope="col" className="px-3 py-2">
              整改期限
            </th>
            <th scope="col" className="px-3 py-2">
              状态
            </th>
            <th scope="col" className="px-3 py-2">
              报送时间
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid="rectification-row"
              data-overdue={r.overdue ? "true" : undefined}
              className={`border-t border-stone-100 ${r.overdue ? "bg-red-50 text-red-900" : ""}`}
            >
              {showUnit && <td className="whitespace-nowrap px-3 py-2 font-medium">{r.unitName}</td>}
              <td className="px-3 py-2">
                <Link href={linkOf(r)} className="hover:text-brand-700 hover:underline">
                  {r.numberText}《{r.notice.title}》
                </Link>
              </td>
              <td className={`whitespace-nowrap px-3 py-2 ${r.overdue ? "font-semibold text-red-700" : ""}`}>{formatDue(r.dueAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <RectificationStatusBadge status={r.status} overdue={r.overdue} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {r.submittedAt ? formatShanghai(r.submittedAt) : "—"}
                {r.submittedAt && r.submittedAt.getTime() > r.dueAt.getTime() && (
                  <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">逾期报送</span>
                )}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={showUnit ? 5 : 4} className="px-3 py-6 text-center text-stone-500">
                没有整改报告
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
