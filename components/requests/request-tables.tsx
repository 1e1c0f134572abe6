import Link from "next/link";
import type { listRequestsFor } from "@/lib/services/requests";
import { formatDue, formatShanghai } from "@/lib/periods";
import { DecisionButtons } from "./decision-buttons";
import { Cell, DataTable, Row } from "@/components/ui/table";

const STATUS = { pending: "待审批", approved: "已同意", refused: "未同意" } as const;
const STATUS_CLASS = { pending: "bg-amber-100 text-amber-800", approved: "bg-green-100 text-green-800", refused: "bg-red-100 text-red-800" } as const;

type Requests = Awaited<ReturnType<typeof listRequestsFor>>;
type Extension = Requests["extensions"][number];
type Closure = Requests["closures"][number];

/** The first cells of a request's row: its task, and the unit with who asked and when. */
function AskedCells({ request: r }: { request: Extension | Closure }) {
  return (
    <>
      <Cell>
        <Link href={`/tasks/${r.taskId}`} className="hover:underline">
          {r.seq}. {r.content.slice(0, 30)}
        </Link>
      </Cell>
      <Cell className="whitespace-nowrap">
        {r.unitName}
        <div className="text-xs text-stone-500">
          {r.requestedByName} · {formatShanghai(r.createdAt)}
        </div>
      </Cell>
    </>
  );
}

/** The last cell of a request's row: its state and the decision's note, with the buttons to decide while it is pending. */
function StatusCell({ request: r, kind, label, decide }: { request: Extension | Closure; kind: "extension" | "closure"; label: string; decide: boolean }) {
  return (
    <Cell>
      <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_CLASS[r.status]}`}>{label}</span>
      {r.decisionNote && <div className="mt-1 text-xs text-stone-600">{r.decisionNote}</div>}
      {decide && r.status === "pending" && (
        <div className="mt-2">
          <DecisionButtons kind={kind} id={r.id} />
        </div>
      )}
    </Cell>
  );
}

export function ExtensionTable({ rows, decide }: { rows: Extension[]; decide: boolean }) {
  return (
    <DataTable columns={["任务", "单位", "原截止 → 申请延至", "理由", "状态"]} empty={rows.length === 0 && "暂无延期申请"}>
      {rows.map((r) => (
        <Row key={r.id} className="align-top" data-testid="extension-row">
          <AskedCells request={r} />
          <Cell className="whitespace-nowrap">
            {formatDue(r.oldDueAt)} → <strong>{formatDue(r.requestedDueAt)}</strong>
          </Cell>
          <Cell className="whitespace-pre-wrap">{r.reason}</Cell>
          <StatusCell request={r} kind="extension" label={STATUS[r.status]} decide={decide} />
        </Row>
      ))}
    </DataTable>
  );
}

export function ClosureTable({ rows, decide }: { rows: Closure[]; decide: boolean }) {
  return (
    <DataTable columns={["任务", "单位", "完成情况及佐证", "状态"]} empty={rows.length === 0 && "暂无销号申请"}>
      {rows.map((r) => (
        <Row key={r.id} className="align-top" data-testid="closure-row">
          <AskedCells request={r} />
          <Cell className="whitespace-pre-wrap">{r.evidence}</Cell>
          <StatusCell request={r} kind="closure" label={r.status === "approved" ? "已销号" : STATUS[r.status]} decide={decide} />
        </Row>
      ))}
    </DataTable>
  );
}
