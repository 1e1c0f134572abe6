import Link from "next/link";
import type { AuditEntryView } from "@/lib/audit-log/present";

function Who({ entry }: { entry: AuditEntryView }) {
  if (!entry.actor) {
    return (
      <>
        <span className="text-stone-500">未登录</span>
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
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">操作日志</caption>
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="w-40 px-3 py-2">
              时间
            </th>
            <th scope="col" className="w-40 px-3 py-2">
              用户
            </th>
            <th scope="col" className="w-48 px-3 py-2">
              操作
            </th>
            <th scope="col" className="px-3 py-2">
              对象
            </th>
            <th scope="col" className="w-32 px-3 py-2">
              IP 地址
            </th>
            <th scope="col" className="px-3 py-2">
              内容
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-stone-100 align-top" data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{entry.at}</td>
              <td className="px-3 py-2">
                <Who entry={entry} />
              </td>
              <td className="px-3 py-2" title={entry.action}>
                {entry.actionLabel}
              </td>
              <td className="px-3 py-2">
                <What entry={entry} />
              </td>
              <td className="px-3 py-2 tabular-nums">{entry.ip ?? "—"}</td>
              <td className="px-3 py-2">
                <Details entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
