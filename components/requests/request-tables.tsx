import Link from "next/link";
import type { listRequestsFor } from "@/lib/services/requests";
import { formatDue, formatShanghai } from "@/lib/periods";
import { DecisionButtons } from "./decision-buttons";
import { DataTable } from "@/components/ui/table";

const STATUS = { pending: "待审批", approved: "已同意", refused: "未同意" } as const;
const STATUS_CLASS = { pending: "bg-amber-100 text-amber-800", approved: "bg-green-100 text-green-800", refused: "bg-red-100 text-red-800" } as const;

type Requests = Awaited<ReturnType<typeof listRequestsFor>>;
type Extension = Requests["extensions"][number];
type Closure = Requests["closures"][number];

export function ExtensionTable({ rows, decide }: { rows: Extension[]; decide: boolean }) {
  return (
    <DataTable columns={["任务", "单位", "原截止 → 申请延至", "理由", "状态"]} empty={rows.length === 0 && "暂无延期申请"}>
      {rows.map((r) => (
        <tr key={r.id} className="border-t border-stone-100 align-top" data-testid="extension-row">
          <td className="px-3 py-2">
            <Link href={`/tasks/${r.taskId}`} className="hover:underline">
              {r.seq}. {r.content.slice(0, 30)}
            </Link>
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {r.unitName}
            <div className="text-xs text-stone-500">
              {r.requestedByName} · {formatShanghai(r.createdAt)}
            </div>
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {formatDue(r.oldDueAt)} → <strong>{formatDue(r.requestedDueAt)}</strong>
          </td>
          <td className="px-3 py-2 whitespace-pre-wrap">{r.reason}</td>
          <td className="px-3 py-2">
            <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_CLASS[r.status]}`}>{STATUS[r.status]}</span>
            {r.decisionNote && <div className="mt-1 text-xs text-stone-600">{r.decisionNote}</div>}
            {decide && r.status === "pending" && (
              <div className="mt-2">
                <DecisionButtons kind="extension" id={r.id} />
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ClosureTable({ rows, decide }: { rows: Closure[]; decide: boolean }) {
  return (
    <DataTable columns={["任务", "单位", "完成情况及佐证", "状态"]} empty={rows.length === 0 && "暂无销号申请"}>
      {rows.map((r) => (
        <tr key={r.id} className="border-t border-stone-100 align-top" data-testid="closure-row">
          <td className="px-3 py-2">
            <Link href={`/tasks/${r.taskId}`} className="hover:underline">
              {r.seq}. {r.content.slice(0, 30)}
            </Link>
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            {r.unitName}
            <div className="text-xs text-stone-500">
              {r.requestedByName} · {formatShanghai(r.createdAt)}
            </div>
          </td>
          <td className="px-3 py-2 whitespace-pre-wrap">{r.evidence}</td>
          <td className="px-3 py-2">
            <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_CLASS[r.status]}`}>{r.status === "approved" ? "已销号" : STATUS[r.status]}</span>
            {r.decisionNote && <div className="mt-1 text-xs text-stone-600">{r.decisionNote}</div>}
            {decide && r.status === "pending" && (
              <div className="mt-2">
                <DecisionButtons kind="closure" id={r.id} />
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
