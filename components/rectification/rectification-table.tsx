/** A list of rectifications; overdue ones (deadline passed, not submitted or accepted) stand out red. */
import { RECTIFICATION_STATUS_LABEL, type RectificationStatus } from "@/lib/notices/rectification";
import { formatDue, formatShanghai } from "@/lib/periods";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";

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
    <DataTable columns={[showUnit && "被通报单位", "通报", "整改期限", "状态", "报送时间"]} empty={rows.length === 0 && "没有整改报告"}>
      {rows.map((r) => (
        <Row key={r.id} data-testid="rectification-row" data-overdue={r.overdue ? "true" : undefined} className={r.overdue ? "bg-red-50 text-red-900" : ""}>
          {showUnit && <Cell className="whitespace-nowrap font-medium">{r.unitName}</Cell>}
          <LinkCell href={linkOf(r)} quiet>
            {r.numberText}《{r.notice.title}》
          </LinkCell>
          <Cell className={`whitespace-nowrap ${r.overdue ? "font-semibold text-red-700" : ""}`}>{formatDue(r.dueAt)}</Cell>
          <Cell className="whitespace-nowrap">
            <RectificationStatusBadge status={r.status} overdue={r.overdue} />
          </Cell>
          <Cell className="whitespace-nowrap">
            {r.submittedAt ? formatShanghai(r.submittedAt) : "—"}
            {r.submittedAt && r.submittedAt.getTime() > r.dueAt.getTime() && (
              <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">逾期报送</span>
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
