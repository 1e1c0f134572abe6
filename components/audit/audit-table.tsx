import Link from "next/link";
import { type AuditEntryView, noActorLabel } from "@/lib/audit-log/present";
import { Cell, DataTable, Row } from "@/components/ui/table";

function Who({ entry }: { entry: AuditEntryView }) {
  if (!entry.actor) {
    return (
      <>
        <span className="text-stone-500">{noActorLabel(entry.action)}</span>
        {entry.typedUsername !== null && <div className="text-xs text-stone-500">输入的用户名：{entry.typedUsername}</div>}
      </>
    );
  }
  return (
    <>
      {entry.actor.displayName}
      <div className="text-xs text-stone-500">
        {entry.actor.username}
        {entry.actor.role && ` · ${entry.actor.role}`}
      </div>
    </>
  );
}

function What({ entry }: { entry: AuditEntryView }) {
  const name = entry.subject ? `${entry.subject.displayName}（${entry.subject.username}）` : entry.entityId;
  const text = name ? `${entry.entityLabel} ${name}` : entry.entityLabel;
  return entry.href ? (
    <Link href={entry.href} className="text-brand-700 hover:underline">
      {text}
    </Link>
  ) : (
    text
  );
}

function Details({ entry }: { entry: AuditEntryView }) {
  if (entry.before === null && entry.after === null) return <span className="text-stone-400">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">详情</summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        {[
          ["变更前", entry.before],
          ["变更后", entry.after],
        ].map(([label, json]) => (
          <div key={label}>
            <div className="text-xs text-stone-500">{label}</div>
            <pre className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2 text-xs">{json ?? "（无）"}</pre>
          </div>
        ))}
      </div>
    </details>
  );
}

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="rounded border border-stone-200 bg-white p-6 text-center text-sm text-stone-500">没有符合条件的记录</p>;
  return (
    <DataTable
      columns={[
        { label: "时间", className: "w-40" },
        { label: "用户", className: "w-40" },
        { label: "操作", className: "w-48" },
        "对象",
        { label: "IP 地址", className: "w-32" },
        "内容",
      ]}
      caption="操作日志"
    >
      {entries.map((entry) => (
        <Row key={entry.id} className="align-top" data-testid="audit-row">
          <Cell className="whitespace-nowrap tabular-nums">{entry.at}</Cell>
          <Cell>
            <Who entry={entry} />
          </Cell>
          <Cell title={entry.action}>{entry.actionLabel}</Cell>
          <Cell>
            <What entry={entry} />
          </Cell>
          <Cell className="tabular-nums">{entry.ip ?? "—"}</Cell>
          <Cell>
            <Details entry={entry} />
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
